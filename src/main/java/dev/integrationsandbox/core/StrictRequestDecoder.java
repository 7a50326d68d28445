package dev.integrationsandbox.core;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AttributeKey;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.impl.VertxHttpRequestDecoder;
import io.vertx.core.net.impl.ConnectionBase;
import java.util.List;

/**
 * Vert.x's HTTP/1.x request decoder, with two changes that let the sandbox answer malformed bodies
 * in the vendor's dialect instead of Vert.x closing the connection without a word.
 *
 * <p>A body that cannot be decoded (a chunk size that is not hex, a chunk line Netty refuses) ends
 * the request instead of failing the connection; the cause is kept on the channel ({@link
 * #unreadableBody}), where {@link BodyReader} finds it and answers 400, and {@link ConnectionGuard}
 * then closes the connection, since nothing after the bad chunk can be read.
 *
 * <p>A request with both {@code Content-Length} and {@code Transfer-Encoding: chunked} keeps its
 * {@code Content-Length} header. Netty reads such a body as chunked and drops the length, so no
 * handler could tell the request from an honest chunked one; with both headers left in place,
 * {@link RequestGate} refuses it (400 in the vendor's dialect) and the connection closes (RFC 9112
 * §6.1: the message may be a smuggling attempt).
 *
 * <p>Chunk extensions are ignored, as RFC 9112 asks, even those Netty's checker refuses ({@link
 * ChunkExtensions}).
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

  /** Why the body of the connection's current request could not be decoded, or null. */
  static Throwable unreadableBody(HttpConnection connection) {
    return connection instanceof ConnectionBase base ? base.channel().attr(UNREADABLE).get() : null;
  }

  private static final AttributeKey<Throwable> UNREADABLE =
      AttributeKey.valueOf("sandbox.unreadableBody");

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf buffer, List<Object> out)
      throws Exception {
    int from = out.size();
    ChunkExtensions.ignoreNext(this, buffer);
    super.decode(ctx, buffer, out);
    for (int k = from; k < out.size(); k++) {
      if (out.get(k) instanceof HttpContent content
          && !(out.get(k) instanceof HttpRequest)
          && content.decoderResult().isFailure()) {
        ctx.channel().attr(UNREADABLE).set(content.decoderResult().cause());
        content.release();
        out.set(k, new DefaultLastHttpContent());
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
