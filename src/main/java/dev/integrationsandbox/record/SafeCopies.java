package dev.integrationsandbox.record;

import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeListener;
import java.util.List;

/**
 * Hands the listeners that keep exchanges for later display (the journal, the inspector's feed) an
 * exchange of real traffic already as {@link SafeView} shows it, made once: proxied and spied
 * exchanges carry a team's real credentials and its customers' documents, which must not sit in
 * memory for a heap dump or a future reader to find. An emulated or replayed exchange holds what a
 * test sent and the sandbox answered, and is kept as it was (and made safe when shown).
 */
public final class SafeCopies implements ExchangeListener {

  private final SafeView view;
  private final List<ExchangeListener> keepers;

  public SafeCopies(SafeView view, List<ExchangeListener> keepers) {
    this.view = view;
    this.keepers = List.copyOf(keepers);
  }

  @Override
  public void onExchange(Exchange exchange) {
    Exchange kept =
        exchange.mode() == Mode.PROXY || exchange.mode() == Mode.SPY
            ? view.kept(exchange)
            : exchange;
    for (ExchangeListener keeper : keepers) {
      keeper.onExchange(kept);
    }
  }
}
