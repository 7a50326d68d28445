package dev.integrationsandbox.record;

import dev.integrationsandbox.contract.SchemaWalk;
import dev.integrationsandbox.record.PersonalDataMask.Kind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a contract says personal data lives: schema properties and parameters marked {@code
 * x-sandbox-personal-data: cpf|cnpj|document|phone|email|name}, per operation, apart for the
 * request (parameters and body) and the response (every declared answer's body). The mask replaces
 * a marked field whatever its value looks like: a person's name or a phone number written as free
 * text has no format that detection could find.
 *
 * <p>The mark may sit on the property, next to its {@code $ref} (OpenAPI 3.1 allows it), or on the
 * schema it refers to ({@code PhoneNumber}), so one mark serves every field of that schema. Fields
 * are named by their property name within the operation: a name marked in one nested object is
 * masked wherever the operation's body has it.
 *
 * <pre>
 * telefone: {type: string, x-sandbox-personal-data: phone}
 * </pre>
 */
public final class PersonalDataFields {

  static final String MARK = "x-sandbox-personal-data";

  /** No marks at all: detection by name and format only. */
  public static final PersonalDataFields NONE = new PersonalDataFields(Map.of());

  /**
   * One operation's marks.
   *
   * @param request body fields of the request, by property name
   * @param response body fields of any declared answer, by property name
   * @param path path parameters, by their position among the path's segments (counted from the end,
   *     so that a world prefix in front does not shift them)
   * @param query query parameters, by name
   */
  public record Marks(
      Map<String, Kind> request,
      Map<String, Kind> response,
      Map<Integer, Kind> path,
      Map<String, Kind> query) {

    static final Marks NONE = new Marks(Map.of(), Map.of(), Map.of(), Map.of());
  }

  private final Map<String, Marks> byOperation;

  private PersonalDataFields(Map<String, Marks> byOperation) {
    this.byOperation = byOperation;
  }

  /** The marks of an operation, none when it has none or is unknown. */
  public Marks of(String vendor, String operationId) {
    return byOperation.getOrDefault(vendor + " " + operationId, Marks.NONE);
  }

  /** The marks of each vendor's contract (its raw OpenAPI document), by vendor id. */
  public static PersonalDataFields of(Map<String, JsonObject> contracts) {
    Map<String, Marks> marks = new HashMap<>();
    contracts.forEach(
        (vendor, contract) -> {
          JsonObject paths = object(contract, "paths");
          if (paths == null) {
            return;
          }
          for (String path : paths.fieldNames()) {
            if (!(paths.getValue(path) instanceof JsonObject item)) {
              continue;
            }
            for (String method : item.fieldNames()) {
              if (item.getValue(method) instanceof JsonObject op && op.containsKey("operationId")) {
                Marks found = operation(contract, path, item, op);
                if (!found.equals(Marks.NONE)) {
                  marks.put(vendor + " " + op.getString("operationId"), found);
                }
              }
            }
          }
        });
    return new PersonalDataFields(Map.copyOf(marks));
  }

  private static Marks operation(JsonObject contract, String path, JsonObject item, JsonObject op) {
    Map<String, Kind> request = new HashMap<>();
    Map<String, Kind> response = new HashMap<>();
    Map<Integer, Kind> pathParameters = new HashMap<>();
    Map<String, Kind> query = new HashMap<>();
    List<String> segments = List.of(path.split("/", -1));
    for (Object given : List.of(array(item, "parameters"), array(op, "parameters"))) {
      for (Object p : (JsonArray) given) {
        JsonObject parameter = p instanceof JsonObject o ? SchemaWalk.resolve(contract, o) : null;
        Kind kind = parameter == null ? null : mark(contract, parameter, "schema");
        if (kind == null) {
          continue;
        }
        String name = parameter.getString("name");
        if ("path".equals(parameter.getString("in"))) {
          int at = segments.indexOf("{" + name + "}");
          if (at >= 0) {
            pathParameters.put(segments.size() - at, kind);
          }
        } else if ("query".equals(parameter.getString("in"))) {
          query.put(name, kind);
        }
      }
    }
    content(
        contract,
        object(SchemaWalk.resolve(contract, object(op, "requestBody")), "content"),
        request);
    JsonObject responses = object(op, "responses");
    if (responses != null) {
      for (String status : responses.fieldNames()) {
        JsonObject answer = SchemaWalk.resolve(contract, object(responses, status));
        content(contract, object(answer, "content"), response);
      }
    }
    return new Marks(
        Map.copyOf(request), Map.copyOf(response), Map.copyOf(pathParameters), Map.copyOf(query));
  }

  private static void content(JsonObject contract, JsonObject content, Map<String, Kind> into) {
    SchemaWalk.contentProperties(
        contract,
        content,
        (name, written, resolved) -> {
          Kind kind = kind(written);
          kind = kind != null ? kind : kind(resolved);
          if (kind != null) {
            into.put(name, kind);
          }
        });
  }

  /** The mark of a parameter, on itself or on its schema. */
  private static Kind mark(JsonObject contract, JsonObject parameter, String schemaKey) {
    Kind kind = kind(parameter);
    if (kind == null) {
      JsonObject schema = object(parameter, schemaKey);
      kind = kind(schema);
      kind = kind != null ? kind : kind(SchemaWalk.resolve(contract, schema));
    }
    return kind;
  }

  /** The kind a schema or parameter is marked with, or null. */
  static Kind kind(JsonObject node) {
    if (node == null || !(node.getValue(MARK) instanceof String mark)) {
      return null;
    }
    return switch (mark.toLowerCase(Locale.ROOT)) {
      case "cpf", "cnpj", "document" -> Kind.DOCUMENT;
      case "phone" -> Kind.PHONE;
      case "email" -> Kind.EMAIL;
      case "name" -> Kind.NAME;
      default ->
          throw new IllegalArgumentException(
              MARK + ": " + mark + " is none of cpf, cnpj, document, phone, email, name");
    };
  }

  private static JsonObject object(JsonObject parent, String key) {
    return parent != null && parent.getValue(key) instanceof JsonObject o ? o : null;
  }

  private static JsonArray array(JsonObject parent, String key) {
    return parent != null && parent.getValue(key) instanceof JsonArray a ? a : new JsonArray();
  }
}
