package dev.integrationsandbox.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests one step smaller than a failing one, for a simple shrink: each leaves out one
 * header, one query parameter, one member of a JSON body or the whole body, or cuts the body's long
 * strings short. The suite re-sends them and keeps the first that still fails, so that a finding is
 * reported with the least that shows it.
 */
final class Shrinks {

  /** Strings longer than this are cut to it. */
  static final int SHORT = 16;

  private Shrinks() {}

  static List<FuzzRequest> of(FuzzRequest r) {
    List<FuzzRequest> smaller = new ArrayList<>();
    if (r.body() != null) {
      smaller.add(withBody(r, null));
      smaller.addAll(jsonBodies(r));
    }
    for (int k = 0; k < r.headers().size(); k++) {
      List<String[]> headers = new ArrayList<>(r.headers());
      headers.remove(k);
      smaller.add(
          new FuzzRequest(r.operation(), r.mutation(), r.method(), r.uri(), headers, r.body()));
    }
    int q = r.uri().indexOf('?');
    if (q >= 0) {
      String[] params = r.uri().substring(q + 1).split("&", -1);
      for (int k = 0; k < params.length; k++) {
        List<String> rest = new ArrayList<>(List.of(params));
        rest.remove(k);
        String uri = r.uri().substring(0, q) + (rest.isEmpty() ? "" : "?" + String.join("&", rest));
        smaller.add(
            new FuzzRequest(r.operation(), r.mutation(), r.method(), uri, r.headers(), r.body()));
      }
    }
    return smaller;
  }

  private static List<FuzzRequest> jsonBodies(FuzzRequest r) {
    Object body;
    try {
      body = new JsonArray("[" + new String(r.body(), StandardCharsets.UTF_8) + "]").getValue(0);
    } catch (RuntimeException notJson) {
      return List.of();
    }
    List<FuzzRequest> smaller = new ArrayList<>();
    if (body instanceof JsonObject object) {
      for (String key : object.fieldNames()) {
        JsonObject less = object.copy();
        less.remove(key);
        smaller.add(withBody(r, less.encode()));
      }
    }
    Object shortened = cut(body);
    String text =
        shortened instanceof JsonObject o
            ? o.encode()
            : shortened instanceof JsonArray a ? a.encode() : null;
    if (text != null && text.length() < r.body().length) {
      smaller.add(withBody(r, text));
    }
    return smaller;
  }

  private static Object cut(Object node) {
    if (node instanceof String s && s.length() > SHORT) {
      return s.substring(0, SHORT);
    }
    if (node instanceof JsonObject o) {
      JsonObject copy = new JsonObject();
      o.forEach(e -> copy.put(e.getKey(), cut(e.getValue())));
      return copy;
    }
    if (node instanceof JsonArray a) {
      JsonArray copy = new JsonArray();
      a.forEach(v -> copy.add(cut(v)));
      return copy;
    }
    return node;
  }

  private static FuzzRequest withBody(FuzzRequest r, String body) {
    return new FuzzRequest(
        r.operation(),
        r.mutation(),
        r.method(),
        r.uri(),
        r.headers(),
        body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }
}
