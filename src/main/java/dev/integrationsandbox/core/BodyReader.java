package dev.integrationsandbox.core;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;

/**
 * Reads a request body whole, as bytes, up to the vendor's limit and within the read timeout.
 *
 * <p>Vert.x Web's {@code BodyHandler} decodes form-encoded bodies into attributes (capped at 1 KB
 * of buffered form data in Vert.x 5) even for vendors that read the raw body whatever its
 * Content-Type, such as Vocom's PHP server; this reader keeps bytes only, and each vendor decodes
 * what it reads. A body over the limit is refused as soon as the limit is passed (413, in the
 * vendor's dialect); a body that does not arrive within the read timeout, or a client that goes
 * away mid-body, is journaled as an abort rather than answered.
 */
final class BodyReader implements Handler<RoutingContext> {

  /** Where the body waits in the routing context for the pipeline. */
  static final String KEY = "sandbox.body";

  private final Pipeline pipeline;
  private final MountedVendor vendor;
  private final String operationId;
  private final long limit;
  private final long timeoutMillis;
  private final ReadDeadlines deadlines;

  BodyReader(
      Vertx vertx,
      Pipeline pipeline,
      MountedVendor vendor,
      String operationId,
      long limit,
      Duration timeout) {
    this.pipeline = pipeline;
    this.vendor = vendor;
    this.operationId = operationId;
    this.limit = limit;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.deadlines = new ReadDeadlines(vertx, timeoutMillis);
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    if (request.isEnded()) {
      rc.next();
      return;
    }
    long declared = IncomingBody.declaredLength(request);
    if (declared > limit) {
      rc.fail(413);
      return;
    }
    new Reading(rc, declared).start();
  }

  /** One body being read: its bytes so far and how it ends. */
  private final class Reading {
    private final RoutingContext rc;
    private final Buffer body;
    private ReadDeadlines.Watch watch;
    private boolean done;

    Reading(RoutingContext rc, long declared) {
      this.rc = rc;
      this.body = Buffer.buffer((int) Math.min(Math.max(declared, 0), 64 * 1024));
    }

    void start() {
      HttpServerRequest request = rc.request();
      request.handler(this::chunk).exceptionHandler(this::failed).endHandler(v -> end());
      request.resume();
      if (!done) {
        watch = deadlines.watch(() -> abort("body not received within " + timeoutMillis + " ms"));
      }
    }

    private void chunk(Buffer chunk) {
      if (done) {
        return;
      }
      if (body.length() + (long) chunk.length() > limit) {
        finish();
        rc.fail(413);
        return;
      }
      body.appendBuffer(chunk);
    }

    /**
     * The connection closed mid-body (the client went away: an abort, journaled as one), or the
     * body could not be decoded (a bad chunk: a 400 in the vendor's dialect, then the connection
     * closes, since the stream cannot be read further).
     */
    private void failed(Throwable cause) {
      if (cause instanceof io.vertx.core.http.HttpClosedException) {
        abort("client went away mid-body after " + body.length() + " bytes");
        return;
      }
      if (!done) {
        finish();
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        rc.fail(400, cause);
      }
    }

    private void end() {
      if (done) {
        return;
      }
      Throwable unreadable = StrictRequestDecoder.unreadableBody(rc.request().connection());
      if (unreadable != null) {
        failed(unreadable);
        return;
      }
      finish();
      rc.put(KEY, body);
      rc.next();
    }

    private void abort(String why) {
      if (done) {
        return;
      }
      finish();
      pipeline.aborted(rc, vendor, operationId, body, why);
      rc.request().connection().close();
    }

    private void finish() {
      done = true;
      if (watch != null) {
        watch.done();
      }
    }
  }
}
