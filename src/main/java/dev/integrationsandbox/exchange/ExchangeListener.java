package dev.integrationsandbox.exchange;

import io.vertx.core.Future;

/**
 * Told of every exchange just before its answer is sent, as WireMock's {@code ServeEventListener}
 * is told once it has been: the journal, the metrics and the request log are listeners, and so are
 * the recorder and the coverage report, so that none of them is code wedged into the send path.
 *
 * <p>Called on the event loop that served the request: an implementation returns at once and hands
 * slow work (disk, network) to a worker.
 */
@FunctionalInterface
public interface ExchangeListener {
  void onExchange(Exchange exchange);

  /**
   * Told of the exchange like {@link #onExchange}, and says when the exchange is kept: the answer
   * is sent only then. The recorder overrides it, so that a client holding its answer finds the
   * exchange in the recording even if the sandbox is killed the next instant.
   */
  default Future<Void> onExchangeKept(Exchange exchange) {
    onExchange(exchange);
    return Future.succeededFuture();
  }
}
