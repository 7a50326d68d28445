package dev.integrationsandbox.record;

import dev.integrationsandbox.config.SandboxVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Recordings as HAR 1.2, the archive format of browsers' network panels, Postman and HAR viewers:
 * one entry per exchange, in recorded order. Each entry keeps the recording's vendor, operation and
 * id as HAR's custom {@code _vendor}, {@code _operation} and {@code _id} fields, so an exported
 * archive replays like its recording; an archive saved by another tool has none, and its entries
 * are given to vendors by path. Every header and body passes the redactor once more on the way out,
 * so that a recording written by an older or foreign tool cannot carry a secret into the archive.
 */
public final class Har {

  /** Entries' URLs need a host; a recording keeps only path and query. */
  static final String HOST = ".recorded.invalid";

  private Har() {}

  /** The HAR 1.2 document of a recording's lines. */
  public static JsonObject of(List<JsonObject> lines, Redactor redactor) {
    JsonArray entries = new JsonArray();
    for (JsonObject line : lines) {
      entries.add(entry(line, redactor));
    }
    return new JsonObject()
        .put(
            "log",
            new JsonObject()
                .put("version", "1.2")
                .put(
                    "creator",
                    new JsonObject()
                        .put("name", "integration-sandbox")
                        .put("version", SandboxVersion.get()))
                .put("entries", entries));
  }

  private static JsonObject entry(JsonObject line, Redactor redactor) {
    JsonObject request = line.getJsonObject("request");
    JsonObject response = line.getJsonObject("response");
    String uri = redactor.uri(request.getString("uri"));
    String requestType = header(request, "content-type");
    String responseType = header(response, "content-type");
    JsonObject harRequest =
        new JsonObject()
            .put("method", request.getString("method"))
            .put("url", "https://" + line.getString("vendor") + HOST + uri)
            .put("httpVersion", "HTTP/1.1")
            .put("cookies", new JsonArray())
            .put("headers", headers(request, redactor))
            .put("queryString", queryString(uri))
            .put("headersSize", -1)
            .put("bodySize", request.getInteger("bodySize", -1));
    Object requestBody = request.getValue("body");
    if (requestBody != null) {
      Object redacted = redactor.json(requestBody);
      boolean form =
          requestType != null
              && requestType.toLowerCase(Locale.ROOT).contains("x-www-form-urlencoded")
              && redacted instanceof JsonObject;
      harRequest.put(
          "postData",
          new JsonObject()
              .put("mimeType", requestType == null ? "" : requestType)
              .put("text", form ? formText((JsonObject) redacted) : text(redacted)));
    }
    Object responseBody = response.getValue("body");
    int status = response.getInteger("status");
    double time = line.getDouble("durationMs", 0.0);
    return new JsonObject()
        .put("startedDateTime", line.getString("at"))
        .put("time", time)
        .put("request", harRequest)
        .put(
            "response",
            new JsonObject()
                .put("status", status)
                .put("statusText", "")
                .put("httpVersion", "HTTP/1.1")
                .put("cookies", new JsonArray())
                .put("headers", headers(response, redactor))
                .put(
                    "content",
                    new JsonObject()
                        .put("size", response.getInteger("bodySize", 0))
                        .put("mimeType", responseType == null ? "" : responseType)
                        .put("text", responseBody == null ? "" : text(redactor.json(responseBody))))
                .put("redirectURL", "")
                .put("headersSize", -1)
                .put("bodySize", response.getInteger("bodySize", -1)))
        .put("cache", new JsonObject())
        .put("timings", new JsonObject().put("send", 0).put("wait", time).put("receive", 0))
        .put("_vendor", line.getString("vendor"))
        .put("_operation", line.getString("operation"))
        .put("_id", line.getString("id"));
  }

  private static String header(JsonObject message, String name) {
    JsonObject headers = message.getJsonObject("headers", new JsonObject());
    for (String key : headers.fieldNames()) {
      if (key.equalsIgnoreCase(name)) {
        return String.valueOf(headers.getValue(key));
      }
    }
    return null;
  }

  private static JsonArray headers(JsonObject message, Redactor redactor) {
    JsonArray out = new JsonArray();
    JsonObject headers = message.getJsonObject("headers", new JsonObject());
    for (String name : headers.fieldNames()) {
      String value = String.valueOf(headers.getValue(name));
      out.add(
          new JsonObject()
              .put("name", name)
              .put("value", redactor.secretName(name) ? Redactor.MASK : redactor.text(value)));
    }
    return out;
  }

