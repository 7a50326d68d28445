package dev.integrationsandbox.replay;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A request reduced to what replay matches on: method, path, query parameters sorted by name, and
 * the body as a JSON value with object keys sorted, all without the contract's volatile fields.
 * Recorded and live requests are both brought to this shape (the live one first redacted and masked
 * exactly as the recorder would have), so that equal shapes mean the same request and {@link
 * #key()} can index a recording.
 */
record RequestShape(String method, String path, Map<String, List<String>> query, Object body) {

  /**
   * @param target the request target, path and query, as redacted and masked
   * @param body the body as the recording holds it (JSON, a form as an object, or text)
   * @param ignored volatile names, dropped from the query and at any depth of the body
   */
  static RequestShape of(String method, String target, Object body, Set<String> ignored) {
    int q = target.indexOf('?');
    String path = QueryStringDecoder.decodeComponent(q < 0 ? target : target.substring(0, q));
    Map<String, List<String>> query = new TreeMap<>();
    if (q >= 0) {
      new QueryStringDecoder(target.substring(q + 1), StandardCharsets.UTF_8, false)
          .parameters()
          .forEach(
              (name, values) -> {
                if (!ignored.contains(name)) {
                  query.put(name, List.copyOf(values));
                }
              });
    }
    return new RequestShape(method, path, query, canonical(body, ignored));
  }

  /** The index key: equal for equal shapes, since keys are sorted and values encoded alike. */
  ShapeKey key() {
    return ShapeKey.of(canonical());
  }

  /** The shape as one text: method, path, sorted query, body with sorted keys. */
  private String canonical() {
    StringBuilder out = new StringBuilder(method).append(' ').append(path).append('?');
    query.forEach(
        (name, values) -> values.forEach(v -> out.append(name).append('=').append(v).append('&')));
    out.append('\n');
    if (body instanceof JsonObject o) {
      out.append(o.encode());
    } else if (body instanceof JsonArray a) {
      out.append(a.encode());
    } else if (body != null) {
      out.append(body);
    }
    return out.toString();
  }

  private static Object canonical(Object value, Set<String> ignored) {
    if (value instanceof JsonObject o) {
      JsonObject sorted = new JsonObject();
      new TreeMap<>(o.getMap())
          .forEach(
              (k, v) -> {
                if (!ignored.contains(k)) {
                  sorted.put(k, canonical(wrap(v), ignored));
                }
              });
      return sorted;
    }
    if (value instanceof JsonArray a) {
      List<Object> items = new ArrayList<>(a.size());
      for (Object item : a) {
        items.add(canonical(item, ignored));
      }
      return new JsonArray(items);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Object wrap(Object value) {
    if (value instanceof Map<?, ?> m) {
      return new JsonObject((Map<String, Object>) m);
    }
    if (value instanceof List<?> l) {
      return new JsonArray((List<Object>) l);
    }
    return value;
  }
}
