package dev.integrationsandbox.contract;

import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Location;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.contract.Response;
import io.vertx.openapi.contract.impl.OpenAPIContractImpl;
import io.vertx.openapi.impl.OpenAPIFormatValidator;
import io.vertx.openapi.validation.transformer.FormTransformer;
import io.vertx.openapi.validation.transformer.ParameterTransformer;
import io.vertx.openapi.validation.transformer.SimpleTransformer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One vendor's OpenAPI contract, loaded once and compiled into validators: the single source of
 * truth for routing, request validation and response validation in every mode.
 *
 * <p>Validation runs on the event loop with the contract's own schema repository. vertx-openapi's
 * {@code RequestValidator} would do the same checks but hops to a worker thread for every request;
 * for bodies bounded by the body limit the hop costs more than the check.
 */
public final class Contract {

  private static final ParameterTransformer SIMPLE = new SimpleTransformer();
  private static final ParameterTransformer FORM = new FormTransformer();

  private final Path file;
  private final JsonObject written;
  private final OpenAPIContract openapi;
  private final Map<String, Validator> formValidators = new HashMap<>();

  /**
   * Compiled validators, keyed by the contract's own parameter and media-type objects (identity
   * hashed): hashing the schema itself would walk its whole JSON on every request. Filled at load
   * for requests and on first use for responses, from any event loop.
   */
  private final Map<Object, Validator> validators = new ConcurrentHashMap<>();

  /** The {@link QuickSchema} fast path of each validator, under the same keys. */
  private final Map<Object, QuickSchema.Check> quickChecks = new ConcurrentHashMap<>();

  private final List<Operation> operations;

  private Contract(ContractDocument doc, OpenAPIContract openapi) {
    this.file = doc.file();
    this.written = doc.loadable();
    this.openapi = openapi;
    this.operations = List.copyOf(openapi.operations());
    JsonSchemaOptions options =
        new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri("app:///")
            .setOutputFormat(OutputFormat.Basic);
    SchemaRepository forms = SchemaRepository.create(options);
    doc.formSchemas()
        .forEach((id, schema) -> formValidators.put(id, forms.validator(JsonSchema.of(schema))));
    for (Operation op : operations) {
      for (Parameter p : op.getParameters()) {
        validator(p, p.getSchema());
        quickChecks.put(p, QuickSchema.compile(toJson(p.getSchema()), raw()));
      }
      if (op.getRequestBody() != null) {
        for (MediaType m : op.getRequestBody().getContent().values()) {
          validator(m, m.getSchema());
          quickChecks.put(m, QuickSchema.compile(toJson(m.getSchema()), raw()));
        }
      }
    }
  }

  /**
   * Unpacks the meta-schemas that vertx-openapi reads to check an OpenAPI 3.1 contract, in one pass
   * over the jar per folder; blocking. Vert.x's file resolver otherwise scans all 8,000 entries of
   * the shaded jar for each of those files, for each contract, under one lock.
   */
  private static void unpackMetaSchemas(Vertx vertx) {
    for (String folder : List.of("json-schema.org/draft/2020-12", "spec.openapis.org/oas/3.1")) {
      vertx.fileSystem().existsBlocking(folder);
    }
  }

  /** Reads, checks against the OpenAPI meta-schema and compiles a contract. */
  public static Future<Contract> load(Vertx vertx, Path file) {
    return load(vertx, file, false);
  }

