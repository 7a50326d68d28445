package dev.integrationsandbox.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;

/**
 * The request fields and query parameters that a contract marks {@code x-sandbox-volatile: true}:
 * values that change on every run (ids a client generates, timestamps, protocol numbers), which
 * replay matching ignores so that a request made today matches the one recorded yesterday.
 *
 * <p>Only request-side schemas count (parameters and request bodies): a volatile {@code id} in an
 * answer says nothing about a request field of the same name.
 */
public final class VolatileFields {

  private static final String MARK = "x-sandbox-volatile";

  private VolatileFields() {}

  /** The names of the contract's volatile request fields and parameters, at any depth. */
  public static Set<String> of(JsonObject contract) {
    Set<String> names = new HashSet<>();
    JsonObject paths = contract.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      if (!(paths.getValue(path) instanceof JsonObject item)) {
        continue;
      }
      parameters(contract, item.getValue("parameters"), names);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject op) {
          parameters(contract, op.getValue("parameters"), names);
          JsonObject body = resolve(contract, object(op, "requestBody"));
          JsonObject content = object(body, "content");
          if (content != null) {
            for (String type : content.fieldNames()) {
              schema(contract, object(object(content, type), "schema"), names, 0);
            }
          }
        }
      }
    }
    return Set.copyOf(names);
  }

  private static void parameters(JsonObject contract, Object given, Set<String> names) {
    if (!(given instanceof JsonArray parameters)) {
      return;
    }
    for (Object p : parameters) {
      JsonObject parameter = p instanceof JsonObject o ? resolve(contract, o) : null;
      if (parameter == null) {
        continue;
      }
      JsonObject schema = resolve(contract, object(parameter, "schema"));
      if (marked(parameter) || marked(schema)) {
        names.add(parameter.getString("name"));
      }
    }
  }

  private static void schema(JsonObject contract, JsonObject given, Set<String> names, int depth) {
    JsonObject schema = resolve(contract, given);
    if (schema == null || depth > 16) {
      return;
    }
    JsonObject properties = object(schema, "properties");
    if (properties != null) {
      for (String name : properties.fieldNames()) {
        JsonObject property = resolve(contract, object(properties, name));
        if (marked(property)) {
          names.add(name);
        }
        schema(contract, property, names, depth + 1);
      }
    }
    if (schema.getValue("items") instanceof JsonObject items) {
      schema(contract, items, names, depth + 1);
    }
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (schema.getValue(combinator) instanceof JsonArray parts) {
        for (Object part : parts) {
          if (part instanceof JsonObject o) {
            schema(contract, o, names, depth + 1);
          }
        }
      }
    }
  }

  /** A member that is an object, or null: a contract may hold a string where a tool expects one. */
  private static JsonObject object(JsonObject parent, String key) {
    return parent != null && parent.getValue(key) instanceof JsonObject o ? o : null;
  }

  private static boolean marked(JsonObject schema) {
    return schema != null && Boolean.TRUE.equals(schema.getValue(MARK));
  }

  /** Follows a local {@code $ref} ({@code #/components/...}); anything else as it is. */
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
}
