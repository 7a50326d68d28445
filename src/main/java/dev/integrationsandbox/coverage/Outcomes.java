package dev.integrationsandbox.coverage;

import dev.integrationsandbox.coverage.DeclaredResponses.ErrorProbe;
import dev.integrationsandbox.coverage.DeclaredResponses.Outcome;
import dev.integrationsandbox.exchange.Exchange;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Tells which outcome an exchange produced, by its status and, where declared, its body. */
final class Outcomes {

  private static final byte[] ERROR_VALUE = "\"error\"".getBytes(StandardCharsets.US_ASCII);

  private Outcomes() {}

  /**
   * In-body error answers are small envelopes ({@code {"response":{…,"status":"error"}}}); a larger
   * body is a success (a 341 KB report), and is not scanned.
   */
  static final int ERROR_ENVELOPE_MAX = 4096;

  /**
   * The status alone, unless the contract declares in-body errors for it and the answer is not
   * known to be a success ({@link Exchange#success}, an emulator's envelope): then the body is
   * read, but only when it contains {@code "error"} at all, so that the common successful answer (a
   * large list, say) is never parsed on the event loop. A truncated body cannot be parsed and
   * counts as the plain status.
   */
  static Outcome classify(DeclaredResponses declared, Exchange e) {
    List<ErrorProbe> probes = declared.probes().get(e.status());
    if (e.success() || probes == null || probes.isEmpty()) {
      return new Outcome(e.status(), null);
    }
    Buffer body = e.responseBody().kept();
    if (e.responseBody().truncated()
        || body.length() > ERROR_ENVELOPE_MAX
        || !mentionsError(body)) {
      return new Outcome(e.status(), null);
    }
    JsonObject json;
    try {
      json = body.toJsonObject();
    } catch (RuntimeException notAnObject) {
      return new Outcome(e.status(), null);
    }
    for (ErrorProbe probe : probes) {
      String kind = probe.kindOf(json);
      if (kind != null) {
        return new Outcome(e.status(), kind);
      }
    }
    return new Outcome(e.status(), null);
  }

  /**
   * How far the search may move on when the byte under the needle's last position is {@code b}
   * (Boyer-Moore-Horspool): most bytes of an answer are not in {@code "error"}, so the search reads
   * about one byte in five instead of every one.
   */
  private static final int[] SHIFT = shifts(ERROR_VALUE);

  private static int[] shifts(byte[] needle) {
    int[] shift = new int[256];
    Arrays.fill(shift, needle.length);
    for (int i = 0; i < needle.length - 1; i++) {
      shift[needle[i] & 0xFF] = needle.length - 1 - i;
    }
    return shift;
  }

  /**
   * A search over the bytes where they lie: reading them one by one through {@code Buffer.getByte}
   * (7% of the event loops' samples on HubSoft's 1.5 KB answer) or Netty's {@code
   * ByteBufUtil.indexOf} (16%, it prepares its search on every call) cost far more, and copying
   * them out first was an eighth of that answer's allocations.
   */
  private static boolean mentionsError(Buffer body) {
    ByteBuf buf = ((BufferInternal) body).getByteBuf();
    if (!buf.hasArray()) {
      return mentionsError(body.getBytes(), 0, body.length());
    }
    return mentionsError(buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes());
  }

  /** Whether {@code bytes[from, from + length)} contains {@code "error"}. */
  static boolean mentionsError(byte[] bytes, int from, int length) {
    byte[] needle = ERROR_VALUE;
    int n = needle.length;
    int end = from + length;
    int i = from;
    outer:
    while (i + n <= end) {
      byte last = bytes[i + n - 1];
      if (last == needle[n - 1]) {
        for (int j = 0; j < n - 1; j++) {
          if (bytes[i + j] != needle[j]) {
            i += SHIFT[last & 0xFF];
            continue outer;
          }
        }
        return true;
      }
      i += SHIFT[last & 0xFF];
    }
    return false;
  }
}
