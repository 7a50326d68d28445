package dev.integrationsandbox.contract;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.impl.SchemaRepositoryImpl;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.impl.OpenAPIFormatValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema repository of an OpenAPI 3.1 contract, as vertx-openapi's {@link
 * OpenAPIVersion#getRepository} builds it (the JSON Schema 2020-12 meta-schemas, then the OpenAPI
 * 3.1 schemas), with each file read by the class loader instead of Vert.x's file system.
 *
 * <p>Vert.x's file resolver reads a file packaged in a jar by walking all 8,000 entries of the
 * shaded jar to unpack its folder to a cache: two walks and the JIT work they trigger were a tenth
 * of a cold start, on its critical path. The class loader finds each file by its name. Each file is
 * read once per process; every repository gets its own copy, as dereferencing annotates it.
 */
final class MetaSchemas {

  private static final Map<String, JsonObject> READ = new ConcurrentHashMap<>();

  private MetaSchemas() {}

  /** A new repository for a contract of this version. Blocking: reads packaged files. */
  static SchemaRepository repository(OpenAPIVersion version) {
    if (version != OpenAPIVersion.V3_1) {
      throw new IllegalArgumentException("OpenAPI " + version + " is not supported");
    }
    SchemaRepository repository =
        SchemaRepository.create(
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("app://")
                .setOutputFormat(OutputFormat.Basic),
            new OpenAPIFormatValidator());
    for (String id : SchemaRepositoryImpl.DRAFT_202012_META_FILES) {
      JsonSchema schema = JsonSchema.of(read(id));
      repository.dereference(schema.get("$id", schema.get("id", id)), schema);
    }
    for (String id : version.schemaFiles()) {
      repository.dereference(id, JsonSchema.of(read(id)));
    }
    return repository;
  }

  private static JsonObject read(String id) {
    return READ.computeIfAbsent(id, MetaSchemas::load).copy();
  }

  private static JsonObject load(String id) {
    String resource = id.substring(id.indexOf("://") + 3);
    try (InputStream in = MetaSchemas.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("meta-schema " + resource + " is not on the class path");
      }
      return new JsonObject(Buffer.buffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
