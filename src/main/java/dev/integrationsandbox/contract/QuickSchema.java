package dev.integrationsandbox.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.impl.Format;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fast, one-sided check in front of vertx-json-schema: it can only say "certainly valid".
 *
 * <p>vertx-json-schema takes about 10 µs to accept a four-field request body and 60 µs for a
 * 462-byte response; most requests are valid, and most of a sandbox's CPU went there. This class
 * compiles the plain keywords of a schema (type, required, properties, enum, const, lengths,
 * pattern, numeric bounds, items, {@code $ref}, allOf, oneOf, and formats, through
 * vertx-json-schema's own format function) into a predicate. When the predicate holds, the value is
 * valid under JSON Schema 2020-12 as well; when it does not, or when the schema uses anything else
 * (anyOf, not…), the caller asks vertx-json-schema, which stays the authority on every verdict that
 * is not a plain "valid", and on the wording of every error.
 */
public final class QuickSchema {

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "description",
          "title",
          "examples",
          "example",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$comment",
          "$defs",
          "discriminator",
          "externalDocs",
          "xml");

  /** A compiled check: true means valid for sure; false means "ask the full validator". */
  @FunctionalInterface
  public interface Check {
    boolean certainlyValid(Object value);
  }

  private static final Check NEVER_SURE = v -> false;

  /** The mirror of {@link Check}: true means invalid for sure; false means "not sure". */
  @FunctionalInterface
  private interface Refutation {
    boolean certainlyInvalid(Object value);
  }

  private QuickSchema() {}

  /**
   * Compiles a schema; its local {@code $ref}s are resolved against {@code document}.
   *
   * @return a check that is never sure when the schema uses a keyword this class does not cover
   */
  public static Check compile(JsonObject schema, JsonObject document) {
    try {
      return new Compiler(document).compile(schema, 0);
    } catch (Unsupported e) {
      return NEVER_SURE;
    }
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final class Compiler {
    private final JsonObject document;

    Compiler(JsonObject document) {
      this.document = document;
    }

    Check compile(Object node, int depth) {
      if (depth > 32) {
        throw new Unsupported();
      }
      if (Boolean.TRUE.equals(node)) {
        return v -> true;
      }
      if (!(node instanceof JsonObject schema)) {
        throw new Unsupported();
      }
      List<Check> checks = new ArrayList<>();
      for (String key : schema.fieldNames()) {
        if (ANNOTATIONS.contains(key) || key.startsWith("x-") || key.startsWith("__")) {
          continue;
        }
        Object value = schema.getValue(key);
        checks.add(keyword(key, value, schema, depth));
      }
      Check[] all = checks.stream().filter(c -> c != null).toArray(Check[]::new);
      return v -> {
        for (Check c : all) {
          if (!c.certainlyValid(v)) {
            return false;
          }
        }
        return true;
      };
    }

    private Check keyword(String key, Object value, JsonObject schema, int depth) {
      return switch (key) {
        case "$ref" -> compile(resolve((String) value), depth + 1);
        case "type" -> type(value);
        case "enum" -> {
          Object[] options = ((JsonArray) value).getList().toArray();
          yield v -> {
            for (Object o : options) {
              if (sameJson(o, v)) {
                return true;
              }
            }
            return false;
          };
        }
        case "const" -> v -> sameJson(value, v);
        case "required" -> {
          String[] names =
              ((JsonArray) value).stream().map(String.class::cast).toArray(String[]::new);
          yield v -> {
            if (!(v instanceof JsonObject o)) {
              return true;
            }
            for (String name : names) {
              if (!o.containsKey(name)) {
                return false;
              }
            }
            return true;
          };
        }
        case "properties" -> properties((JsonObject) value, schema, depth);
        case "additionalProperties" ->
            schema.containsKey("properties") ? null : properties(new JsonObject(), schema, depth);
        case "minLength" -> {
          int min = ((Number) value).intValue();
          yield v -> !(v instanceof String s) || s.codePointCount(0, s.length()) >= min;
        }
        case "maxLength" -> {
          int max = ((Number) value).intValue();
          yield v -> !(v instanceof String s) || s.codePointCount(0, s.length()) <= max;
        }
        case "pattern" -> {
          Pattern p = Pattern.compile((String) value);
          // One matcher per thread, reset for each value: a new one per string was a twentieth
          // of what a HubSoft request allocated.
          ThreadLocal<Matcher> matcher = ThreadLocal.withInitial(() -> p.matcher(""));
          yield v -> !(v instanceof String s) || matcher.get().reset(s).find();
        }
        case "format" -> format((String) value);
        case "minimum" -> bound(value, c -> c >= 0);
        case "maximum" -> bound(value, c -> c <= 0);
        case "exclusiveMinimum" -> bound(value, c -> c > 0);
        case "exclusiveMaximum" -> bound(value, c -> c < 0);
        case "minItems" -> {
          int min = ((Number) value).intValue();
          yield v -> !(v instanceof JsonArray a) || a.size() >= min;
        }
        case "maxItems" -> {
          int max = ((Number) value).intValue();
          yield v -> !(v instanceof JsonArray a) || a.size() <= max;
        }
        case "items" -> {
          Check item = compile(value, depth + 1);
          yield v -> {
            if (!(v instanceof JsonArray a)) {
              return true;
            }
            for (Object element : a) {
              if (!item.certainlyValid(element)) {
                return false;
              }
            }
            return true;
          };
        }
        case "allOf" -> {
          List<Check> compiled = new ArrayList<>();
          ((JsonArray) value).forEach(s -> compiled.add(compile(s, depth + 1)));
          Check[] parts = compiled.toArray(Check[]::new);
          yield v -> {
            for (Check c : parts) {
              if (!c.certainlyValid(v)) {
                return false;
              }
            }
            return true;
          };
        }
        case "oneOf" -> oneOf((JsonArray) value, depth);
        default -> throw new Unsupported();
      };
    }

    /**
     * Valid for sure when one branch is valid for sure and every other branch certainly fails: the
     * usual {@code oneOf} of an answer and an error envelope, told apart by a {@code const}.
     */
    private Check oneOf(JsonArray branches, int depth) {
      int n = branches.size();
      Check[] valid = new Check[n];
      Refutation[] invalid = new Refutation[n];
      for (int i = 0; i < n; i++) {
        Object branch = branches.getValue(i);
        try {
          valid[i] = compile(branch, depth + 1);
        } catch (Unsupported e) {
          valid[i] = NEVER_SURE;
        }
        invalid[i] = refutation(branch, depth + 1);
      }
      return v -> {
        int chosen = -1;
        for (int i = 0; i < n; i++) {
          if (valid[i].certainlyValid(v)) {
            if (chosen >= 0) {
              return false;
            }
            chosen = i;
          }
        }
        if (chosen < 0) {
          return false;
        }
        for (int i = 0; i < n; i++) {
          if (i != chosen && !invalid[i].certainlyInvalid(v)) {
            return false;
          }
        }
        return true;
      };
    }

    /**
     * The opposite one-sided check: true means the value fails the schema for sure, from the few
     * keywords whose failure is plain ({@code type}, {@code const}, {@code enum}, {@code required},
     * {@code properties}, {@code allOf}, {@code $ref}); every other keyword is ignored, which can
     * only make the answer "not sure".
     */
    private Refutation refutation(Object node, int depth) {
      if (depth > 32 || !(node instanceof JsonObject schema)) {
        return v -> false;
      }
      List<Refutation> parts = new ArrayList<>();
      for (String key : schema.fieldNames()) {
        Object value = schema.getValue(key);
        switch (key) {
          case "$ref" -> {
            try {
              parts.add(refutation(resolve((String) value), depth + 1));
            } catch (Unsupported | ClassCastException e) {
              // an unresolvable reference refutes nothing
            }
          }
          case "type" -> {
            Check type = type(value instanceof String t && t.equals("integer") ? "number" : value);
            boolean widened = value instanceof JsonArray a && a.contains("integer");
            parts.add(v -> !type.certainlyValid(v) && !(widened && v instanceof Number));
          }
          case "const" -> parts.add(v -> !sameJson(value, v));
          case "enum" -> {
            Object[] options = ((JsonArray) value).getList().toArray();
            parts.add(
                v -> {
                  for (Object o : options) {
                    if (sameJson(o, v)) {
                      return false;
                    }
                  }
                  return true;
                });
          }
          case "required" -> {
            List<?> names = ((JsonArray) value).getList();
            parts.add(
                v -> {
                  if (v instanceof JsonObject o) {
                    for (Object name : names) {
                      if (!o.containsKey((String) name)) {
                        return true;
                      }
                    }
                  }
                  return false;
                });
          }
          case "properties" -> {
            Map<String, Refutation> byName = new java.util.HashMap<>();
            ((JsonObject) value)
                .forEach(e -> byName.put(e.getKey(), refutation(e.getValue(), depth + 1)));
            parts.add(
                v -> {
                  if (v instanceof JsonObject o) {
                    for (Map.Entry<String, Refutation> e : byName.entrySet()) {
                      if (o.containsKey(e.getKey())
                          && e.getValue().certainlyInvalid(o.getValue(e.getKey()))) {
                        return true;
                      }
                    }
                  }
                  return false;
                });
          }
          case "allOf" -> ((JsonArray) value).forEach(b -> parts.add(refutation(b, depth + 1)));
          default -> {}
        }
      }
      Refutation[] all = parts.toArray(Refutation[]::new);
      return v -> {
        for (Refutation r : all) {
          if (r.certainlyInvalid(v)) {
            return true;
          }
        }
        return false;
      };
    }

    /** properties and additionalProperties together, since the latter depends on the former. */
    private Check properties(JsonObject properties, JsonObject schema, int depth) {
      java.util.HashMap<String, Check> byName = new java.util.HashMap<>();
      for (String name : properties.fieldNames()) {
        byName.put(name, compile(properties.getValue(name), depth + 1));
      }
      Object additional = schema.getValue("additionalProperties", Boolean.TRUE);
      Check others =
          Boolean.TRUE.equals(additional)
              ? v -> true
              : Boolean.FALSE.equals(additional) ? v -> false : compile(additional, depth + 1);
      return v -> {
        if (!(v instanceof JsonObject o)) {
          return true;
        }
        for (Map.Entry<String, Object> field : o) {
          Check c = byName.get(field.getKey());
          if (!(c != null ? c : others).certainlyValid(field.getValue())) {
            return false;
          }
        }
        return true;
      };
    }

    private Object resolve(String ref) {
      if (!ref.startsWith("#/")) {
        throw new Unsupported();
      }
      Object node = document;
      for (String part : ref.substring(2).split("/")) {
        if (!(node instanceof JsonObject o)) {
          throw new Unsupported();
        }
        node = o.getValue(part.replace("~1", "/").replace("~0", "~"));
      }
      if (node == null) {
        throw new Unsupported();
      }
      return node;
    }

    private static Check type(Object value) {
      Set<String> distinct = new HashSet<>();
      if (value instanceof JsonArray a) {
        a.forEach(t -> distinct.add((String) t));
      } else {
        distinct.add((String) value);
      }
      String[] types = distinct.toArray(String[]::new);
      return v -> {
        for (String t : types) {
          if (isType(t, v)) {
            return true;
          }
        }
        return false;
      };
    }

    private static boolean isType(String type, Object v) {
      return switch (type) {
        case "string" -> v instanceof String;
        case "object" -> v instanceof JsonObject;
        case "array" -> v instanceof JsonArray;
        case "boolean" -> v instanceof Boolean;
        case "null" -> v == null;
        case "number" -> v instanceof Number;
        case "integer" ->
            v instanceof Integer
                || v instanceof Long
                || v instanceof BigInteger
                || v instanceof Short
                || v instanceof Byte;
        default -> false;
      };
    }

    /**
     * A format is checked by vertx-json-schema's own format function, the one its validator calls,
     * so that the fast path and the authority cannot disagree on a format (a hand-written date-time
     * pattern once accepted {@code +19:00} offsets that the validator refuses).
     */
    private static Check format(String format) {
      return v -> {
        try {
          return !(v instanceof String s) || Format.fastFormat(format, s);
        } catch (RuntimeException e) {
          return false;
        }
      };
    }

    private static Check bound(Object limit, Function<Integer, Boolean> accept) {
      BigDecimal bound = new BigDecimal(limit.toString());
      return v -> {
        if (!(v instanceof Number n)) {
          return true;
        }
        if (!finite(n)) {
          return false;
        }
        return accept.apply(new BigDecimal(n.toString()).compareTo(bound));
      };
    }
  }

  /**
   * JSON equality for enum and const: numbers by value, containers by content. A number too large
   * for a double ({@code -1e400}) arrives as an infinity, which no decimal equals.
   */
  static boolean sameJson(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      if (!finite(x) || !finite(y)) {
        return false;
      }
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
    }
    return a == null ? b == null : a.equals(b);
  }

  private static boolean finite(Number n) {
    return !(n instanceof Double d && (d.isNaN() || d.isInfinite()))
        && !(n instanceof Float f && (f.isNaN() || f.isInfinite()));
  }
}
