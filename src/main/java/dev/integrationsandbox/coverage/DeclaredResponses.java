package dev.integrationsandbox.coverage;

import dev.integrationsandbox.contract.Contract;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one operation of a contract says it can answer: its declared statuses and, for vendors whose
 * errors travel in an HTTP 200 body, the error kinds of that body. Coverage counts against this
 * list, so it is read from the loaded contract, never written by hand per vendor.
 *
 * <p><b>The error-kind rule.</b> A 2xx response declares in-body errors when its schema (followed
 * through local {@code $ref}, {@code oneOf}/{@code anyOf}/{@code allOf} and object {@code
 * properties}) holds an object whose {@code status} property is fixed to {@code "error"} (a {@code
 * const}, or an {@code enum} of that one value). The kinds are the string values ({@code enum} or
 * {@code const}, the empty string left out) of that object's other status-like properties, those
 * whose name starts with {@code status} (Vocom's {@code status_type}: {@code params_failed}, {@code
 * authentication_failed}, …); an object with no such property has the one kind {@code error}
 * (HubSoft's {@code {"status":"error","msg":…}}). An answer is then classified by walking its body
 * to that object: {@code status} {@code "error"} makes it an error of the kind found there.
 *
 * @param operationId the contract's operationId
 * @param outcomes the declared outcomes, in the contract's order: each status, and after a status
 *     with in-body errors one outcome per error kind
 * @param probes per status, where its body carries in-body errors (empty for most statuses)
 */
record DeclaredResponses(
    String operationId, List<Outcome> outcomes, Map<Integer, List<ErrorProbe>> probes) {

  /** Schemas nest a few levels at most; the bound keeps a recursive schema from looping. */
  private static final int MAX_DEPTH = 8;

  private static final String ERROR = "error";

  /**
   * Marks a response that only an armed fault sends ({@code /__sandbox/faults}): coverage does not
   * count faulted answers as the vendor's, so it does not expect them either.
   */
  static final String FAULT_ONLY = "x-sandbox-fault";

  /**
   * One answer a contract declares, or one that was produced.
   *
   * @param status the HTTP status; 0 for a request that was never answered
   * @param kind the in-body error kind of an HTTP-200-style error, or null for any other answer
   */
  record Outcome(int status, String kind) {

    /** {@code 200}, {@code 200 params_failed}: how reports name it. */
    String label() {
      return kind == null ? Integer.toString(status) : status + " " + kind;
    }
  }

  /**
   * Where in a body an in-body error is told.
   *
   * @param path property names from the body's root to the object that holds {@code status}
   * @param kindProperty the property naming the kind, or null when the kind is {@code error} itself
   */
  record ErrorProbe(List<String> path, String kindProperty) {

    /** The kind of error this body carries, or null when it is not an in-body error here. */
    String kindOf(JsonObject body) {
      JsonObject node = body;
      for (String name : path) {
        if (!(node.getValue(name) instanceof JsonObject next)) {
          return null;
        }
        node = next;
      }
      if (!ERROR.equals(node.getValue("status"))) {
        return null;
      }
      if (kindProperty == null) {
        return ERROR;
      }
      Object kind = node.getValue(kindProperty);
      return kind == null ? "null" : kind.toString();
    }
  }

  /** Every operation of the contract, in its order. */
  static List<DeclaredResponses> of(Contract contract) {
    List<DeclaredResponses> all = new ArrayList<>();
    for (Operation op : contract.operations()) {
      all.add(of(contract.raw(), op));
    }
    return all;
  }

  static DeclaredResponses of(JsonObject document, Operation op) {
    JsonObject responses = operationIn(document, op).getJsonObject("responses", new JsonObject());
    List<Outcome> outcomes = new ArrayList<>();
    Map<Integer, List<ErrorProbe>> probes = new LinkedHashMap<>();
    for (String code : responses.fieldNames()) {
      int status;
      try {
        status = Integer.parseInt(code);
      } catch (NumberFormatException e) {
        continue;
      }
      if (responses.getValue(code) instanceof JsonObject declared
          && Boolean.TRUE.equals(resolve(document, declared).getValue(FAULT_ONLY))) {
        continue;
      }
      outcomes.add(new Outcome(status, null));
      if (status < 200 || status > 299) {
        continue;
      }
      Map<ErrorProbe, Set<String>> found = new LinkedHashMap<>();
      if (responses.getValue(code) instanceof JsonObject response
          && resolve(document, response).getValue("content") instanceof JsonObject content) {
        for (String type : content.fieldNames()) {
          if (content.getValue(type) instanceof JsonObject media
              && media.getValue("schema") instanceof JsonObject schema) {
            walk(document, schema, List.of(), 0, found);
          }
        }
      }
      if (!found.isEmpty()) {
        probes.put(status, List.copyOf(found.keySet()));
        Set<String> kinds = new LinkedHashSet<>();
        found.values().forEach(kinds::addAll);
        kinds.forEach(k -> outcomes.add(new Outcome(status, k)));
      }
    }
    return new DeclaredResponses(op.getOperationId(), List.copyOf(outcomes), Map.copyOf(probes));
  }

  /**
   * The operation as written in the contract, with its {@code $ref}s: vertx-openapi's own model of
   * it has them replaced by its internal references, which only its schema repository can follow.
   */
  private static JsonObject operationIn(JsonObject document, Operation op) {
    if (document.getValue("paths") instanceof JsonObject paths
        && paths.getValue(op.getOpenAPIPath()) instanceof JsonObject item
        && item.getValue(op.getHttpMethod().name().toLowerCase(java.util.Locale.ROOT))
            instanceof JsonObject written) {
      return written;
    }
    return op.getOpenAPIModel();
  }

  private static void walk(
      JsonObject document,
      JsonObject schema,
      List<String> path,
      int depth,
      Map<ErrorProbe, Set<String>> found) {
    if (depth > MAX_DEPTH) {
      return;
    }
    JsonObject s = resolve(document, schema);
    for (String alternatives : List.of("oneOf", "anyOf")) {
      for (JsonObject alternative : objects(s.getJsonArray(alternatives))) {
        walk(document, alternative, path, depth + 1, found);
      }
    }
    Map<String, List<JsonObject>> properties = new LinkedHashMap<>();
    collectProperties(document, s, properties, depth);
    List<JsonObject> status = properties.get("status");
    if (status != null && status.stream().anyMatch(p -> isError(document, p))) {
      String kindProperty = null;
      Set<String> kinds = new LinkedHashSet<>();
      for (var e : properties.entrySet()) {
        if (!e.getKey().equals("status") && e.getKey().startsWith("status")) {
          Set<String> values = new LinkedHashSet<>();
          e.getValue().forEach(p -> values.addAll(fixedValues(document, p)));
          if (!values.isEmpty() && kindProperty == null) {
            kindProperty = e.getKey();
            kinds.addAll(values);
          }
        }
      }
      found
          .computeIfAbsent(new ErrorProbe(path, kindProperty), k -> new LinkedHashSet<>())
          .addAll(kindProperty == null ? Set.of(ERROR) : kinds);
      return;
    }
    for (var e : properties.entrySet()) {
      List<String> deeper = new ArrayList<>(path);
      deeper.add(e.getKey());
      for (JsonObject p : e.getValue()) {
        walk(document, p, List.copyOf(deeper), depth + 1, found);
      }
    }
  }

  /** The object's own properties and those its {@code allOf} members add, by name. */
  private static void collectProperties(
      JsonObject document, JsonObject schema, Map<String, List<JsonObject>> into, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    JsonObject own = schema.getJsonObject("properties");
    if (own != null) {
      for (String name : own.fieldNames()) {
        if (own.getValue(name) instanceof JsonObject p) {
          into.computeIfAbsent(name, n -> new ArrayList<>()).add(p);
        }
      }
    }
    for (JsonObject member : objects(schema.getJsonArray("allOf"))) {
      collectProperties(document, resolve(document, member), into, depth + 1);
    }
  }

  private static boolean isError(JsonObject document, JsonObject property) {
    Set<Object> values = new HashSet<>(fixedValues(document, property));
    return values.equals(Set.of(ERROR));
  }

  /**
   * The strings a property is limited to ({@code const} or {@code enum}), the empty one left out.
   */
  private static List<String> fixedValues(JsonObject document, JsonObject property) {
    JsonObject p = resolve(document, property);
    List<String> values = new ArrayList<>();
    if (p.getValue("const") instanceof String c && !c.isEmpty()) {
      values.add(c);
    }
    if (p.getValue("enum") instanceof JsonArray e) {
      for (Object v : e) {
        if (v instanceof String s && !s.isEmpty()) {
          values.add(s);
        }
      }
    }
    for (JsonObject member : objects(p.getJsonArray("allOf"))) {
      values.addAll(fixedValues(document, member));
    }
    return values;
  }

  private static List<JsonObject> objects(JsonArray array) {
    if (array == null) {
      return List.of();
    }
    List<JsonObject> found = new ArrayList<>();
    for (Object o : array) {
      if (o instanceof JsonObject j) {
        found.add(j);
      }
    }
    return found;
  }

  /** Follows local {@code $ref}s; a reference it cannot follow reads as an empty schema. */
  private static JsonObject resolve(JsonObject document, JsonObject node) {
    JsonObject current = node;
    for (int hops = 0; hops < MAX_DEPTH && current.getValue("$ref") instanceof String ref; hops++) {
      if (!ref.startsWith("#/")) {
        return new JsonObject();
      }
      Object target = document;
      for (String part : ref.substring(2).split("/")) {
        if (!(target instanceof JsonObject o)) {
          return new JsonObject();
        }
        target = o.getValue(part.replace("~1", "/").replace("~0", "~"));
      }
      if (!(target instanceof JsonObject next)) {
        return new JsonObject();
      }
      current = next;
    }
    return current;
  }
}
