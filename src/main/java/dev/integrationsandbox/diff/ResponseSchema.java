package dev.integrationsandbox.diff;

import dev.integrationsandbox.contract.SchemaWalk;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The schema a contract declares for one operation's answer at one status, followed down a JSON
 * pointer: the structural diff asks it where a value is an enum and so has to agree.
 */
final class ResponseSchema {

  private final JsonObject contract;
  private final JsonObject root;

  private ResponseSchema(JsonObject contract, JsonObject root) {
    this.contract = contract;
    this.root = root;
  }

  static ResponseSchema of(JsonObject contract, String operationId, int status) {
    JsonObject operation = operation(contract, operationId);
    JsonObject responses = operation == null ? null : operation.getJsonObject("responses");
    JsonObject response = null;
    if (responses != null) {
      Object declared = responses.getValue(String.valueOf(status));
      response =
          SchemaWalk.resolve(
              contract,
              declared instanceof JsonObject o
                  ? o
                  : responses.getValue("default") instanceof JsonObject d ? d : null);
    }
    JsonObject schema = null;
    if (response != null && response.getValue("content") instanceof JsonObject content) {
      for (String type : content.fieldNames()) {
        if (type.contains("json") && content.getValue(type) instanceof JsonObject media) {
          schema = SchemaWalk.resolve(contract, media.getJsonObject("schema"));
        }
      }
    }
    return new ResponseSchema(contract, schema);
  }

  boolean enumAt(String pointer) {
    JsonObject schema = root;
    if (!pointer.isEmpty()) {
      for (String part : pointer.substring(1).split("/", -1)) {
        schema = child(schema, part.replace("~1", "/").replace("~0", "~"), 0);
      }
    }
    return schema != null && (schema.containsKey("enum") || schema.containsKey("const"));
  }

  private JsonObject child(JsonObject schema, String part, int depth) {
    schema = SchemaWalk.resolve(contract, schema);
    if (schema == null || depth > 8) {
      return null;
    }
    if (schema.getValue("properties") instanceof JsonObject properties
        && properties.getValue(part) instanceof JsonObject property) {
      return SchemaWalk.resolve(contract, property);
    }
    if (part.chars().allMatch(Character::isDigit)
        && schema.getValue("items") instanceof JsonObject items) {
      return SchemaWalk.resolve(contract, items);
    }
    for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
      if (schema.getValue(combinator) instanceof JsonArray parts) {
        for (Object p : parts) {
          JsonObject found = p instanceof JsonObject o ? child(o, part, depth + 1) : null;
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private static JsonObject operation(JsonObject contract, String operationId) {
    if (operationId == null || !(contract.getValue("paths") instanceof JsonObject paths)) {
      return null;
    }
    for (String path : paths.fieldNames()) {
      if (paths.getValue(path) instanceof JsonObject item) {
        for (String method : item.fieldNames()) {
          if (item.getValue(method) instanceof JsonObject op
              && operationId.equals(op.getString("operationId"))) {
            return op;
          }
        }
      }
    }
    return null;
  }
}
