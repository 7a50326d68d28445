package dev.integrationsandbox.replay;

import dev.integrationsandbox.contract.SchemaWalk;
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
          JsonObject body = SchemaWalk.resolve(contract, object(op, "requestBody"));
          SchemaWalk.contentProperties(
              contract,
              object(body, "content"),
              (name, written, resolved) -> {
                if (marked(resolved)) {
                  names.add(name);
                }
              });
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
      JsonObject parameter = p instanceof JsonObject o ? SchemaWalk.resolve(contract, o) : null;
      if (parameter == null) {
        continue;
      }
      JsonObject schema = SchemaWalk.resolve(contract, object(parameter, "schema"));
      if (marked(parameter) || marked(schema)) {
        names.add(parameter.getString("name"));
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
}
