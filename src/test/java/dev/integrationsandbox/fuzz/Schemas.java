package dev.integrationsandbox.fuzz;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Valid values for the JSON Schema subset the contracts use ({@code $ref}, {@code allOf}, {@code
 * oneOf}/{@code anyOf}, {@code enum}/{@code const}, types, formats, bounds and simple {@code
 * pattern}s), drawn from a seeded {@link Random}. The contract's own examples are drawn often: they
 * name fixture records, so that requests reach the emulator's logic rather than its "not found".
 *
 * <p>Values are plain Java: {@code Map} (insertion-ordered), {@code List}, {@code String}, numbers,
 * {@code Boolean}, {@code null} and {@link JsonText.Raw} for number text no encoder would write.
 */
final class Schemas {

  private static final int MAX_DEPTH = 8;
  private final JsonObject root;

  Schemas(JsonObject root) {
    this.root = root;
  }

  /** Follows local {@code $ref}s until a schema (or parameter, response…) without one. */
  JsonObject resolve(JsonObject node) {
    JsonObject current = node;
    for (int hops = 0; current != null && current.containsKey("$ref") && hops < 20; hops++) {
      String ref = current.getString("$ref");
      if (!ref.startsWith("#/")) {
        return current;
      }
      Object at = root;
      for (String part : ref.substring(2).split("/")) {
        at = ((JsonObject) at).getValue(part.replace("~1", "/").replace("~0", "~"));
      }
      current = (JsonObject) at;
    }
    return current == null ? new JsonObject() : current;
  }

  /** A schema with its {@code allOf} members merged in: properties, required, type and bounds. */
  JsonObject flatten(JsonObject schema) {
    JsonObject s = resolve(schema);
    if (!s.containsKey("allOf")) {
      return s;
    }
    JsonObject merged = s.copy();
    merged.remove("allOf");
    for (Object part : s.getJsonArray("allOf")) {
      JsonObject p = flatten((JsonObject) part);
      for (String key : p.fieldNames()) {
        Object value = p.getValue(key);
        if (key.equals("properties") && merged.containsKey("properties")) {
          merged.getJsonObject("properties").mergeIn((JsonObject) value);
        } else if (key.equals("required") && merged.containsKey("required")) {
          merged.getJsonArray("required").addAll((JsonArray) value);
        } else if (!merged.containsKey(key)) {
          merged.put(key, value instanceof JsonObject o ? o.copy() : value);
        }
      }
    }
    return merged;
  }

  static List<Object> examples(JsonObject node) {
    List<Object> found = new ArrayList<>();
    if (node.containsKey("example")) {
      found.add(node.getValue("example"));
    }
    Object examples = node.getValue("examples");
    if (examples instanceof JsonArray a) {
      a.forEach(found::add);
    } else if (examples instanceof JsonObject named) {
      for (String name : named.fieldNames()) {
        if (named.getValue(name) instanceof JsonObject e && e.containsKey("value")) {
          found.add(e.getValue("value"));
        }
      }
    }
    return found;
  }

  /** A value that the schema accepts (best effort for patterns and combinations). */
  Object valid(JsonObject schema, Random r) {
    return valid(schema, r, 0);
  }

