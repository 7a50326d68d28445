package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * What in a world's journal broke a vendor's contract, as one failure message: requests the code
 * under test sent outside the contract and, when asked for, answers of the sandbox outside it (a
 * sandbox bug). One sentence per violation, naming the exchange, the operation and the violation,
 * so that the failing test says what to fix without opening the journal.
 */
final class ContractViolations {

  private ContractViolations() {}

  /**
   * @param exchanges the world's exchanges, oldest first
   * @param answersToo whether the sandbox's own answers count as well as the requests
   * @return the failure message, or null when every exchange kept to its contract
   */
  static String report(Requests exchanges, boolean answersToo) {
    List<String> requests = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (JsonObject e : exchanges.asList()) {
      JsonArray violations = e.getJsonArray("violations", new JsonArray());
      for (int i = 0; i < violations.size(); i++) {
        JsonObject v = violations.getJsonObject(i);
        if ("request".equals(v.getString("in"))) {
          requests.add(line(e, v));
        } else if (answersToo) {
          answers.add(line(e, v));
        }
      }
    }
    StringBuilder message = new StringBuilder();
    if (!requests.isEmpty()) {
      message.append("the code under test sent requests that break the vendor's contract:");
      requests.forEach(line -> message.append("\n  ").append(line));
    }
    if (!answers.isEmpty()) {
      message
          .append(message.isEmpty() ? "" : "\n")
          .append("the sandbox answered outside the vendor's contract (a sandbox bug):");
      answers.forEach(line -> message.append("\n  ").append(line));
    }
    return message.isEmpty() ? null : message.toString();
  }

  /**
   * {@code btg createTicket (exchange 01H…, POST /v2/… -POST /v2/… → 400gt; 400): request
   * body/phoneNumber: must match …}
   */
  private static String line(JsonObject exchange, JsonObject violation) {
    String location = violation.getString("location", "");
    String operation = exchange.getString("operation");
    return exchange.getString("vendor")
        + " "
        + (operation == null ? "(no operation)" : operation)
        + " (exchange "
        + exchange.getString("id")
        + ", "
        + exchange.getString("method")
        + " "
        + exchange.getString("path")
        + " -> "
        + exchange.getInteger("status")
        + "): "
        + violation.getString("in")
        + " "
        + (location.isEmpty() ? "" : location + ": ")
        + violation.getString("message");
  }
}
