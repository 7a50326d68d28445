package dev.integrationsandbox.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bytes of a batch of recording lines, reused from batch to batch by the one recorder thread,
 * so that encoding a line allocates no array of its own and a batch reaches the file in one write.
 * A line that must not be written (it still held a secret) is cut off again with {@link #truncate}.
 *
 * <p>Not thread-safe: it belongs to the recorder thread.
 */
final class LineBuffer extends OutputStream {

  /** Past this, the array is given back after the batch instead of kept for the next one. */
  private static final int KEPT_CAPACITY = 1 << 20;

  private byte[] bytes = new byte[64 * 1024];
  private int size;

  int size() {
    return size;
  }

  void truncate(int length) {
    size = length;
  }

  @Override
  public void write(int b) {
    ensure(size + 1);
    bytes[size++] = (byte) b;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    ensure(size + len);
    System.arraycopy(b, off, bytes, size, len);
    size += len;
  }

  /**
   * The bytes from {@code from} to the end, one char per byte, for the last check on one line
   * ({@link Redactor#leaksInBytes}).
   */
  String bytesAsText(int from) {
    return new String(bytes, from, size - from, StandardCharsets.ISO_8859_1);
  }

  /** Writes the first {@code length} bytes to {@code out} and keeps the rest. */
  void drainTo(OutputStream out, int length) throws IOException {
    out.write(bytes, 0, length);
    discard(length);
  }

  /** Drops the first {@code length} bytes, keeping the rest. */
  void discard(int length) {
    System.arraycopy(bytes, length, bytes, 0, size - length);
    size -= length;
    if (size == 0 && bytes.length > KEPT_CAPACITY) {
      bytes = new byte[64 * 1024];
    }
  }

  private void ensure(int capacity) {
    if (capacity > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(capacity, bytes.length * 2));
    }
  }
}