  private Object valid(JsonObject schema, Random r, int depth) {
    JsonObject s = flatten(schema);
    if (s.containsKey("const")) {
      return plain(s.getValue("const"));
    }
    if (s.getValue("enum") instanceof JsonArray e && !e.isEmpty()) {
      return plain(e.getValue(r.nextInt(e.size())));
    }
    List<Object> examples = examples(s);
    if (!examples.isEmpty() && r.nextInt(3) > 0) {
      return plain(examples.get(r.nextInt(examples.size())));
    }
    for (String choice : List.of("oneOf", "anyOf")) {
      if (s.getValue(choice) instanceof JsonArray branches && !branches.isEmpty()) {
        JsonObject branch = (JsonObject) branches.getValue(r.nextInt(branches.size()));
        JsonObject rest = s.copy();
        rest.remove(choice);
        return valid(
            new JsonObject().put("allOf", new JsonArray().add(rest).add(branch)), r, depth);
      }
    }
    String type = type(s, r);
    return switch (type) {
      case "string" -> string(s, r);
      case "integer" -> {
        long min = s.getNumber("minimum", s.containsKey("maximum") ? -1000 : 0).longValue();
        long max = s.getNumber("maximum", min + 1000).longValue();
        if (s.containsKey("exclusiveMinimum")) {
          min = s.getNumber("exclusiveMinimum").longValue() + 1;
        }
        if (s.containsKey("exclusiveMaximum")) {
          max = s.getNumber("exclusiveMaximum").longValue() - 1;
        }
        yield max <= min ? min : min + Math.floorMod(r.nextLong(), max - min + 1);
      }
      case "number" -> {
        double min = s.getNumber("minimum", 0).doubleValue();
        double max = s.getNumber("maximum", min + 1000).doubleValue();
        yield Math.round((min + r.nextDouble() * (max - min)) * 100) / 100.0;
      }
      case "boolean" -> r.nextBoolean();
      case "null" -> null;
      case "array" -> {
        List<Object> items = new ArrayList<>();
        int min = s.getInteger("minItems", 0);
        int max = Math.min(s.getInteger("maxItems", min + 3), min + 3);
        int n = depth > MAX_DEPTH ? min : min + r.nextInt(Math.max(1, max - min + 1));
        JsonObject item = s.getJsonObject("items", new JsonObject());
        for (int i = 0; i < n; i++) {
          items.add(valid(item, r, depth + 1));
        }
        yield items;
      }
      default -> object(s, r, depth);
    };
  }

  private Map<String, Object> object(JsonObject s, Random r, int depth) {
    Map<String, Object> o = new LinkedHashMap<>();
    JsonObject props = s.getJsonObject("properties", new JsonObject());
    List<Object> required = s.getJsonArray("required", new JsonArray()).getList();
    for (String name : props.fieldNames()) {
      if (required.contains(name) || (depth <= MAX_DEPTH && r.nextBoolean())) {
        o.put(name, valid(props.getJsonObject(name), r, depth + 1));
      }
    }
    for (Object name : required) {
      o.putIfAbsent((String) name, "x");
    }
    return o;
  }

  /** The schema's type, one of several when it allows several (null least often). */
  String type(JsonObject schema, Random r) {
    JsonObject s = flatten(schema);
    Object t = s.getValue("type");
    if (t instanceof String one) {
      return one;
    }
    if (t instanceof JsonArray many && !many.isEmpty()) {
      List<Object> notNull = new ArrayList<>(many.getList());
      notNull.remove("null");
      if (notNull.isEmpty() || r.nextInt(8) == 0) {
        return (String) many.getValue(r.nextInt(many.size()));
      }
      return (String) notNull.get(r.nextInt(notNull.size()));
    }
    if (s.containsKey("properties") || s.containsKey("required")) {
      return "object";
    }
    if (s.containsKey("items")) {
      return "array";
    }
    return "string";
  }

  private static String string(JsonObject s, Random r) {
    String format = s.getString("format", "");
    switch (format) {
      case "date-time":
        return Instant.ofEpochSecond(1_700_000_000L + r.nextInt(50_000_000)).toString();
      case "date":
        return LocalDate.ofEpochDay(19_000 + r.nextInt(2_000)).toString();
      case "email":
        return "fuzz" + r.nextInt(1000) + "@example.com";
      case "uuid":
        return new UUID(r.nextLong(), r.nextLong()).toString();
      default:
        break;
    }
    if (s.containsKey("pattern")) {
      return Patterns.generate(s.getString("pattern"), r);
    }
    int min = s.getInteger("minLength", 1);
    int max = Math.min(s.getInteger("maxLength", min + 12), min + 40);
    int n = min + r.nextInt(Math.max(1, max - min + 1));
    StringBuilder b = new StringBuilder();
    String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789 ";
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  /** Vert.x JSON values to the plain Java ones the generators mutate. */
  static Object plain(Object value) {
    if (value instanceof JsonObject o) {
      Map<String, Object> m = new LinkedHashMap<>();
      o.forEach(e -> m.put(e.getKey(), plain(e.getValue())));
      return m;
    }
    if (value instanceof JsonArray a) {
      List<Object> l = new ArrayList<>();
      a.forEach(v -> l.add(plain(v)));
      return l;
    }
    return value;
  }
}
