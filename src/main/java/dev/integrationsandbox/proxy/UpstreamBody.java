package dev.integrationsandbox.proxy;

import dev.integrationsandbox.spi.BodyStream;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.streams.ReadStream;

/** An upstream answer's body as it arrives, on the pooled connection that carries it. */
final class UpstreamBody implements BodyStream {

  private final HttpClientResponse response;

  UpstreamBody(HttpClientResponse response) {
    this.response = response;
  }

  @Override
  public ReadStream<Buffer> chunks() {
    return response;
  }

  @Override
  public long declaredLength() {
    String length = response.getHeader("Content-Length");
    if (length == null) {
      return -1;
    }
    try {
      return Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Resets the upstream request: the connection is closed rather than returned to the pool with an
   * answer half read, which the next request on it would read as its own.
   */
  @Override
  public void cancel() {
    response.request().reset();
  }
}
