package dev.integrationsandbox.exchange;

import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per exchange ({@code --log-requests}): method, path, status, operation, time and
 * the first contract violation or lint note, so an operator can follow traffic with {@code tail
 * -f}. The path is the redacted one: query strings can carry secrets.
 *
 * <pre>
 * POST /v2/btg-tickets/customers/52998224725/tickets 400 createTicket 0.4 ms request body/channel: …
 * </pre>
 */
public final class RequestLog implements ExchangeListener {

  private static final Logger LOG = LoggerFactory.getLogger("integration-sandbox.requests");

  private final Function<Exchange, String> uri;
  private final UnaryOperator<String> text;

  /**
   * @param uri the exchange's target as a log line may show it (redacted, masked)
   * @param text free text as a log line may show it: the first violation quotes the value
   */
  public RequestLog(Function<Exchange, String> uri, UnaryOperator<String> text) {
    this.uri = uri;
    this.text = text;
  }

  @Override
  public void onExchange(Exchange e) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String remark =
        !e.violations().isEmpty()
            ? e.violations().get(0).in() + " " + text.apply(e.violations().get(0).describe())
            : !e.notes().isEmpty() ? "lint: " + e.notes().get(0) : "";
    LOG.info(
        "{} {} {} {} {} ms {}",
        e.method().name(),
        uri.apply(e),
        e.status(),
        e.operationId() == null ? "-" : e.operationId(),
        String.format(java.util.Locale.ROOT, "%.1f", e.durationNanos() / 1e6),
        remark);
  }
}
