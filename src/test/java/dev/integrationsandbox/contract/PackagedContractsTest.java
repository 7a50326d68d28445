package dev.integrationsandbox.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.OpenAPIVersion;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        ContractJson.packaged(file.getFileName().toString(), Files.readString(file)),
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

  /**
   * A contract the build checked is resolved in a repository without the meta-schemas ({@code
   * Contract.resolved}): that holds while its schemas refer to nothing outside it.
   */
  @ParameterizedTest
  @MethodSource("contracts")
  void refersToNothingOutsideItself(Path file) throws IOException {
    JsonObject doc = ContractJson.fromYaml(Files.readString(file));
    assertEquals(OpenAPIVersion.V3_1, OpenAPIVersion.fromContract(doc), file.toString());
    assertFalse(doc.containsKey("jsonSchemaDialect"), file.toString());
    List<String> outside = new ArrayList<>();
    outsideReferences(doc, "", outside);
    assertEquals(List.of(), outside, file + ": references the trusted load cannot resolve");
  }

  private static void outsideReferences(Object node, String at, List<String> found) {
    if (node instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        Object value = o.getValue(key);
        boolean reference = key.equals("$ref") || key.equals("$dynamicRef");
        if (reference && !(value instanceof String ref && ref.startsWith("#"))
            || key.equals("$schema")
            || key.equals("$id")) {
          found.add(at + "/" + key + ": " + value);
        }
        outsideReferences(value, at + "/" + key, found);
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        outsideReferences(a.getValue(i), at + "/" + i, found);
      }
    }
  }

  private static List<String> ids(List<Operation> operations) {
    return operations.stream().map(Operation::getOperationId).toList();
  }
}
