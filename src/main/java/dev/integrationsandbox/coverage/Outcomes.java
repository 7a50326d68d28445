package dev.integrationsandbox.coverage;

import dev.integrationsandbox.coverage.DeclaredResponses.ErrorProbe;
import dev.integrationsandbox.coverage.DeclaredResponses.Outcome;
import dev.integrationsandbox.exchange.Exchange;
import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
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
   * The status alone, unless the contract declares in-body errors for it: then the body is read,
   * but only when it contains {@code "error"} at all, so that the common successful answer (a large
   * list, say) is never parsed on the event loop. A truncated body cannot be parsed and counts as
   * the plain status.
   */
  static Outcome classify(DeclaredResponses declared, Exchange e) {
    List<ErrorProbe> probes = declared.probes().get(e.status());
    if (probes == null || probes.isEmpty()) {
      return new Outcome(e.status(), null);
    }
    Buffer body = e.responseBody().kept();
    if (e.responseBody().truncated()
        || body.length() > ERROR_ENVELOPE_MAX
        || !contains(body, ERROR_VALUE)) {
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
   * A plain loop over the bytes where they lie: reading them one by one through {@code
   * Buffer.getByte} (7% of the event loops' samples on HubSoft's 1.5 KB answer) or Netty's {@code
   * ByteBufUtil.indexOf} (16%, it prepares its search on every call) cost far more, and copying
   * them out first was an eighth of that answer's allocations.
   */
  private static boolean contains(Buffer body, byte[] needle) {
    ByteBuf buf = ((BufferInternal) body).getByteBuf();
    if (!buf.hasArray()) {
      return contains(body.getBytes(), 0, body.length(), needle);
    }
    return contains(
        buf.array(), buf.arrayOffset() + buf.readerIndex(), buf.readableBytes(), needle);
  }

  private static boolean contains(byte[] bytes, int from, int length, byte[] needle) {
    int last = from + length - needle.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (bytes[i] != needle[0]) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
