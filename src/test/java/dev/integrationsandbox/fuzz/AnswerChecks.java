package dev.integrationsandbox.fuzz;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.core.Pipeline;
import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The assertions every fuzzed answer must pass, shared by the contract fuzz and the raw-socket
 * test: no 5xx; the exchange journaled without an {@code INTERNAL} error and without response
 * violations; a status that the routed operation declares (or, for an answer given before any
 * operation matched, one the vendor declares somewhere, or its "no route"); and nothing logged at
 * ERROR.
 */
final class AnswerChecks {

  /**
   * The vendor's "no route" (404) and "method not allowed" (405), answered where no operation
   * matched and so declared by none; every other status, {@code RequestGate}'s refusals included
   * (the contracts' {@code EdgeRefusal}), must be declared by the vendor's contract.
   */
  static final Set<Integer> UNROUTED_STATUSES = Set.of(404, 405);

  private final TestSandbox sandbox;
  private final Map<String, VendorModel> vendors;
  private final LogWatch log;

  AnswerChecks(TestSandbox sandbox, Map<String, VendorModel> vendors, LogWatch log) {
    this.sandbox = sandbox;
    this.vendors = vendors;
    this.log = log;
  }

  /**
   * Every problem with one answer; empty when it passes.
   *
   * @param exchangeId the answer's {@code X-Sandbox-Exchange-Id}, null when it had none
   */
  List<String> problems(int status, String exchangeId, String contentType, String body) {
    List<String> problems = new ArrayList<>();
    if (status >= 500) {
      problems.add("answered " + status);
    }
    Optional<Exchange> journaled = exchangeId == null ? Optional.empty() : exchange(exchangeId);
    if (journaled.isPresent()) {
      Exchange e = journaled.get();
      if (e.error() != null && e.error().startsWith("INTERNAL")) {
        problems.add("sandbox fault: " + e.error());
      }
      for (Violation v : e.violations()) {
        if (v.in().equals("response")) {
          problems.add("answer outside the contract: " + v.describe());
        }
      }
      VendorModel vendor = vendors.get(e.vendor());
      if (vendor != null) {
        Optional<FuzzOperation> op = vendor.operation(e.operationId());
        if (op.isPresent() && !op.get().declares(status)) {
          problems.add(op.get().operationId() + " does not declare status " + status);
        } else if (op.isEmpty()
            && !vendor.anyDeclares(status)
            && !UNROUTED_STATUSES.contains(status)) {
          problems.add(e.vendor() + " declares status " + status + " nowhere");
        }
      }
    } else if (exchangeId != null) {
      problems.add("exchange " + exchangeId + " is not in the journal");
    } else if (contentType != null && contentType.startsWith("application/json")) {
      try {
        new JsonObject(body);
      } catch (RuntimeException ex) {
        problems.add("JSON answer that does not parse: " + body);
      }
    }
    for (String error : log.drain()) {
      problems.add("logged ERROR " + error);
    }
    return problems;
  }

  /** The journaled exchange, which is written just after the answer is sent. */
  Optional<Exchange> exchange(String id) {
    for (int attempt = 0; attempt < 100; attempt++) {
      Optional<Exchange> e = sandbox.server().sandbox().journal().find(id);
      if (e.isPresent()) {
        return e;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Optional.empty();
  }

  static String exchangeIdHeader() {
    return Pipeline.EXCHANGE_ID_HEADER;
  }
}
