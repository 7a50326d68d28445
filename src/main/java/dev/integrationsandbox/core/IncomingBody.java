package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.BodyStream;
import dev.integrationsandbox.spi.Failure;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that a forwarding mode passes on as it arrives instead of reading it whole first:
 * the upstream sees the first bytes while the client still sends the rest. It keeps the copy that
 * request validation, the journal and the recorder read once the body has ended, bounded by the
 * vendor's body limit as a body read whole is ({@link BodyReader}), and within the same read
 * timeout.
 *
 * <p>A body past the limit fails the stream (the mode resets its upstream request, so the upstream
 * never takes a cut body for a whole one) and {@link #read()} with the vendor's 413; a client that
 * goes away or stalls past the timeout is journaled as an abort, as {@link BodyReader} does.
 */
final class IncomingBody implements BodyStream, ReadStream<Buffer> {

  /** Where the body waits in the routing context for the pipeline. */
  static final String KEY = "sandbox.incoming";

  private final RoutingSide side;
  private final HttpServerRequest request;
  private final long limit;
  private final long declared;
  private final Promise<Buffer> read = Promise.promise();
  private final Buffer copy;
  private Handler<Buffer> downstream;
  private Handler<Void> endHandler;
  private Handler<Throwable> exceptionHandler;
  private long timer;

  /** What an abort tells the pipeline: the client went away or stalled mid-body. */
  interface RoutingSide {
    void aborted(Buffer partial, String why);
  }

  /** The client went away or stalled: journaled as an abort, answered by nobody. */
  static final class Aborted extends RuntimeException {
    Aborted(String why) {
      super(why, null, false, false);
    }
  }

  IncomingBody(
      Vertx vertx, HttpServerRequest request, long limit, long timeoutMillis, RoutingSide side) {
    this.side = side;
    this.request = request;
    this.limit = limit;
    this.declared = declaredLength(request);
    this.copy = Buffer.buffer((int) Math.min(Math.max(declared, 0), 64 * 1024));
    timer =
        vertx.setTimer(
            Math.max(1, timeoutMillis),
            id -> abort("body not received within " + timeoutMillis + " ms"));
    read.future().onComplete(done -> vertx.cancelTimer(timer));
    if (request.isEnded()) {
      read.complete(copy);
    } else {
      request.pause();
      request.handler(this::chunk).exceptionHandler(this::failed).endHandler(v -> end());
    }
  }

  /**
   * The declared {@code Content-Length}; 0 for an HTTP/1.x request that declares neither a length
   * nor chunks, which has no body (RFC 9112 §6.3); -1 when the length is not known in advance.
   */
  static long declaredLength(HttpServerRequest request) {
    String value = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (value == null) {
      boolean chunked = request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
      return chunked || request.version() == HttpVersion.HTTP_2 ? -1 : 0;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The whole body once it has ended; fails with a {@link Failure} or {@link Aborted}. */
  Future<Buffer> read() {
    return read.future();
  }

  /** Reads the body with nothing downstream: for a call answered without forwarding it. */
  Future<Buffer> readWhole() {
    request.resume();
    return read.future();
  }

  /**
   * Reads the rest of the body for the copy alone: the mode answered without forwarding it (the
   * upstream could not be reached), so nothing downstream takes it any more.
   */
  void discardDownstream() {
    downstream = null;
    endHandler = null;
    exceptionHandler = null;
    request.resume();
  }

  private void chunk(Buffer chunk) {
    if (read.future().isComplete()) {
      return;
    }
    if (copy.length() + (long) chunk.length() > limit) {
      fail(
          Failure.of(
              Failure.Kind.TOO_LARGE, "request body exceeds the limit of " + limit + " bytes"));
      return;
    }
    copy.appendBuffer(chunk);
    if (downstream != null) {
      downstream.handle(chunk);
    }
  }

  /**
   * The connection closed mid-body (an abort), or the body could not be decoded (a bad chunk: a 400
   * in the vendor's dialect).
   */
  private void failed(Throwable cause) {
    if (cause instanceof HttpClosedException) {
      abort("client went away mid-body after " + copy.length() + " bytes");
    } else {
      fail(Failure.badRequest("request could not be read"));
    }
  }

  private void end() {
    if (read.future().isComplete()) {
      return;
    }
    Throwable unreadable = StrictRequestDecoder.unreadableBody(request.connection());
    if (unreadable != null) {
      failed(unreadable);
      return;
    }
    read.tryComplete(copy);
    if (endHandler != null) {
      endHandler.handle(null);
    }
  }

  private void abort(String why) {
    if (read.future().isComplete()) {
      return;
    }
    fail(new Aborted(why));
    side.aborted(copy, why);
    request.connection().close();
  }

  private void fail(RuntimeException cause) {
    if (!read.tryFail(cause)) {
      return;
    }
    if (!(cause instanceof Aborted)) {
      request.response().putHeader(HttpHeaders.CONNECTION, "close");
    }
    if (exceptionHandler != null) {
      exceptionHandler.handle(cause);
    }
  }

  @Override
  public ReadStream<Buffer> chunks() {
    return this;
  }

  @Override
  public long declaredLength() {
    return declared;
  }

  /** Nothing to let go: the request's own connection ends with its answer. */
  @Override
  public void cancel() {}

  @Override
  public IncomingBody exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    return this;
  }

  @Override
  public IncomingBody handler(Handler<Buffer> handler) {
    this.downstream = handler;
    return this;
  }

  @Override
  public IncomingBody pause() {
    request.pause();
    return this;
  }

  @Override
  public IncomingBody resume() {
    request.resume();
    return this;
  }

  @Override
  public IncomingBody fetch(long amount) {
    request.fetch(amount);
    return this;
  }

  @Override
  public IncomingBody endHandler(Handler<Void> handler) {
    this.endHandler = handler;
    if (handler != null && read.future().succeeded()) {
      handler.handle(null);
    }
    return this;
  }
}