  private static JsonArray queryString(String uri) {
    JsonArray out = new JsonArray();
    int q = uri.indexOf('?');
    if (q >= 0) {
      new QueryStringDecoder(uri.substring(q + 1), StandardCharsets.UTF_8, false)
          .parameters()
          .forEach(
              (name, values) ->
                  values.forEach(v -> out.add(new JsonObject().put("name", name).put("value", v))));
    }
    return out;
  }

  /** A form the recording keeps as an object, encoded back as the client sent it. */
  private static String formText(JsonObject form) {
    io.netty.handler.codec.http.QueryStringEncoder encoder =
        new io.netty.handler.codec.http.QueryStringEncoder("", StandardCharsets.UTF_8);
    form.forEach(e -> encoder.addParam(e.getKey(), String.valueOf(e.getValue())));
    String encoded = encoder.toString();
    return encoded.startsWith("?") ? encoded.substring(1) : encoded;
  }

  /** A recorded body as HAR text: JSON encoded, text as it is. */
  private static String text(Object body) {
    return body instanceof String s ? s : Json.encode(body);
  }

  /**
   * A HAR document's entries as recording lines, for replay. Entries without {@code _vendor} (a
   * browser's or Postman's archive) go to the vendor that {@code vendorOfPath} names, and are left
   * out when it names none.
   */
  public static List<JsonObject> lines(JsonObject har, Function<String, String> vendorOfPath) {
    JsonArray entries = har.getJsonObject("log", new JsonObject()).getJsonArray("entries");
    List<JsonObject> out = new java.util.ArrayList<>();
    if (entries == null) {
      return out;
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonObject entry = entries.getJsonObject(i);
      JsonObject request = entry.getJsonObject("request");
      String uri = pathAndQuery(request.getString("url"));
      int q = uri.indexOf('?');
      String vendor = entry.getString("_vendor");
      if (vendor == null) {
        vendor = vendorOfPath.apply(q < 0 ? uri : uri.substring(0, q));
      }
      if (vendor == null) {
        continue;
      }
      JsonObject response = entry.getJsonObject("response");
      JsonObject content = response.getJsonObject("content", new JsonObject());
      JsonObject postData = request.getJsonObject("postData");
      String requestType = postData == null ? null : postData.getString("mimeType");
      out.add(
          new JsonObject()
              .put("format", RecordingLine.FORMAT)
              .put("id", entry.getString("_id", "har-" + i))
              .put("at", entry.getString("startedDateTime"))
              .put("vendor", vendor)
              .put("operation", entry.getString("_operation"))
              .put(
                  "request",
                  new JsonObject()
                      .put("method", request.getString("method").toUpperCase(Locale.ROOT))
                      .put("uri", uri)
                      .put("headers", headers(request.getJsonArray("headers")))
                      .put("body", body(postData, requestType)))
              .put(
                  "response",
                  new JsonObject()
                      .put("status", response.getInteger("status"))
                      .put("headers", headers(response.getJsonArray("headers")))
                      .put("body", body(content, content.getString("mimeType")))));
    }
    return out;
  }

  private static String pathAndQuery(String url) {
    int scheme = url.indexOf("://");
    int path = scheme < 0 ? 0 : url.indexOf('/', scheme + 3);
    return path < 0 ? "/" : url.substring(path);
  }

  private static JsonObject headers(JsonArray har) {
    JsonObject out = new JsonObject();
    if (har != null) {
      for (Object h : har) {
        JsonObject header = (JsonObject) h;
        String name = header.getString("name").toLowerCase(Locale.ROOT);
        String value = header.getString("value");
        out.put(name, out.containsKey(name) ? out.getString(name) + ", " + value : value);
      }
    }
    return out;
  }

  /**
   * A HAR body as the recording keeps it: JSON when its type says JSON and it parses, a form as an
   * object, text otherwise; base64-encoded bodies (binary) as they are.
   */
  private static Object body(JsonObject holder, String mimeType) {
    if (holder == null) {
      return null;
    }
    String text = holder.getString("text");
    String type = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    if (text == null || text.isEmpty()) {
      JsonArray params = holder.getJsonArray("params");
      if (params == null || params.isEmpty()) {
        return null;
      }
      JsonObject form = new JsonObject();
      params.forEach(
          p -> form.put(((JsonObject) p).getString("name"), ((JsonObject) p).getString("value")));
      return form;
    }
    if (type.contains("x-www-form-urlencoded")) {
      JsonObject form = new JsonObject();
      for (Map.Entry<String, List<String>> e :
          new QueryStringDecoder(text, StandardCharsets.UTF_8, false).parameters().entrySet()) {
        form.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
      }
      return form;
    }
    if (type.contains("json") && !"base64".equals(holder.getString("encoding"))) {
      try {
        return Json.decodeValue(text);
      } catch (DecodeException e) {
        return text;
      }
    }
    return text;
  }
}
