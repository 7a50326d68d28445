package dev.integrationsandbox.contract;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contract file read into JSON, with the parts that vertx-openapi 5.0.10 cannot load taken out
 * and kept aside.
 *
 * <p>vertx-openapi refuses a contract that declares {@code application/x-www-form-urlencoded}, yet
 * Cognito's token endpoint is form-encoded and must stay described in the contract that users open
 * in their own tools. So the loader moves each form-encoded request schema into {@link
 * #formSchemas()} (with its local {@code $ref} resolved), removes it from the copy given to
 * vertx-openapi, and the validator checks the decoded form against it with vertx-json-schema.
 */
public record ContractDocument(
    Path file, JsonObject loadable, Map<String, JsonObject> formSchemas, boolean checkedByBuild) {

  public static final String FORM = "application/x-www-form-urlencoded";

  /**
   * Reads a contract: from the JSON the build made of it when the text is one the build converted
   * ({@link ContractJson}, then {@link #checkedByBuild()}), from its YAML otherwise.
   */
  public static ContractDocument read(Path file) throws IOException {
    String text = Files.readString(file);
    JsonObject packaged =
        file.toString().endsWith(".yaml")
            ? ContractJson.packaged(file.getFileName().toString(), text)
            : null;
    JsonObject doc = packaged != null ? packaged : ContractJson.fromYaml(text);
    if (doc == null) {
      throw new IOException(file + " is not an OpenAPI document (no top-level mapping)");
    }
    return of(file, doc, packaged != null);
  }

  /** A contract document with its form-encoded request schemas set aside; {@code doc} changes. */
  static ContractDocument of(Path file, JsonObject doc, boolean checkedByBuild) {
    Map<String, JsonObject> forms = new LinkedHashMap<>();
    JsonObject paths = doc.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : List.copyOf(item.fieldNames())) {
        if (!(item.getValue(method) instanceof JsonObject op)) {
          continue;
        }
        JsonObject body = op.getJsonObject("requestBody");
        JsonObject content = body == null ? null : body.getJsonObject("content");
        if (content == null || !content.containsKey(FORM)) {
          continue;
        }
        JsonObject media = (JsonObject) content.remove(FORM);
        JsonObject schema = resolve(doc, media.getJsonObject("schema", new JsonObject()));
        forms.put(op.getString("operationId"), schema);
        if (content.isEmpty()) {
          op.remove("requestBody");
        }
      }
    }
    return new ContractDocument(file, doc, Map.copyOf(forms), checkedByBuild);
  }

  private static JsonObject resolve(JsonObject doc, JsonObject schema) {
    String ref = schema.getString("$ref");
    if (ref == null || !ref.startsWith("#/")) {
      return schema.copy();
    }
    Object node = doc;
    for (String part : ref.substring(2).split("/")) {
      node = ((JsonObject) node).getValue(part.replace("~1", "/").replace("~0", "~"));
    }
    return resolve(doc, (JsonObject) node);
  }
}
