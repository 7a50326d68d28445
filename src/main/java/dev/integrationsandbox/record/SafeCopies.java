package dev.integrationsandbox.record;

import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeListener;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the listeners that keep exchanges for later display (the journal, the inspector's feed) an
 * exchange of real traffic already as {@link SafeView} shows it, made once: proxied and spied
 * exchanges carry a team's real credentials and its customers' documents, which must not sit in
 * memory for a heap dump or a future reader to find. An emulated or replayed exchange holds what a
 * test sent and the sandbox answered, and is kept as it was (and made safe when shown).
 *
 * <p>The copy walks every JSON value through the redactor and the mask: about 30 µs for an exchange
 * with 2.7 KiB of bodies, 77 µs with masking on (measured on the 2-core build machine). Bodies past
 * {@link #INLINE_MAX} are copied on a worker, since a megabyte of JSON would hold the event loop
 * for tens of milliseconds; the answer's end waits for the copy, as it waits for the journal.
 */
public final class SafeCopies implements ExchangeListener {

  private static final Logger LOG = LoggerFactory.getLogger(SafeCopies.class);

  /**
   * The most body bytes (request and answer) made safe on the event loop: about 10 µs of work (30
   * with masking), what a hop to a worker and back costs the answer (20–30 µs).
   */
  static final int INLINE_MAX = 1024;

  private final SafeView view;
  private final List<ExchangeListener> keepers;
  private final WorkerExecutor workers;

  public SafeCopies(SafeView view, List<ExchangeListener> keepers, WorkerExecutor workers) {
    this.view = view;
    this.keepers = List.copyOf(keepers);
    this.workers = workers;
  }

  @Override
  public void onExchange(Exchange exchange) {
    onExchangeKept(exchange);
  }

  @Override
  public Future<Void> onExchangeKept(Exchange exchange) {
    if (exchange.mode() != Mode.PROXY && exchange.mode() != Mode.SPY) {
      keep(exchange);
      return Future.succeededFuture();
    }
    if (bodyBytes(exchange) <= INLINE_MAX) {
      keep(view.kept(exchange));
      return Future.succeededFuture();
    }
    return workers
        .executeBlocking(() -> view.kept(exchange), false)
        .map(
            kept -> {
              keep(kept);
              return (Void) null;
            })
        .recover(
            e -> {
              LOG.warn(
                  "exchange {} not journaled: its safe copy failed: {}",
                  exchange.id(),
                  e.toString());
              return Future.succeededFuture();
            });
  }

  /** The bytes the copy walks: a cut body is not walked. */
  private static long bodyBytes(Exchange e) {
    return (e.requestBody().truncated() ? 0 : e.requestBody().kept().length())
        + (e.responseBody().truncated() ? 0 : e.responseBody().kept().length());
  }

  private void keep(Exchange kept) {
    for (ExchangeListener keeper : keepers) {
      keeper.onExchange(kept);
    }
  }
}
