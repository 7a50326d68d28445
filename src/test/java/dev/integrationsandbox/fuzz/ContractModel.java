package dev.integrationsandbox.fuzz;

import dev.integrationsandbox.contract.ContractDocument;
import dev.integrationsandbox.core.MountedVendor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a mounted vendor's contract into a {@link VendorModel} of {@link FuzzOperation}s. It works
 * from the contract file itself (as {@link ContractDocument} reads it, so that the form-encoded
 * token endpoints are included) because the generators need the schemas as JSON, with their
 * examples and local {@code $ref}s; it then checks that it found exactly the operations the sandbox
 * serves, so that an operation can never silently escape the fuzz.
 */
final class ContractModel {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "options", "head");

  private ContractModel() {}

  static VendorModel model(MountedVendor vendor) {
    ContractDocument doc;
    try {
      doc = ContractDocument.read(vendor.contract().file());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    JsonObject root = doc.loadable();
    Schemas schemas = new Schemas(root);
    JsonArray defaultSecurity = root.getJsonArray("security", new JsonArray());
    List<FuzzOperation> found = new ArrayList<>();
    JsonObject paths = root.getJsonObject("paths", new JsonObject());
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (!METHODS.contains(method) || !(item.getValue(method) instanceof JsonObject op)) {
          continue;
        }
        String id = op.getString("operationId");
        Map<String, FuzzOperation.Param> params = new LinkedHashMap<>();
        for (JsonArray list :
            List.of(
                item.getJsonArray("parameters", new JsonArray()),
                op.getJsonArray("parameters", new JsonArray()))) {
          for (Object p : list) {
            JsonObject param = schemas.resolve((JsonObject) p);
            JsonObject schema = param.getJsonObject("schema", new JsonObject());
            List<Object> examples = new ArrayList<>(Schemas.examples(param));
            examples.addAll(Schemas.examples(schemas.resolve(schema)));
            params.put(
                param.getString("in") + " " + param.getString("name"),
                new FuzzOperation.Param(
                    param.getString("name"),
                    param.getString("in"),
                    param.getBoolean("required", false),
                    schema,
                    examples));
          }
        }
        String mediaType = null;
        JsonObject bodySchema = null;
        boolean bodyRequired = false;
        List<Object> bodyExamples = new ArrayList<>();
        JsonObject body = op.getJsonObject("requestBody");
        if (doc.formSchemas().containsKey(id)) {
          mediaType = ContractDocument.FORM;
          bodySchema = doc.formSchemas().get(id);
          bodyRequired = true;
        } else if (body != null) {
          body = schemas.resolve(body);
          bodyRequired = body.getBoolean("required", false);
          JsonObject content = body.getJsonObject("content", new JsonObject());
          mediaType =
              content.containsKey("application/json")
                  ? "application/json"
                  : content.fieldNames().iterator().next();
          JsonObject media = content.getJsonObject(mediaType);
          bodySchema = media.getJsonObject("schema", new JsonObject());
          bodyExamples.addAll(Schemas.examples(media));
        }
        JsonArray security = op.getJsonArray("security", defaultSecurity);
        boolean authenticated =
            !security.isEmpty() && security.stream().noneMatch(s -> ((JsonObject) s).isEmpty());
        Set<String> statuses =
            new TreeSet<>(op.getJsonObject("responses", new JsonObject()).fieldNames());
        found.add(
            new FuzzOperation(
                vendor.id(),
                id,
                method.toUpperCase(java.util.Locale.ROOT),
                path,
                List.copyOf(params.values()),
                mediaType,
                bodySchema,
                bodyRequired,
                List.copyOf(bodyExamples),
                authenticated,
                Set.copyOf(statuses)));
      }
    }
    Set<String> served = new LinkedHashSet<>();
    for (Operation o : vendor.contract().operations()) {
      served.add(o.getOperationId());
    }
    Set<String> read = new LinkedHashSet<>();
    found.forEach(o -> read.add(o.operationId()));
    if (!read.containsAll(served)) {
      throw new IllegalStateException(
          vendor.id() + ": the fuzz model misses operations; served " + served + ", read " + read);
    }
    return new VendorModel(vendor.id(), schemas, List.copyOf(found));
  }
}
