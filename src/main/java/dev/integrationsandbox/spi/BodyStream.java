package dev.integrationsandbox.spi;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A body that arrives after its head: an upstream's answer, passed on to the client chunk by chunk
 * as it comes rather than held whole, so that a large or slow answer costs the sandbox neither its
 * size in memory nor its duration in latency.
 */
public interface BodyStream {

  /** The chunks, paused until the pipeline has somewhere to send them. */
  ReadStream<Buffer> chunks();

  /** The length the sender declared ({@code Content-Length}), or -1 when it did not. */
  long declaredLength();

  /** Lets go of the stream's source: the client went away, or a fault replaces the answer. */
  void cancel();
}
