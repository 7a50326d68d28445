package dev.integrationsandbox.fuzz;

import dev.integrationsandbox.contract.ContractDocument;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Builds one {@link FuzzRequest} for an operation from the suite's draws (the mutation, an evil
 * value and a seed for the rest): first a valid request from the contract (parameters, body, the
 * vendor's credentials), then the one mutation applied to a field, a parameter, the path, the
 * query, the headers, the method or the whole body. Pure given its inputs, so a seed replays it.
 */
final class RequestFactory {

  /** Path segments that routers, decoders and path normalisers disagree about. */
  static final List<String> PATH_JUNK =
      List.of(
          "..",
          "%2e%2e",
          "%2F",
          "a%2Fb",
          "%00",
          "%ZZ",
          "%",
          "%C3%28",
          "%E2%80%AE",
          "%F0%9F%98%80",
          "%ED%A0%80",
          "%20",
          "%25",
          "%23frag",
          ";jsessionid=1",
          "null",
          "-1",
          "99999999999999999999",
          "a".repeat(3_000),
          "");

  private final Schemas schemas;
  private final Map<String, String> credentials;

  RequestFactory(Schemas schemas, Map<String, String> credentials) {
    this.schemas = schemas;
    this.credentials = credentials;
  }

  FuzzRequest build(FuzzOperation op, Mutation mutation, EvilValues.Evil evil, long seed) {
    Random r = new Random(seed);
    Map<FuzzOperation.Param, Object> params = new LinkedHashMap<>();
    for (FuzzOperation.Param p : op.params()) {
      if (p.required() || r.nextInt(3) == 0) {
        params.put(p, paramValue(p, r));
      }
    }
    Object body = null;
    boolean hasBody = op.mediaType() != null;
    if (hasBody) {
      body =
          !op.bodyExamples().isEmpty() && r.nextBoolean()
              ? Schemas.plain(op.bodyExamples().get(r.nextInt(op.bodyExamples().size())))
              : schemas.valid(op.bodySchema(), r);
    }
    String method = op.method();
    String pathJunk = null;
    String queryJunk = null;
    String label = mutation.name();
    List<String[]> headers = new ArrayList<>();
    String contentType = op.mediaType();
    byte[] rawBody = null;

    switch (mutation) {
      case VALID -> {}
      case WRONG_TYPE, BOUNDARY, EMPTY_STRING, EVIL_VALUE -> {
        List<Slot> slots = slots(params, body, op);
        if (!slots.isEmpty()) {
          Slot slot = slots.get(r.nextInt(slots.size()));
          Object value =
              switch (mutation) {
                case WRONG_TYPE -> wrongType(slot.schema(), r);
                case BOUNDARY -> boundary(slot.schema(), r);
                case EMPTY_STRING -> "";
                default -> evil.value();
              };
          body = slot.set(params, body, value);
          label += " at " + slot.name() + " (" + kind(value) + ")";
        }
      }
      case MISSING_REQUIRED -> {
        List<FuzzOperation.Param> required =
            op.params().stream().filter(FuzzOperation.Param::required).toList();
        if (!required.isEmpty() && (body == null || r.nextBoolean())) {
          FuzzOperation.Param p = required.get(r.nextInt(required.size()));
          params.remove(p);
          label += " " + p.in() + " " + p.name();
        } else if (body instanceof Map<?, ?> || body instanceof List<?>) {
          label += " " + removeField(body, op.bodySchema(), r);
        } else if (hasBody) {
          body = null;
          hasBody = false;
          label += " body";
        }
      }
      case EXTRA_FIELD -> {
        if (body instanceof Map<?, ?> map) {
          @SuppressWarnings("unchecked")
          Map<String, Object> m = (Map<String, Object>) map;
          m.put("x_fuzz_" + r.nextInt(100), evil.value());
        } else {
          queryJunk = "x_fuzz=" + encode(String.valueOf(evil.value()));
        }
      }
      case WHOLE_BODY -> {
        Object[] whole = {
          evil.value(),
          null,
          List.of(),
          List.of(body == null ? Map.of() : body),
          "text",
          new JsonText.Raw("{\"a\":"),
          new JsonText.Raw("{\"a\":1}garbage"),
          new JsonText.Raw("{\"a\":1,\"a\":2}"),
          new JsonText.Raw("{'single':'quotes'}"),
          new JsonText.Raw("  "),
          EvilValues.nested(5_000),
          new JsonText.Raw("{\"x\":\"" + "y".repeat(1_100_000) + "\"}")
        };
        int pick = r.nextInt(whole.length + 2);
        if (pick == whole.length) {
          rawBody = new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
          label += " invalid UTF-8";
        } else if (pick == whole.length + 1) {
          rawBody = new byte[0];
          label += " empty";
        } else {
          body = whole[pick];
          label += " " + (body == null ? "null" : body.getClass().getSimpleName());
        }
        hasBody = true;
        if (contentType == null) {
          contentType = "application/json";
        }
      }
      case PATH_JUNK -> pathJunk = PATH_JUNK.get(r.nextInt(PATH_JUNK.size()));
      case QUERY_JUNK -> {
        String[] junk = {
          "a=1&a=2",
          "%ZZ=1",
          "q=%ZZ",
          "&&=&",
          "x=" + "%E2%80%AE".repeat(300),
          "x=" + "b".repeat(5_000),
          "=",
          "x[]=1&x[a]=2",
          "%00=%00"
        };
        queryJunk = junk[r.nextInt(junk.length)];
        List<FuzzOperation.Param> queries =
            op.params().stream().filter(p -> p.in().equals("query")).toList();
        if (!queries.isEmpty() && r.nextBoolean()) {
          FuzzOperation.Param p = queries.get(r.nextInt(queries.size()));
          queryJunk = p.name() + "=" + encode(String.valueOf(evil.value())) + "&" + queryJunk;
          queryJunk += "&" + p.name() + "=" + encode(String.valueOf(paramValue(p, r)));
        }
      }
      case WRONG_METHOD -> {
        List<String> others = new ArrayList<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
        others.remove(method);
        method = others.get(r.nextInt(others.size()));
        label += " " + method;
      }
      case ODD_HEADERS -> {}
    }

    String uri = uri(op, params, pathJunk, queryJunk, r);
    Map<String, String> auth = op.authenticated() ? credentials : Map.of();
    auth.forEach((k, v) -> headers.add(new String[] {k, v}));
    for (Map.Entry<FuzzOperation.Param, Object> e : params.entrySet()) {
      if (e.getKey().in().equals("header")) {
        headers.add(new String[] {e.getKey().name(), headerSafe(text(e.getValue()))});
      }
    }
    java.nio.charset.Charset charset = StandardCharsets.UTF_8;
    if (mutation == Mutation.ODD_HEADERS) {
      int kind = r.nextInt(14);
      label += " " + kind;
      switch (kind) {
        case 0 -> contentType = "text/plain";
        case 1 -> {
          contentType = "application/json; charset=ISO-8859-1";
          charset = StandardCharsets.ISO_8859_1;
        }
        case 2 -> {
          contentType = "application/json; charset=UTF-16";
          charset = StandardCharsets.UTF_16;
        }
        case 3 -> contentType = null;
        case 4 -> headers.add(new String[] {"Content-Type", "text/xml"});
        case 5 -> headers.add(new String[] {"Authorization", "Bearer not-a-token"});
        case 6 -> {
          headers.removeIf(h -> h[0].equalsIgnoreCase("Authorization"));
          String[] garbage = {"", "Bearer ", "Basic !!!", "Key", "Bearer a.b.c", "Digest x"};
          headers.add(new String[] {"Authorization", garbage[r.nextInt(garbage.length)]});
        }
        case 7 -> headers.add(new String[] {"X-Fuzz", "h".repeat(4_000 + r.nextInt(16_000))});
        case 8 -> headers.add(new String[] {"Accept", r.nextBoolean() ? "text/html" : "image/*"});
        case 9 -> headers.add(new String[] {"Content-Encoding", "gzip"});
        case 10 -> headers.add(new String[] {"X-Fuzz", "ação 漢字 \u00ff"});
        case 11 -> {
          for (int k = 0; k < 150; k++) {
            headers.add(new String[] {"X-Fuzz-" + k, "v"});
          }
        }
        case 12 -> contentType = "multipart/form-data; boundary=xyz";
        default -> headers.removeIf(h -> h[0].equalsIgnoreCase("Authorization"));
      }
    }
    if (hasBody && rawBody == null) {
      rawBody = encodeBody(op, body, charset);
    }
    if (rawBody != null && contentType != null) {
      headers.add(0, new String[] {"Content-Type", contentType});
    }
    return new FuzzRequest(op, label, method, uri, List.copyOf(headers), rawBody);
  }

  private byte[] encodeBody(FuzzOperation op, Object body, java.nio.charset.Charset charset) {
    if (ContractDocument.FORM.equals(op.mediaType()) && body instanceof Map<?, ?> form) {
      StringBuilder b = new StringBuilder();
      form.forEach(
          (k, v) -> {
            if (b.length() > 0) {
              b.append('&');
            }
            b.append(encode(String.valueOf(k))).append('=').append(encode(text(v)));
          });
      return b.toString().getBytes(charset);
    }
    return JsonText.write(body).getBytes(charset);
  }

  private Object paramValue(FuzzOperation.Param p, Random r) {
    if (!p.examples().isEmpty() && r.nextInt(4) > 0) {
      return p.examples().get(r.nextInt(p.examples().size()));
    }
    return schemas.valid(p.schema(), r);
  }

  private String uri(
      FuzzOperation op,
      Map<FuzzOperation.Param, Object> params,
      String pathJunk,
      String queryJunk,
      Random r) {
    String path = op.path();
    List<FuzzOperation.Param> pathParams =
        op.params().stream().filter(p -> p.in().equals("path")).toList();
    FuzzOperation.Param junkAt =
        pathJunk != null && !pathParams.isEmpty()
            ? pathParams.get(r.nextInt(pathParams.size()))
            : null;
    for (FuzzOperation.Param p : pathParams) {
      String value =
          p == junkAt
              ? pathJunk
              : params.containsKey(p) ? encode(text(params.get(p))).replace("+", "%20") : "";
      path = path.replace("{" + p.name() + "}", value);
    }
    if (pathJunk != null && junkAt == null) {
      path = path.endsWith("/") ? path + pathJunk + "/" : path + "/" + pathJunk;
    }
    StringBuilder query = new StringBuilder();
    for (Map.Entry<FuzzOperation.Param, Object> e : params.entrySet()) {
      if (e.getKey().in().equals("query")) {
        query.append(query.length() == 0 ? "" : "&");
        query.append(encode(e.getKey().name())).append('=').append(encode(text(e.getValue())));
      }
    }
    if (queryJunk != null) {
      query.append(query.length() == 0 ? "" : "&").append(queryJunk);
    }
    return query.length() == 0 ? path : path + "?" + query;
  }

  /** The JSON kind of a value, named in the mutation so that {@link KnownBugs} can match it. */
  static String kind(Object value) {
    if (value instanceof Map<?, ?>) {
      return "object";
    }
    if (value instanceof List<?>) {
      return "array";
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return value == null ? "null" : "number";
  }

  /** A parameter's value as it travels in a URL or header: JSON text for non-strings. */
  private static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    return value == null ? "" : JsonText.write(value);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * Header values the HTTP client can send: no control characters but tab (the raw-socket test
   * sends those).
   */
  private static String headerSafe(String s) {
    String cleaned = s.replaceAll("[\\x00-\\x08\\x0A-\\x1F\\x7F]", " ");
    return cleaned.length() > 8_000 ? cleaned.substring(0, 8_000) : cleaned;
  }

  private Object wrongType(JsonObject schema, Random r) {
    String type = schemas.type(schema, r);
    Object[] choices =
        switch (type) {
          case "string" -> new Object[] {42, true, List.of("a"), Map.of("a", 1), 1.5};
          case "integer", "number" -> new Object[] {"abc", "12", true, List.of(1), Map.of(), 1.5};
          case "boolean" -> new Object[] {"true", 1, List.of(), "yes"};
          case "array" -> new Object[] {Map.of("0", "a"), "a,b", 1};
          default -> new Object[] {List.of(Map.of()), "object", 7, false};
        };
    return choices[r.nextInt(choices.length)];
  }

  private Object boundary(JsonObject schema, Random r) {
    JsonObject s = schemas.flatten(schema);
    List<Object> edges = new ArrayList<>();
    if (s.containsKey("minLength")) {
      int n = s.getInteger("minLength");
      edges.add("a".repeat(Math.max(0, n - 1)));
      edges.add("a".repeat(n));
    }
    if (s.containsKey("maxLength")) {
      int n = s.getInteger("maxLength");
      edges.add("a".repeat(n));
      edges.add("a".repeat(n + 1));
    }
    for (String key : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum")) {
      if (s.containsKey(key)) {
        long n = s.getNumber(key).longValue();
        edges.add(n - 1);
        edges.add(n);
        edges.add(n + 1);
      }
    }
    if (s.containsKey("minItems") || s.containsKey("maxItems")) {
      int n = s.getInteger("maxItems", s.getInteger("minItems", 0)) + 1;
      List<Object> items = new ArrayList<>();
      JsonObject item = s.getJsonObject("items", new JsonObject());
      for (int k = 0; k < n; k++) {
        items.add(schemas.valid(item, r));
      }
      edges.add(items);
      edges.add(List.of());
    }
    if (s.getValue("enum") instanceof JsonArray e && !e.isEmpty()) {
      String first = String.valueOf(e.getValue(0));
      edges.add(first.toUpperCase(java.util.Locale.ROOT) + " ");
      edges.add(first.isEmpty() ? "x" : first.substring(1));
    }
    if (edges.isEmpty()) {
      edges.addAll(List.of(0, -1, Long.MAX_VALUE, Long.MIN_VALUE, "", "a".repeat(10_000)));
      edges.addAll(EvilValues.HUGE_NUMBERS);
    }
    return edges.get(r.nextInt(edges.size()));
  }

  /** Removes one key (a required one when the schema names any) from an object in the body. */
  private String removeField(Object body, JsonObject schema, Random r) {
    Object node = body;
    JsonObject s = schemas.flatten(schema);
    String at = "body";
    for (int depth = 0; depth < 4; depth++) {
      if (node instanceof List<?> list && !list.isEmpty()) {
        node = list.get(r.nextInt(list.size()));
        s = schemas.flatten(s.getJsonObject("items", new JsonObject()));
        at += "[]";
      } else if (node instanceof Map<?, ?> map && !map.isEmpty() && r.nextInt(3) == 0) {
        Object key = new ArrayList<>(map.keySet()).get(r.nextInt(map.size()));
        Object child = map.get(key);
        if (!(child instanceof Map<?, ?>) && !(child instanceof List<?>)) {
          break;
        }
        node = child;
        s =
            schemas.flatten(
                s.getJsonObject("properties", new JsonObject())
                    .getJsonObject(String.valueOf(key), new JsonObject()));
        at += "." + key;
      } else {
        break;
      }
    }
    if (!(node instanceof Map<?, ?> map) || map.isEmpty()) {
      return at + " (nothing to remove)";
    }
    List<Object> required = new ArrayList<>(s.getJsonArray("required", new JsonArray()).getList());
    required.retainAll(map.keySet());
    List<Object> keys = required.isEmpty() ? new ArrayList<>(map.keySet()) : required;
    Object key = keys.get(r.nextInt(keys.size()));
    map.remove(key);
    return at + "." + key;
  }

  /** A place a value can go: a parameter, or a member or item of the body (null: the body). */
  private record Slot(
      String name, FuzzOperation.Param param, Object container, Object key, JsonObject schema) {

    @SuppressWarnings("unchecked")
    Object set(Map<FuzzOperation.Param, Object> params, Object body, Object value) {
      if (param != null) {
        params.put(param, value);
      } else if (container instanceof Map<?, ?> m) {
        ((Map<Object, Object>) m).put(key, value);
      } else if (container instanceof List<?> l) {
        ((List<Object>) l).set((Integer) key, value);
      } else {
        return value;
      }
      return body;
    }
  }

  private List<Slot> slots(Map<FuzzOperation.Param, Object> params, Object body, FuzzOperation op) {
    List<Slot> slots = new ArrayList<>();
    for (FuzzOperation.Param p : op.params()) {
      slots.add(new Slot(p.in() + " " + p.name(), p, null, null, p.schema()));
    }
    if (op.mediaType() != null) {
      slots.add(new Slot("body", null, null, null, op.bodySchema()));
      collect(body, schemas.flatten(op.bodySchema()), "body", slots, 0);
    }
    return slots;
  }

  private void collect(Object node, JsonObject schema, String at, List<Slot> slots, int depth) {
    if (depth > 6) {
      return;
    }
    if (node instanceof Map<?, ?> map) {
      JsonObject props = schema.getJsonObject("properties", new JsonObject());
      for (Object key : List.copyOf(map.keySet())) {
        JsonObject child =
            schemas.flatten(props.getJsonObject(String.valueOf(key), new JsonObject()));
        slots.add(new Slot(at + "." + key, null, map, key, child));
        collect(map.get(key), child, at + "." + key, slots, depth + 1);
      }
    } else if (node instanceof List<?> list) {
      JsonObject item = schemas.flatten(schema.getJsonObject("items", new JsonObject()));
      for (int k = 0; k < Math.min(list.size(), 3); k++) {
        slots.add(new Slot(at + "[" + k + "]", null, list, k, item));
        collect(list.get(k), item, at + "[" + k + "]", slots, depth + 1);
      }
    }
  }
}
