package dev.integrationsandbox.contract;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Reads a contract as written, {@code $ref}s unresolved: what the sandbox's own extensions mark
 * ({@code x-sandbox-volatile}, {@code x-sandbox-personal-data}) may sit beside a reference, which
 * resolving the whole document would lose.
 */
public final class SchemaWalk {

  /** Deeper schemas than this are not walked: a contract's recursion stops somewhere. */
  private static final int MAX_DEPTH = 16;

  /** One property found by {@link #properties}: as written, and with its references followed. */
  public interface PropertyVisitor {
    void property(String name, JsonObject written, JsonObject resolved);
  }

  private SchemaWalk() {}

  /**
   * The node a local {@code $ref} chain leads to (at most 8 hops), or null when it leads nowhere.
   */
  public static JsonObject resolve(JsonObject contract, JsonObject node) {
    JsonObject current = node;
    for (int hops = 0; current != null && hops < 8; hops++) {
      String ref = current.getString("$ref");
      if (ref == null || !ref.startsWith("#/")) {
        return current;
      }
      Object target = contract;
      for (String part : ref.substring(2).split("/")) {
        target =
            target instanceof JsonObject o
                ? o.getValue(part.replace("~1", "/").replace("~0", "~"))
                : null;
      }
      current = target instanceof JsonObject o ? o : null;
    }
    return current;
  }

  /**
   * Every property the schema declares, at any depth: under {@code properties}, {@code items} and
   * the {@code allOf}/{@code anyOf}/{@code oneOf} parts.
   */
  public static void properties(JsonObject contract, JsonObject schema, PropertyVisitor visitor) {
    properties(contract, schema, visitor, 0);
  }

  /**
   * Every property of every media type's schema in an OpenAPI {@code content} map (a request body's
   * or an answer's); nothing when the map is null.
   */
  public static void contentProperties(
      JsonObject contract, JsonObject content, PropertyVisitor visitor) {
    if (content == null) {
      return;
    }
    for (String type : content.fieldNames()) {
      if (content.getValue(type) instanceof JsonObject media
          && media.getValue("schema") instanceof JsonObject schema) {
        properties(contract, schema, visitor, 0);
      }
    }
  }

  private static void properties(
      JsonObject contract, JsonObject given, PropertyVisitor visitor, int depth) {
    JsonObject schema = resolve(contract, given);
    if (schema == null || depth > MAX_DEPTH) {
      return;
    }
    if (schema.getValue("properties") instanceof JsonObject declared) {
      for (String name : declared.fieldNames()) {
        JsonObject written = declared.getValue(name) instanceof JsonObject o ? o : null;
        JsonObject resolved = resolve(contract, written);
        visitor.property(name, written, resolved);
        properties(contract, resolved, visitor, depth + 1);
      }
    }
    if (schema.getValue("items") instanceof JsonObject items) {
      properties(contract, items, visitor, depth + 1);
    }
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (schema.getValue(combinator) instanceof JsonArray parts) {
        for (Object part : parts) {
          if (part instanceof JsonObject o) {
            properties(contract, o, visitor, depth + 1);
          }
        }
      }
    }
  }
}
