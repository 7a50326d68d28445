package dev.integrationsandbox.record;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.Exchange.Captured;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One exchange as a line of a recording, redacted: the format that {@code
 * contracts/recording.schema.json} describes and that replay, HAR export and other tools read.
 * Bodies are kept as JSON when they parse (secret fields masked), as text otherwise.
 */
public final class RecordingLine {

  /** The format's version, the line's {@code "format"} field. */
  public static final int FORMAT = 1;

  private RecordingLine() {}

  /**
   * The exchange as a redacted JSON object, ready to encode as one line.
   *
   * @param mask replaces personal data in paths, bodies and messages; null to keep it
   */
  public static JsonObject of(Exchange e, Redactor redactor, PersonalDataMask mask, int bodyLimit) {
    JsonObject line = of(e, redactor, bodyLimit);
    if (mask == null) {
      return line;
    }
    for (String part : new String[] {"request", "response"}) {
      JsonObject message = line.getJsonObject(part);
      message.put("body", mask.json(message.getValue("body")));
    }
    line.getJsonObject("request")
        .put("uri", mask.text(line.getJsonObject("request").getString("uri")));
    for (Object v : line.getJsonArray("violations")) {
      JsonObject violation = (JsonObject) v;
      violation.put("message", mask.text(violation.getString("message")));
      violation.put("location", mask.text(violation.getString("location")));
    }
    line.put("error", mask.text(line.getString("error")));
    return line;
  }

  private static JsonObject of(Exchange e, Redactor redactor, int bodyLimit) {
    JsonObject request =
        new JsonObject()
            .put("method", e.method().name())
            .put("uri", redactor.uri(e.uri()))
            .put("headers", redactor.headers(e.requestHeaders()));
    body(request, e.requestBody(), e.requestHeaders().get("Content-Type"), redactor, bodyLimit);
    JsonObject response =
        new JsonObject().put("status", e.status()).put("headers", headers(e, redactor));
    body(response, e.responseBody(), e.responseContentType(), redactor, bodyLimit);
    JsonArray violations = new JsonArray();
    for (Violation v : e.violations()) {
      violations.add(
          new JsonObject()
              .put("in", v.in())
              .put("location", redactor.text(v.location()))
              .put("message", redactor.text(v.message())));
    }
    return new JsonObject()
        .put("format", FORMAT)
        .put("id", e.id())
        .put("at", e.at().toString())
        .put("vendor", e.vendor())
        .put("operation", e.operationId())
        .put("mode", e.mode() == null ? null : e.mode().id())
        .put("world", e.world())
        .put("durationMs", e.durationNanos() / 1_000_000.0)
        .put("request", request)
        .put("response", response)
        .put("violations", violations)
        .put("error", redactor.text(e.error()));
  }

  private static JsonObject headers(Exchange e, Redactor redactor) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(e.responseHeaders());
    if (e.responseContentType() != null && !all.contains("Content-Type")) {
      all.set("Content-Type", e.responseContentType());
    }
    return redactor.headers(all);
  }

  private static void body(
      JsonObject into, Captured body, String contentType, Redactor redactor, int limit) {
    into.put("body", redactor.body(body.kept(), contentType, limit));
    into.put("bodySize", body.size());
    if (body.truncated()) {
      into.put("bodyTruncated", true);
    }
  }
}
