package dev.integrationsandbox.diff;

import dev.integrationsandbox.record.Redactor;
import dev.integrationsandbox.spi.StandIns;
import io.vertx.core.MultiMap;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a recorded request into one the emulator accepts in this run: redacted credentials become
 * the emulator's own ({@link StandIns}) or the tokens it issued earlier in the run, and ids the
 * client learned from a recorded answer become the ids the emulator answered in the same place.
 */
final class RequestRewriter {

  private static final Set<String> DROPPED =
      Set.of("host", "content-length", "transfer-encoding", "connection", "accept-encoding");

  /** Recorded id → the emulator's id at the same pointer of the same exchange. */
  private final Map<String, String> ids = new HashMap<>();

  /** Per vendor, the secrets the emulator issued last by field name (access_token...). */
  private final Map<String, Map<String, String>> issued = new HashMap<>();

  record Rewritten(String method, String uri, MultiMap headers, String body) {}

  /**
   * @param grantsToken the recorded answer issued a token: the request authenticates with the
   *     fixtures' credentials even when the run holds a token already
   */
  Rewritten rewrite(JsonObject request, String vendor, StandIns standIns, boolean grantsToken) {
    Map<String, String> secrets = new HashMap<>(standIns.fields());
    secrets.putAll(issued.getOrDefault(vendor, Map.of()));
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    JsonObject recorded = request.getJsonObject("headers", new JsonObject());
    for (String name : recorded.fieldNames()) {
      String value = String.valueOf(recorded.getValue(name));
      if (DROPPED.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      if (name.equalsIgnoreCase("Authorization")) {
        value = authorization(value, grantsToken ? null : secrets.get("access_token"), standIns);
      }
      if (value != null && !value.contains(Redactor.MASK)) {
        headers.add(name, value);
      }
    }
    Object body = request.getValue("body");
    Object rewritten = body instanceof String form ? form(form, secrets) : json(body, secrets);
    String text;
    if (rewritten instanceof JsonObject fields
        && String.valueOf(headers.get("Content-Type")).contains("x-www-form-urlencoded")) {
      text = encodeForm(fields);
    } else {
      text =
          rewritten == null || rewritten instanceof String
              ? (String) rewritten
              : Json.encode(rewritten);
    }
    return new Rewritten(request.getString("method"), uri(request.getString("uri")), headers, text);
  }

  private static String authorization(String recorded, String token, StandIns standIns) {
    if (!recorded.contains(Redactor.MASK)) {
      return recorded;
    }
    return token != null ? "Bearer " + token : standIns.authorization();
  }

  /** Remembers the ids and secrets of one answer, walking the recorded and emulator's in step. */
  void learn(String vendor, Object recorded, Object emulator) {
    if (recorded instanceof JsonObject r && emulator instanceof JsonObject e) {
      for (String name : r.fieldNames()) {
        Object rv = r.getValue(name);
        Object ev = e.getValue(name);
        if (Redactor.isSecret(name) && ev instanceof String secret) {
          issued.computeIfAbsent(vendor, v -> new HashMap<>()).put(name, secret);
        } else if (isId(name) && rv != null && ev != null && !(rv instanceof JsonObject)) {
          if (!String.valueOf(rv).equals(String.valueOf(ev))) {
            ids.put(String.valueOf(rv), String.valueOf(ev));
          }
        } else {
          learn(vendor, rv, ev);
        }
      }
    } else if (recorded instanceof JsonArray r && emulator instanceof JsonArray e) {
      for (int i = 0; i < Math.min(r.size(), e.size()); i++) {
        learn(vendor, r.getValue(i), e.getValue(i));
      }
    }
  }

  private static boolean isId(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.equals("id")
        || n.endsWith("_id")
        || n.endsWith("id") && !n.equals("paid")
        || n.contains("protocol");
  }

  private String uri(String recorded) {
    int q = recorded.indexOf('?');
    String path = q < 0 ? recorded : recorded.substring(0, q);
    String mapped =
        String.join(
            "/", Arrays.stream(path.split("/", -1)).map(s -> ids.getOrDefault(s, s)).toList());
    return q < 0 ? mapped : mapped + "?" + form(recorded.substring(q + 1), Map.of());
  }

  private Object json(Object value, Map<String, String> secrets) {
    if (value instanceof JsonObject o) {
      JsonObject copy = new JsonObject();
      for (String name : o.fieldNames()) {
        Object v = o.getValue(name);
        copy.put(
            name,
            Redactor.MASK.equals(v) && secrets.containsKey(name)
                ? secrets.get(name)
                : json(v, secrets));
      }
      return copy;
    }
    if (value instanceof JsonArray a) {
      JsonArray copy = new JsonArray();
      a.forEach(v -> copy.add(json(v, secrets)));
      return copy;
    }
    if (value instanceof String s && ids.containsKey(s)) {
      return ids.get(s);
    }
    if (value instanceof Number n && ids.containsKey(n.toString())) {
      String mapped = ids.get(n.toString());
      return mapped.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(mapped) : mapped;
    }
    return value;
  }

  /** A form or query string with masked secrets and learned ids replaced. */
  private String form(String text, Map<String, String> secrets) {
    StringBuilder out = new StringBuilder();
    for (String pair : text.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? null : decoded(pair.substring(eq + 1));
      String replaced = null;
      if (Redactor.MASK.equals(value) && secrets.containsKey(name)) {
        replaced = secrets.get(name);
      } else if (value != null && ids.containsKey(value)) {
        replaced = ids.get(value);
      }
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(
          replaced == null
              ? pair
              : name + "=" + URLEncoder.encode(replaced, StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static String encodeForm(JsonObject fields) {
    StringBuilder out = new StringBuilder();
    for (String name : fields.fieldNames()) {
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(URLEncoder.encode(name, StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(String.valueOf(fields.getValue(name)), StandardCharsets.UTF_8));
    }
    return out.toString();
  }

  private static String decoded(String value) {
    try {
      return URLDecoder.decode(value, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return value;
    }
  }
}
