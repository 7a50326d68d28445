package dev.integrationsandbox.coverage;

import dev.integrationsandbox.coverage.DeclaredResponses.ErrorProbe;
import dev.integrationsandbox.coverage.DeclaredResponses.Outcome;
import dev.integrationsandbox.exchange.Exchange;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Tells which outcome an exchange produced, by its status and, where declared, its body. */
final class Outcomes {

  private static final ByteBuf ERROR_VALUE =
      Unpooled.unreleasableBuffer(
          Unpooled.wrappedBuffer("\"error\"".getBytes(StandardCharsets.US_ASCII)));

  private Outcomes() {}

  /**
   * The status alone, unless the contract declares in-body errors for it: then the body is read,
   * but only when it contains {@code "error"} at all, so that the common successful answer (a large
   * list, say) is never parsed on the event loop. A truncated body cannot be parsed and counts as
   * the plain status.
   */
  /**
   * In-body error answers are small envelopes ({@code {"response":{…,"status":"error"}}}); a larger
   * body is a success (a 341 KB report), and is not scanned.
   */
  static final int ERROR_ENVELOPE_MAX = 4096;

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
   * Netty's substring search on the body's own bytes: checking byte by byte through {@code
   * Buffer.getByte} was 7% of the event loops' time on HubSoft's 1.5 KB atendimento answer.
   */
  private static boolean contains(Buffer body, ByteBuf needle) {
    return ByteBufUtil.indexOf(needle, ((BufferInternal) body).getByteBuf()) >= 0;
  }
}
