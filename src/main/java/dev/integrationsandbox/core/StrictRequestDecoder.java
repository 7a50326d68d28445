package dev.integrationsandbox.core;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Vert.x's HTTP/1.x request decoder, except that a request with both {@code Content-Length} and
 * {@code Transfer-Encoding: chunked} keeps its {@code Content-Length} header. Netty reads such a
 * body as chunked and drops the length, so no handler could tell the request from an honest chunked
 * one; with both headers left in place, {@link RequestGate} refuses it (400 in the vendor's
 * dialect) and the connection closes (RFC 9112 §6.1: the message may be a smuggling attempt).
 *
 * <p>Installed from the server's connection handler, before the connection reads its first byte; it
 * reaches into Vert.x's channel pipeline, the one place where the decoder can be chosen.
 */
final class StrictRequestDecoder extends VertxHttpRequestDecoder {

  /** The name Vert.x gives its decoder in an HTTP/1.x pipeline. */
  static final String NAME = "httpDecoder";

  StrictRequestDecoder(HttpServerOptions options) {
    super(options);
  }

  /** Puts this decoder in place of Vert.x's on an HTTP/1.x connection; others are left alone. */
  static void install(HttpConnection connection, HttpServerOptions options) {
    if (connection instanceof ConnectionBase base) {
      ChannelPipeline pipeline = base.channel().pipeline();
      if (pipeline.get(NAME) instanceof VertxHttpRequestDecoder
          && !(pipeline.get(NAME) instanceof StrictRequestDecoder)) {
        pipeline.replace(NAME, NAME, new StrictRequestDecoder(options));
      }
    }
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    String length = message.headers().get(HttpHeaderNames.CONTENT_LENGTH);
    super.handleTransferEncodingChunkedWithContentLength(message);
    message.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
  }
}
