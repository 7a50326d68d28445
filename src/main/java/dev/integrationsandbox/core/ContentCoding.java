package dev.integrationsandbox.core;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * A readable copy of a body that an upstream compressed: the client receives the compressed bytes
 * unchanged, while validation, the journal and recordings need the JSON inside. The copy is bounded
 * by {@link #MAX_DECODED} so that a small "zip bomb" cannot exhaust memory, and is made on a worker
 * unless it is small, since inflating megabytes on an event loop stalls every connection it serves
 * (a 900 KiB gzip answer of JSON takes about 9 ms to decode, a 16 MiB copy tens of ms).
 */
public final class ContentCoding {

  /** The most bytes a compressed body is expanded to; past it the copy is cut. */
  static final int MAX_DECODED = 16 * 1024 * 1024;

  /**
   * A copy of at most this many bytes is decoded on the event loop. A hop to a worker and back
   * costs the answer 20–30 µs (measured on the 2-core build machine), about what inflating 32 KiB
   * of JSON costs the loop (40 µs); a larger copy costs the loop more than the hop costs the answer
   * (80 KiB: 110 µs, 1 MiB: 0.7 ms). The inline attempt stops at this size and leaves the rest to
   * the worker, so a small body that expands a thousandfold (deflate's limit) is not decoded here.
   */
  static final int INLINE_DECODED_MAX = 32 * 1024;

  /**
   * Only a body smaller than this is tried inline: JSON compresses about tenfold, so a larger one
   * would nearly always pass {@link #INLINE_DECODED_MAX} and be decoded twice.
   */
  static final int INLINE_TRY_MAX = 4 * 1024;

  private ContentCoding() {}

  /**
   * The body decoded per its {@code Content-Encoding}, by {@code workers} unless the copy is small;
   * the body itself when not encoded, or when it cannot be decoded (a truncated or corrupt stream),
   * which the contract check then reports. Never failed; completes on the caller's context.
   */
  public static Future<Buffer> decoding(WorkerExecutor workers, MultiMap headers, Buffer body) {
    String coding = coding(headers, body);
    if (coding == null) {
      return Future.succeededFuture(body);
    }
    if (body.length() < INLINE_TRY_MAX) {
      Buffer small = decoded(coding, body, INLINE_DECODED_MAX + 1);
      if (small.length() <= INLINE_DECODED_MAX) {
        return Future.succeededFuture(small);
      }
    }
    return workers
        .executeBlocking(() -> decoded(coding, body, MAX_DECODED), false)
        .recover(e -> Future.succeededFuture(body));
  }

  /** At most {@code limit} bytes of the decoded body; the body itself when it cannot be decoded. */
  static Buffer decoded(String coding, Buffer body, int limit) {
    try {
      InputStream in = new ByteArrayInputStream(body.getBytes());
      try (InputStream decoder =
          coding.equals("deflate") ? new InflaterInputStream(in) : new GZIPInputStream(in)) {
        return Buffer.buffer(decoder.readNBytes(limit));
      }
    } catch (IOException e) {
      return body;
    }
  }

  /** The body's coding, in lower case, when it is one decoded here; otherwise null. */
  private static String coding(MultiMap headers, Buffer body) {
    String coding = headers.get("Content-Encoding");
    if (coding == null || body.length() == 0) {
      return null;
    }
    String c = coding.trim().toLowerCase(Locale.ROOT);
    return c.equals("gzip") || c.equals("x-gzip") || c.equals("deflate") ? c : null;
  }
}
