package dev.integrationsandbox.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.openapi.contract.Operation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sandbox skips the OpenAPI meta-schema check for the contracts packaged in its jar because
 * this test makes it: every contract in {@code contracts/} (the folder the jar packages) passes
 * vertx-openapi's full check, and the quicker load gives the same operations and the same resolved
 * document.
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
  void passesTheFullCheckAndLoadsTheSameWithoutIt(Path file) {
    Contract checked = Contract.load(vertx, file).await();
    Contract trusted = Contract.load(vertx, file, true).await();
    assertEquals(ids(checked.operations()), ids(trusted.operations()), file.toString());
    assertEquals(checked.raw(), trusted.raw(), file + ": the same resolved document");
  }

  private static List<String> ids(List<Operation> operations) {
    return operations.stream().map(Operation::getOperationId).toList();
  }
}
