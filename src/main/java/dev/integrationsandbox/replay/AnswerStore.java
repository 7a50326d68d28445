package dev.integrationsandbox.replay;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The recorded answers' bytes, outside the heap, in a few large blocks written once while the
 * recording is read and only read afterwards. Most of a recording's size is its answers: kept on
 * the heap, 100,000 of them are tens of megabytes that every garbage collection has to leave room
 * for under the recommended 160 MB heap, and the collector ran several times as often with them
 * there. A reply is a view of its slice, without a copy; the socket writes straight from it.
 */
final class AnswerStore {

  /** A block's size; an answer larger than that gets a block of its own. */
  static final int BLOCK = 8 << 20;

  private final List<ByteBuffer> blocks = new ArrayList<>();
  private ByteBuffer current;
  private long bytes;

  /** Where the bytes are now kept: block index in the high half, offset in the low. */
  long add(byte[] answer) {
    if (current == null || current.remaining() < answer.length) {
      current = ByteBuffer.allocateDirect(Math.max(BLOCK, answer.length));
      blocks.add(current);
    }
    long at = (long) (blocks.size() - 1) << 32 | current.position();
    current.put(answer);
    bytes += answer.length;
    return at;
  }

  /** A read-only view of kept bytes, for one reply. */
  Buffer view(long at, int length) {
    ByteBuffer slice = blocks.get((int) (at >>> 32)).slice((int) at, length).asReadOnlyBuffer();
    return BufferInternal.buffer(Unpooled.wrappedBuffer(slice));
  }

  /** The answers' bytes held outside the heap. */
  long bytes() {
    return bytes;
  }
}
