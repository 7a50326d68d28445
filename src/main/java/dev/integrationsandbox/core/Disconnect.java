package dev.integrationsandbox.core;

import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Ends a connection with a TCP reset, as a load balancer or a crashed upstream does: the client
 * reads "connection reset by peer", not the orderly end of {@code close()}. Vert.x's {@code
 * HttpServerResponse.reset()} only closes an HTTP/1.x connection, so the socket's linger is set to
 * zero first, which makes the close an RST. HTTP/2 has a reset of its own per stream.
 */
final class Disconnect {

  private Disconnect() {}

  static void reset(HttpServerRequest request) {
    if (request.version() == HttpVersion.HTTP_2) {
      request.response().reset();
      return;
    }
    if (request.connection() instanceof ConnectionBase connection) {
      connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
    }
    request.connection().close();
  }
}