  /**
   * Reads and compiles a contract; the file is read on a worker thread.
   *
   * @param verified the file is one the build has already checked (the contracts packaged in the
   *     jar: Redocly lints them and {@code PackagedContractsTest} loads each through {@link
   *     OpenAPIContract#from}), so checking it against the OpenAPI meta-schema again is skipped.
   *     That check is a quarter of a cold start's contract work. A file whose text is one of those
   *     contracts (./contracts of the checkout) is skipped too ({@link
   *     ContractDocument#checkedByBuild()}); a user's own contracts always get it.
   */
  public static Future<Contract> load(Vertx vertx, Path file, boolean verified) {
    return vertx
        .executeBlocking(() -> ContractDocument.read(file))
        .compose(
            doc ->
                (verified || doc.checkedByBuild()
                        ? resolved(vertx, doc.loadable())
                        : vertx
                            .executeBlocking(
                                () -> {
                                  unpackMetaSchemas(vertx);
                                  return doc;
                                },
                                false)
                            .compose(unpacked -> OpenAPIContract.from(vertx, doc.loadable())))
                    .map(openapi -> new Contract(doc, openapi)))
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "contract " + file + " cannot be loaded: " + e.getMessage(), e)));
  }

  /**
   * What {@link OpenAPIContract#from} does for a contract without additional files, minus its
   * meta-schema check: the same resolution, the same contract object, in a repository that holds
   * the contract's own schemas only.
   *
   * <p>vertx-openapi's repository also holds the JSON Schema and OpenAPI meta-schemas, which only
   * its check of the contract refers to: a validator resolves the {@code $ref}s of the schema it
   * validates, and those of a contract the build checked all point into the contract ({@code
   * PackagedContractsTest}). Reading and dereferencing the dozen meta-schemas took each contract
   * more time than resolving the contract itself: unpacked from the jar by Vert.x's file resolver,
   * which walks all 8,000 entries of the shaded jar, then dereferenced for every contract.
   */
  private static Future<OpenAPIContract> resolved(Vertx vertx, JsonObject unresolved) {
    OpenAPIVersion version = OpenAPIVersion.fromContract(unresolved);
    SchemaRepository repository =
        SchemaRepository.create(
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("app://")
                .setOutputFormat(OutputFormat.Basic),
            new OpenAPIFormatValidator());
    return version
        .resolve(vertx, repository, unresolved)
        .map(spec -> (OpenAPIContract) new OpenAPIContractImpl(spec, version, repository));
  }

  public Path file() {
    return file;
  }

  public List<Operation> operations() {
    return operations;
  }

  public Operation operation(String operationId) {
    return openapi.operation(operationId);
  }

  public JsonObject raw() {
    return openapi.getRawContract();
  }

  /**
   * The contract as written, its {@code $ref}s unresolved: resolving replaces a reference with its
   * target, and an extension written beside the reference ({@code x-sandbox-personal-data} on a
   * property that refers to a shared schema) is lost in {@link #raw()}.
   */
  public JsonObject written() {
    return written;
  }

  /** Whether the operation takes a request body at all. */
  public boolean hasRequestBody(String operationId) {
    return formValidators.containsKey(operationId)
        || operation(operationId).getRequestBody() != null;
  }

  /** Whether the operation declares a request body of this media type. */
  public boolean accepts(String operationId, String mediaType) {
    if (formValidators.containsKey(operationId)) {
      return ContractDocument.FORM.equals(mediaType);
    }
    Operation op = operation(operationId);
    return op.getRequestBody() != null
        && mediaType != null
        && op.getRequestBody().getContent().containsKey(mediaType);
  }

  /** Every way the request departs from its operation; empty when it conforms. */
  public List<Violation> validateRequest(Call call) {
    Operation op = operation(call.operationId());
    List<Violation> violations = new ArrayList<>(0);
    for (Parameter p : op.getParameters()) {
      checkParameter(p, call, violations);
    }
    Validator form = formValidators.get(call.operationId());
    if (form != null) {
      if (!call.body().isForm()) {
        violations.add(Violation.request("body", "is not a valid form-encoded body"));
      } else {
        check(form, new JsonObject(call.body().form()), "body", "request", violations);
      }
    } else if (op.getRequestBody() != null) {
      checkBody(op, call.body(), violations);
    }
    return violations;
  }

  /** Every way the reply departs from what the operation declares for its status. */
  public List<Violation> validateResponse(String operationId, Reply reply) {
    Operation op = operation(operationId);
    Response response = op.getResponse(reply.status());
    if (response == null) {
      response = op.getDefaultResponse();
    }
    if (response == null) {
      return List.of(Violation.response("status", "status " + reply.status() + " is not declared"));
    }
    if (response.getContent().isEmpty()) {
      return List.of();
    }
    MediaType media = response.getContent().get(Call.mediaType(reply.contentType()));
    if (media == null) {
      return List.of(
          Violation.response(
              "header Content-Type",
              "content type "
                  + reply.contentType()
                  + " is not declared for status "
                  + reply.status()));
    }
    if (media.getSchema() == null) {
      return List.of();
    }
    Object body = reply.json();
    if (body == null && reply.raw() != null) {
      Body bytes = new Body(reply.raw());
      if (bytes.isMalformedJson()) {
        return List.of(Violation.response("body", "body is not valid JSON"));
      }
      body = bytes.jsonOrNull();
    }
    List<Violation> violations = new ArrayList<>(0);
    check(media, media.getSchema(), body, "body", "response", violations);
    return violations;
  }

  private void checkParameter(Parameter p, Call call, List<Violation> violations) {
    String raw =
        switch (p.getIn()) {
          case PATH -> call.pathParam(p.getName());
          case QUERY -> call.query().get(p.getName());
          case HEADER -> call.header(p.getName());
          case COOKIE -> null;
        };
    String where = p.getIn().name().toLowerCase(Locale.ROOT) + " " + p.getName();
    if (raw == null) {
      if (p.isRequired()) {
        violations.add(Violation.request(where, "is required"));
      }
      return;
    }
    Object value;
    try {
      value =
          p.getSchemaType() == SchemaType.STRING
              ? raw
              : (p.getIn() == Location.QUERY ? FORM : SIMPLE).transform(p, raw);
    } catch (RuntimeException e) {
      violations.add(Violation.request(where, "has an invalid value '" + raw + "'"));
      return;
    }
    check(p, p.getSchema(), value, where, "request", violations);
  }

  private void checkBody(Operation op, Body body, List<Violation> violations) {
    if (body.isEmpty()) {
      if (op.getRequestBody().isRequired()) {
        violations.add(Violation.request("body", "is required"));
      }
      return;
    }
    if (body.isMalformedJson()) {
      violations.add(Violation.request("body", "is not valid JSON"));
      return;
    }
    MediaType media = op.getRequestBody().getContent().get(MediaType.APPLICATION_JSON);
    if (media == null) {
      media = op.getRequestBody().getContent().values().iterator().next();
    }
    check(media, media.getSchema(), body.jsonOrNull(), "body", "request", violations);
  }

  private Validator validator(Object owner, JsonSchema schema) {
    Validator known = validators.get(owner);
    return known != null
        ? known
        : validators.computeIfAbsent(owner, o -> openapi.getSchemaRepository().validator(schema));
  }

  /**
   * Validates a value against the schema of a parameter or media type: the quick check first,
   * vertx-json-schema when the quick check cannot vouch for the value.
   */
  private void check(
      Object owner,
      JsonSchema schema,
      Object value,
      String where,
      String in,
      List<Violation> violations) {
    QuickSchema.Check quick = quickChecks.get(owner);
    if (quick == null) {
      quick = quickChecks.computeIfAbsent(owner, o -> QuickSchema.compile(toJson(schema), raw()));
    }
    if (quick.certainlyValid(value)) {
      return;
    }
    check(validator(owner, schema), value, where, in, violations);
  }

  private static JsonObject toJson(JsonSchema schema) {
    JsonObject json = new JsonObject();
    for (String key : schema.fieldNames()) {
      json.put(key, (Object) schema.get(key));
    }
    return json;
  }

  /**
   * A value the validator itself cannot digest (vertx-json-schema's {@code email} format throws on
   * an empty string) is a violation like any other, so that the vendor's dialect answers 400 rather
   * than the pipeline a 500.
   */
  private static void check(
      Validator validator, Object value, String where, String in, List<Violation> violations) {
    OutputUnit result;
    try {
      result = validator.validate(value);
    } catch (RuntimeException e) {
      violations.add(
          new Violation(in, where, "cannot be checked against the contract (" + e + ")"));
      return;
    }
    if (Boolean.TRUE.equals(result.getValid())) {
      return;
    }
    List<OutputUnit> leaves = new ArrayList<>();
    collectLeaves(result, leaves);
    if (leaves.isEmpty()) {
      leaves.add(result);
    }
    leaves.sort(
        Comparator.comparingInt((OutputUnit u) -> depth(u.getInstanceLocation()))
            .thenComparingInt(u -> depth(u.getKeywordLocation()))
            .reversed());
    for (OutputUnit leaf : leaves) {
      String pointer = leaf.getInstanceLocation() == null ? "" : leaf.getInstanceLocation();
      pointer = pointer.startsWith("#") ? pointer.substring(1) : pointer;
      String location = pointer.isEmpty() || pointer.equals("/") ? where : where + pointer;
      String message = leaf.getError() == null ? "does not match the contract" : leaf.getError();
      violations.add(new Violation(in, location, message));
    }
  }

  /**
   * How deep a JSON pointer goes. The deepest error, in the instance and then in the schema, is the
   * precise one ("expected string"); shallower ones only say that an enclosing part failed.
   */
  private static int depth(String pointer) {
    return pointer == null ? 0 : (int) pointer.chars().filter(c -> c == '/').count();
  }

  private static void collectLeaves(OutputUnit unit, List<OutputUnit> leaves) {
    if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
      if (unit.getError() != null) {
        leaves.add(unit);
      }
      return;
    }
    unit.getErrors().forEach(e -> collectLeaves(e, leaves));
  }
}
