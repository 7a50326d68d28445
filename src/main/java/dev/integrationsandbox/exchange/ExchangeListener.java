package dev.integrationsandbox.exchange;

/**
 * Told of every exchange once its answer has been sent, as WireMock's {@code ServeEventListener}
 * is: the journal, the metrics and the request log are listeners, and so are the recorder and the
 * coverage report, so that none of them is code wedged into the send path.
 *
 * <p>Called on the event loop that served the request: an implementation returns at once and hands
 * slow work (disk, network) to a worker.
 */
@FunctionalInterface
public interface ExchangeListener {
  void onExchange(Exchange exchange);
}
