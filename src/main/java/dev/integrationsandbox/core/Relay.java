package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.BodyStream;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passes a streamed body to the client chunk by chunk, at the pace the client reads it, while
 * keeping a bounded copy for the contract check, the journal and the recorder: an upstream's answer
 * of any size costs the sandbox at most {@link #COPY_MAX} bytes, and all of them together at most
 * {@link #COPIES_MAX}, instead of its size.
 *
 * <p>Past either bound the copy stops and the answer still reaches the client whole; it is then
 * journaled and recorded cut, and not held to the contract, which needs every byte.
 */
final class Relay {

  /** The most bytes of one answer kept for the contract check. */
  static final int COPY_MAX = 16 * 1024 * 1024;

  /**
   * The most bytes of copies kept at once across this JVM: many large answers at the same time go
   * unchecked instead of exhausting the heap, which one answer's bound times the connections would
   * not prevent.
   */
  static final long COPIES_MAX = 64L * 1024 * 1024;

  private static final AtomicLong COPIED = new AtomicLong();

  /** The bytes of copies being kept right now, across this JVM. */
  static long copiedBytes() {
    return COPIED.get();
  }

  /**
   * What the relay kept of a body.
   *
   * @param kept the first bytes of the body, all of them when {@link #whole()}
   * @param size how many bytes the body had
   * @param tail the body's last bytes, not written yet: a client that was told the length reads the
   *     answer as complete with its last byte, so those go out with the end of the response, after
   *     the listeners have heard of the exchange
   */
  record Copy(Buffer kept, long size, Buffer tail) {
    boolean whole() {
      return kept.length() == size;
    }
  }

  private final BodyStream body;
  private final HttpServerResponse response;
  private final Promise<Copy> done = Promise.promise();
  private final Buffer kept;
  private long size;
  private Buffer tail = Buffer.buffer();
  private long reserved;
  private boolean copying = true;

  private Relay(BodyStream body, HttpServerResponse response) {
    this.body = body;
    this.response = response;
    long declared = body.declaredLength();
    this.kept = Buffer.buffer((int) Math.min(Math.max(declared, 0), 64 * 1024));
  }

  /**
   * Writes {@code body} to {@code response}, whose head is set, but for its {@linkplain Copy#tail
   * tail}: the pipeline ends the response with it once the exchange is told. Completes with the
   * copy when the body is all written; fails when the source breaks or the client goes away, after
   * letting go of the source.
   */
  static Future<Copy> pass(BodyStream body, HttpServerResponse response) {
    return new Relay(body, response).start();
  }

  /**
   * The whole body of a streamed answer, for the rare step that needs it before sending (a fault
   * that truncates or replaces the answer); fails past {@link #COPY_MAX}.
   */
  static Future<Buffer> whole(BodyStream body) {
    Promise<Buffer> read = Promise.promise();
    Buffer all = Buffer.buffer();
    ReadStream<Buffer> chunks = body.chunks();
    chunks.exceptionHandler(read::tryFail);
    chunks.handler(
        chunk -> {
          if (read.future().isComplete()) {
            return;
          }
          if (all.length() + (long) chunk.length() > COPY_MAX) {
            body.cancel();
            read.tryFail(new IllegalStateException("answer larger than " + COPY_MAX + " bytes"));
          } else {
            all.appendBuffer(chunk);
          }
        });
    chunks.endHandler(v -> read.tryComplete(all));
    chunks.resume();
    return read.future();
  }

  private Future<Copy> start() {
    done.future().onComplete(ended -> release());
    ReadStream<Buffer> chunks = body.chunks();
    response.exceptionHandler(this::broken);
    response.closeHandler(v -> broken(new IllegalStateException("the client went away")));
    chunks.exceptionHandler(this::broken);
    chunks.endHandler(v -> done.tryComplete(new Copy(kept, size, tail)));
    chunks.handler(this::chunk);
    chunks.resume();
    return done.future();
  }

  private void chunk(Buffer chunk) {
    if (done.future().isComplete()) {
      return;
    }
    size += chunk.length();
    keep(chunk);
    if (body.declaredLength() >= 0 && size >= body.declaredLength()) {
      tail = chunk;
      return;
    }
    response.write(chunk);
    if (response.writeQueueFull()) {
      ReadStream<Buffer> chunks = body.chunks();
      chunks.pause();
      response.drainHandler(v -> chunks.resume());
    }
  }

  private void keep(Buffer chunk) {
    if (!copying) {
      return;
    }
    int length = chunk.length();
    if (kept.length() + (long) length > COPY_MAX) {
      copying = false;
      return;
    }
    if (COPIED.addAndGet(length) > COPIES_MAX) {
      COPIED.addAndGet(-length);
      copying = false;
      return;
    }
    reserved += length;
    kept.appendBuffer(chunk);
  }

  private void broken(Throwable cause) {
    if (done.tryFail(cause)) {
      body.cancel();
    }
  }

  private void release() {
    COPIED.addAndGet(-reserved);
    reserved = 0;
  }
}
