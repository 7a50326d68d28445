package dev.integrationsandbox.exchange;

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

  private final java.util.function.Function<String, String> redactUri;

  public RequestLog(java.util.function.Function<String, String> redactUri) {
    this.redactUri = redactUri;
  }

  @Override
  public void onExchange(Exchange e) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String remark =
        !e.violations().isEmpty()
            ? e.violations().get(0).in() + " " + e.violations().get(0).describe()
            : !e.notes().isEmpty() ? "lint: " + e.notes().get(0) : "";
    LOG.info(
        "{} {} {} {} {} ms {}",
        e.method().name(),
        redactUri.apply(e.uri()),
        e.status(),
        e.operationId() == null ? "-" : e.operationId(),
        String.format(java.util.Locale.ROOT, "%.1f", e.durationNanos() / 1e6),
        remark);
  }
}
