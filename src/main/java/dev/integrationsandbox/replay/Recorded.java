package dev.integrationsandbox.replay;

import dev.integrationsandbox.core.SandboxRoutes;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One exchange of a recording, ready to be served again: its request's {@link RequestShape} and its
 * answer as bytes, encoded once when the recording is loaded.
 *
 * @param position the exchange's place in the recording, from 0
 * @param id the exchange's id in the recording ({@code "id"} of its line)
 */
record Recorded(
    int position,
    String id,
    String operation,
    RequestShape request,
    int status,
    String contentType,
    MultiMap headers,
    Buffer body,
    Object withCredentials) {

  /**
   * Headers that described the bytes on the wire as they were: the recording holds the body decoded
   * and the sandbox frames it anew.
   */
  private static final Set<String> FRAMING =
      Set.of(
          "content-length",
          "content-encoding",
          "transfer-encoding",
          "connection",
          "keep-alive",
          "content-type",
          "x-sandbox-exchange-id");

  static Recorded of(int position, JsonObject line, Set<String> ignored) {
    JsonObject request = line.getJsonObject("request");
    JsonObject response = line.getJsonObject("response");
    JsonObject recordedHeaders = response.getJsonObject("headers", new JsonObject());
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    String contentType = null;
    for (String name : recordedHeaders.fieldNames()) {
      String value = String.valueOf(recordedHeaders.getValue(name));
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("content-type")) {
        contentType = value;
      } else if (!FRAMING.contains(lower)) {
        headers.add(name, value);
      }
    }
    return new Recorded(
        position,
        line.getString("id", String.valueOf(position)),
        line.getString("operation"),
        RequestShape.of(
            request.getString("method"),
            SandboxRoutes.withoutWorld(request.getString("uri")),
            request.getValue("body"),
            ignored),
        response.getInteger("status"),
        contentType,
        headers,
        bytes(response.getValue("body"), contentType),
        Credentials.holdsMasked(response.getValue("body")) ? response.getValue("body") : null);
  }

  /** A JSON body as JSON; text as it was; a JSON string under a JSON type encoded as one. */
  private static Buffer bytes(Object body, String contentType) {
    if (body == null) {
      return Buffer.buffer();
    }
    boolean json = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("json");
    if (body instanceof String text && !json) {
      return Buffer.buffer(text);
    }
    return Json.encodeToBuffer(body);
  }

  /**
   * A fresh answer each time: the pipeline adds its own headers to the reply's map. An answer whose
   * credentials were redacted (a token grant) gets new ones, so that the client holds a token
   * rather than the redaction mark.
   */
  Reply reply() {
    return new Reply(
        status,
        contentType,
        MultiMap.caseInsensitiveMultiMap().addAll(headers),
        null,
        withCredentials == null ? body : Json.encodeToBuffer(Credentials.issue(withCredentials)),
        null,
        List.of());
  }
}
