package dev.integrationsandbox.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.impl.SchemaRepositoryImpl;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox skips the OpenAPI meta-schema check for the contracts packaged in its jar, and reads
 * them from the JSON the build made of them, because this test makes it: every contract in {@code
 * contracts/} (the folder the jar packages) passes vertx-openapi's full check, its packaged JSON is
 * the same document as its YAML, and the quicker load gives the same operations and the same
 * resolved document. A contract whose text differs is parsed and checked in full.
 */
class PackagedContractsTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  static Stream<Path> contracts() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("contracts"))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void passesTheFullCheckAndLoadsTheSameWithoutIt(Path file) throws IOException {
    JsonObject fromYaml = ContractJson.fromYaml(Files.readString(file));
    OpenAPIContract checked =
        OpenAPIContract.from(vertx, ContractDocument.of(file, fromYaml, false).loadable()).await();
    Contract trusted = Contract.load(vertx, file).await();
    assertEquals(ids(checked.operations()), ids(trusted.operations()), file.toString());
    assertEquals(checked.getRawContract(), trusted.raw(), file + ": the same resolved document");
  }

  @ParameterizedTest
  @MethodSource("contracts")
  void isReadFromTheJsonTheBuildMadeOfIt(Path file) throws IOException {
    ContractDocument doc = ContractDocument.read(file);
    assertTrue(doc.checkedByBuild(), file + " has no packaged JSON: run mvn process-classes");
    assertEquals(
        ContractJson.fromYaml(Files.readString(file)),
        ContractJson.packaged(Files.readString(file)),
        file + ": the packaged JSON is the YAML's document");
  }

  @Test
  void anEditedContractIsParsedAndCheckedInFull(@TempDir Path dir) throws IOException {
    String text = Files.readString(Path.of("contracts/vocom.yaml"));
    Path edited = Files.writeString(dir.resolve("edited.yaml"), text + "x-edited: true\n");
    assertFalse(ContractDocument.read(edited).checkedByBuild());
    assertEquals(
        ids(Contract.load(vertx, Path.of("contracts/vocom.yaml")).await().operations()),
        ids(Contract.load(vertx, edited).await().operations()));
    Path broken =
        Files.writeString(dir.resolve("broken.yaml"), text.replaceFirst("(?m)^info:", "infos:"));
    RuntimeException refused =
        assertThrows(RuntimeException.class, () -> Contract.load(vertx, broken).await());
    assertTrue(refused.getMessage().contains("cannot be loaded"), refused.getMessage());
  }

  @Test
  void theRepositoryHoldsTheSchemasVertxOpenApiPreloads() {
    SchemaRepository ours = MetaSchemas.repository(OpenAPIVersion.V3_1);
    SchemaRepository theirs = OpenAPIVersion.V3_1.getRepository(vertx, "app://").await();
    List<String> ids =
        Stream.concat(
                SchemaRepositoryImpl.DRAFT_202012_META_FILES.stream(),
                OpenAPIVersion.V3_1.schemaFiles().stream())
            .toList();
    assertEquals(12, ids.size(), "the 2020-12 meta-schemas and OpenAPI 3.1's own: " + ids);
    for (String id : ids) {
      assertEquals(json(theirs.find(id)), json(ours.find(id)), id);
    }
  }

  private static JsonObject json(JsonSchema schema) {
    JsonObject o = new JsonObject();
    schema.fieldNames().forEach(name -> o.put(name, schema.get(name)));
    return o;
  }

  private static List<String> ids(List<Operation> operations) {
    return operations.stream().map(Operation::getOperationId).toList();
  }
}
