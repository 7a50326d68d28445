package dev.integrationsandbox.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The failure message, from journal entries as the admin API shows them. */
class ContractViolationsTest {

  static JsonObject exchange(String id, String operation, int status, JsonObject... violations) {
    return new JsonObject()
        .put("id", id)
        .put("vendor", "hubsoft")
        .put("operation", operation)
        .put("method", "POST")
        .put("path", "/__worlds/w/api/v1/integracao/atendimento")
        .put("status", status)
        .put("violations", new JsonArray(List.of((Object[]) violations)));
  }

  static JsonObject violation(String in, String location, String message) {
    return new JsonObject().put("in", in).put("location", location).put("message", message);
  }

  final Requests journal =
      new Requests(
          "exchange",
          List.of(
              exchange("e1", "createAtendimento", 200),
              exchange(
                  "e2",
                  "createAtendimento",
                  200,
                  violation("request", "body/descricao", "is required")),
              exchange(
                  "e3", "createAtendimento", 200, violation("response", "", "status is not ok"))));

  @Test
  void requestViolationsAreTheCodeUnderTestsOnePerLine() {
    assertEquals(
        "the code under test sent requests that break the vendor's contract:\n"
            + "  hubsoft createAtendimento (exchange e2, POST /__worlds/w/api/v1/integracao/atendimento"
            + " -> 200): request body/descricao: is required",
        ContractViolations.report(journal, false));
  }

  @Test
  void answersOutsideTheContractCountOnlyWhenAskedFor() {
    assertEquals(
        ContractViolations.report(journal, false)
            + "\nthe sandbox answered outside the vendor's contract (a sandbox bug):\n"
            + "  hubsoft createAtendimento (exchange e3, POST /__worlds/w/api/v1/integracao/atendimento"
            + " -> 200): response status is not ok",
        ContractViolations.report(journal, true));
  }

  @Test
  void aCleanJournalIsNoFailure() {
    assertNull(
        ContractViolations.report(
            new Requests("exchange", List.of(exchange("e1", null, 404))), true));
  }
}
