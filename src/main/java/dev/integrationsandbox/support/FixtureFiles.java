package dev.integrationsandbox.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.integrationsandbox.contract.QuickSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Reads a JSON fixture and holds it to its JSON Schema (2020-12), packaged under {@code
 * fixture-schemas/}. Users edit fixtures by hand, so every way a file can be wrong (absent,
 * malformed, of the wrong shape) ends as one {@link FixtureException} naming the file, the JSON
 * pointer and a short reason, never the file's content nor the validator's full report. The loaders
 * then only check what a schema cannot express (references between entries, duplicates, check
 * digits), and report those with {@link #problem} in the same form.
 *
 * <p>Blocking: call from a worker thread, never from an event loop.
 */
public final class FixtureFiles {

  private static final String SCHEMA_BASE = "https://integration-sandbox.local/fixture-schemas/";

  /** Keywords that only say "something below failed"; the error worth telling comes after. */
  private static final Set<String> WRAPPERS =
      Set.of(
          "properties",
          "patternProperties",
          "additionalProperties",
          "items",
          "prefixItems",
          "$ref",
          "$dynamicRef",
          "allOf",
          "anyOf",
          "oneOf",
          "if",
          "then",
          "else",
          "dependentSchemas",
          "unevaluatedItems",
          "unevaluatedProperties");

  private static final int SHOWN_VALUE_LENGTH = 40;

  private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

  /**
   * A fixture schema, with its {@link QuickSchema} fast path: vertx-json-schema walking the 4,000
   * records of Vocom's reports was a twentieth of a cold start; the quick check vouches for a valid
   * file in a fraction of that, and the validator still judges (and words) every other.
   */
  private record Schema(JsonObject json, Validator validator, QuickSchema.Check quick) {}

  private FixtureFiles() {}

  /**
   * The file's object, valid against {@code fixture-schemas/<schema>.schema.json}.
   *
   * @throws FixtureException when the file is absent, malformed or does not match its schema
   */
  public static JsonObject read(Path file, String schema) {
    return readIfPresent(file, schema)
        .orElseThrow(() -> new FixtureException(file.toString(), "", "the file is missing"));
  }

  /** Like {@link #read}, for a file the world can do without. */
  public static Optional<JsonObject> readIfPresent(Path file, String schema) {
    String name = file.toString();
    Buffer bytes;
    try {
      bytes = Buffer.buffer(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new FixtureException(name, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    Object document = decode(name, bytes);
    Schema s = SCHEMAS.computeIfAbsent(schema, FixtureFiles::compile);
    if (!s.quick().certainlyValid(document)) {
      OutputUnit result = s.validator().validate(document);
      if (!Boolean.TRUE.equals(result.getValid())) {
        throw violation(name, document, s.json(), result.getErrors());
      }
    }
    return Optional.of((JsonObject) document);
  }

  /** A problem that the schema cannot see, in the same one-line form. */
  public static FixtureException problem(Path file, String pointer, String reason) {
    return new FixtureException(file.toString(), pointer, reason);
  }

  /** The JSON pointer to a value: {@code pointer("tickets", 3, "id")} is {@code /tickets/3/id}. */
  public static String pointer(Object... path) {
    StringBuilder out = new StringBuilder();
    for (Object segment : path) {
      out.append('/').append(String.valueOf(segment).replace("~", "~0").replace("/", "~1"));
    }
    return out.toString();
  }

  private static Object decode(String name, Buffer bytes) {
    try {
      return Json.decodeValue(bytes);
    } catch (DecodeException e) {
      if (e.getCause() instanceof JsonProcessingException syntax) {
        JsonLocation at = syntax.getLocation();
        String where =
            syntax.getProcessor() instanceof JsonParser parser
                ? parser.getParsingContext().pathAsPointer().toString()
                : "";
        String reason =
            firstLine(syntax.getOriginalMessage())
                .replaceAll(" \\(code \\d+\\)", "")
                .replaceAll(" \\(start marker at .*", "");
        String line =
            at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        throw new FixtureException(name, where, "not valid JSON: " + reason + line);
      }
      throw new FixtureException(name, "", "not valid JSON");
    }
  }

  private static Schema compile(String name) {
    String resource = "fixture-schemas/" + name + ".schema.json";
    try (InputStream in = FixtureFiles.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no schema " + resource + " in the jar");
      }
      JsonObject json = new JsonObject(Buffer.buffer(in.readAllBytes()));
      Validator validator =
          Validator.create(
              JsonSchema.of(json),
              new JsonSchemaOptions()
                  .setDraft(Draft.DRAFT202012)
                  .setBaseUri(SCHEMA_BASE + name + ".schema.json")
                  .setOutputFormat(OutputFormat.Basic));
      JsonObject plain = json.copy();
      plain.remove("$schema");
      return new Schema(json, validator, QuickSchema.compile(plain, plain));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The first error that names a value (not a wrapper around deeper errors), said briefly. */
  private static FixtureException violation(
      String name, Object document, JsonObject schema, List<OutputUnit> errors) {
    List<OutputUnit> all = errors == null ? List.of() : errors;
    OutputUnit chosen =
        all.stream()
            .filter(u -> !WRAPPERS.contains(keyword(u)))
            .findFirst()
            .or(
                () ->
                    all.stream().filter(u -> keyword(u).equals("additionalProperties")).findFirst())
            .or(() -> all.stream().findFirst())
            .orElse(null);
    if (chosen == null) {
      return new FixtureException(name, "", "does not match its schema");
    }
    String pointer = instancePointer(chosen);
    String keyword = keyword(chosen);
    Object value = resolve(document, pointer);
    JsonObject rule = schemaNode(schema, chosen);
    return switch (keyword) {
      case "required" -> {
        String missing = between(chosen.getError(), '"');
        yield new FixtureException(name, pointer + pointer(missing), "is missing");
      }
      case "additionalProperties" -> new FixtureException(name, pointer, "is not a known key here");
      default -> new FixtureException(name, pointer, reason(keyword, rule, value, chosen));
    };
  }

  private static String reason(String keyword, JsonObject rule, Object value, OutputUnit unit) {
    if (rule == null) {
      return firstLine(unit.getError());
    }
    String description = rule.getString("description");
    return switch (keyword) {
      case "type" -> "must be " + types(rule) + " (got " + typeOf(value) + ")";
      case "minItems" ->
          rule.getInteger("minItems", 1) == 1
              ? "must list at least one entry"
              : "must list at least " + rule.getInteger("minItems") + " entries";
      case "minProperties" ->
          rule.getInteger("minProperties", 1) == 1
              ? "must have at least one entry"
              : "must have at least " + rule.getInteger("minProperties") + " entries";
      case "minLength" ->
          rule.getInteger("minLength", 1) == 1
              ? "must not be empty"
              : "must be at least " + rule.getInteger("minLength") + " characters long";
      case "enum" ->
          "must be one of "
              + rule.getJsonArray("enum").stream()
                  .map(String::valueOf)
                  .collect(Collectors.joining(", "))
              + " (got "
              + shown(value)
              + ")";
      case "const" -> "must be " + shown(rule.getValue("const"));
      case "minimum" -> "must be at least " + rule.getValue("minimum");
      case "maximum" -> "must be at most " + rule.getValue("maximum");
      case "exclusiveMinimum" -> "must be more than " + rule.getValue("exclusiveMinimum");
      case "uniqueItems" -> "lists the same entry twice";
      case "pattern", "format" ->
          description != null
              ? "must be " + description + " (got " + shown(value) + ")"
              : "must be a valid " + rule.getValue(keyword) + " (got " + shown(value) + ")";
      default -> firstLine(unit.getError());
    };
  }

  private static String types(JsonObject rule) {
    Object type = rule.getValue("type");
    List<?> names = type instanceof JsonArray a ? a.getList() : List.of(type);
    return names.stream()
        .map(String::valueOf)
        .map(t -> t.equals("null") ? "null" : (t.matches("[aeiou].*") ? "an " : "a ") + t)
        .collect(Collectors.joining(" or "));
  }

  /** A value's JSON type by JSON Schema's names; integers are numbers. */
  public static String typeOf(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof JsonObject || value instanceof Map) {
      return "object";
    }
    if (value instanceof JsonArray || value instanceof List) {
      return "array";
    }
    if (value instanceof Number) {
      return "number";
    }
    if (value instanceof Boolean) {
      return "boolean";
    }
    return "string";
  }

  /** A scalar as JSON, cut short; an object or array only by its type. */
  private static String shown(Object value) {
    if (value instanceof JsonObject || value instanceof JsonArray) {
      return typeOf(value);
    }
    String json = Json.encode(value);
    return json.length() <= SHOWN_VALUE_LENGTH
        ? json
        : json.substring(0, SHOWN_VALUE_LENGTH - 1) + "…";
  }

  private static String keyword(OutputUnit unit) {
    String location = unit.getKeywordLocation();
    return location == null ? "" : location.substring(location.lastIndexOf('/') + 1);
  }

  private static String instancePointer(OutputUnit unit) {
    String location = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
    return decodeFragment(location.startsWith("#") ? location.substring(1) : location);
  }

  /** The schema object holding the failed keyword, found through its absolute location. */
  private static JsonObject schemaNode(JsonObject schema, OutputUnit unit) {
    String absolute = unit.getAbsoluteKeywordLocation();
    if (absolute == null || absolute.indexOf('#') < 0) {
      return null;
    }
    String fragment = decodeFragment(absolute.substring(absolute.indexOf('#') + 1));
    Object node = resolve(schema, fragment.substring(0, Math.max(0, fragment.lastIndexOf('/'))));
    return node instanceof JsonObject o ? o : null;
  }

  private static Object resolve(Object document, String pointer) {
    Object node = document;
    if (pointer.isEmpty()) {
      return node;
    }
    for (String raw : pointer.substring(1).split("/", -1)) {
      String key = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof JsonObject o) {
        node = o.getValue(key);
      } else if (node instanceof JsonArray a && key.matches("\\d+")) {
        int i = Integer.parseInt(key);
        node = i < a.size() ? a.getValue(i) : null;
      } else {
        return null;
      }
    }
    return node;
  }

  private static String decodeFragment(String fragment) {
    return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static String between(String text, char quote) {
    int start = text == null ? -1 : text.indexOf(quote);
    int end = start < 0 ? -1 : text.indexOf(quote, start + 1);
    return end < 0 ? "?" : text.substring(start + 1, end);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.split("\\R", 2)[0];
  }
}
