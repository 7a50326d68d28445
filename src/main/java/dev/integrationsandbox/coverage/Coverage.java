package dev.integrationsandbox.coverage;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * What a test suite has exercised of each vendor's contract: per operation, which declared
 * responses (statuses, and the in-body error kinds of HTTP-200 dialects, see {@link
 * DeclaredResponses}) were produced, which requests broke the contract, and the share covered. A
 * team reads it to see which vendor answers its code has never met ({@code GET
 * /__sandbox/coverage}), and CI shows it as a test report ({@code ?format=junit}).
 *
 * <p>It is an {@link ExchangeListener}, so it sees every answer in every mode without being part of
 * the send path. It runs on the event loops: counting is a map lookup and a {@link LongAdder}
 * increment, with no lock, and its memory is fixed by the contracts (a counter per declared
 * outcome, a bounded number of examples per operation), not by the number of requests.
 *
 * <pre>
 * curl -X DELETE localhost:8080/__sandbox/coverage      # before the suite
 * curl 'localhost:8080/__sandbox/coverage?format=junit' &gt; target/sandbox-coverage.xml
 * </pre>
 */
public final class Coverage implements ExchangeListener {

  private final Map<String, List<DeclaredResponses>> declared;
  private final Predicate<Exchange> scope;
  private final AtomicReference<Tally> tally;

  /**
   * @param contracts each vendor's loaded contract, by vendor id, in the order reports list them
   * @param scope the exchanges this coverage counts: every one for the sandbox-wide coverage, one
   *     world's for a world's
   */
  public Coverage(Map<String, Contract> contracts, Predicate<Exchange> scope) {
    Map<String, List<DeclaredResponses>> byVendor = new LinkedHashMap<>();
    contracts.forEach((vendor, contract) -> byVendor.put(vendor, DeclaredResponses.of(contract)));
    this.declared = byVendor;
    this.scope = scope;
    this.tally = new AtomicReference<>(new Tally(byVendor));
  }

  /** The sandbox-wide coverage: every exchange, whatever its world. */
  public static Coverage overall(Map<String, Contract> contracts) {
    return new Coverage(contracts, e -> true);
  }

  @Override
  public void onExchange(Exchange exchange) {
    if (scope.test(exchange) && !exchange.faulted()) {
      tally.get().count(exchange);
    }
  }

  /** Starts again from nothing, as a test suite does before it runs. */
  public void reset() {
    tally.set(new Tally(declared));
  }

  /** The vendors covered, in report order. */
  public Set<String> vendors() {
    return declared.keySet();
  }

  /** What has been covered since the last reset, of one vendor or (null) of all. */
  public CoverageReport report(String vendor) {
    return tally.get().snapshot(vendor);
  }

  /**
   * The counters since a reset. A reset swaps in a fresh tally, so that counting never checks for
   * one; an exchange racing the reset may land in the old tally, which is then forgotten.
   */
  private static final class Tally {
    private final Map<String, Map<String, OperationTally>> operations = new LinkedHashMap<>();
    private final Map<String, LongAdder> unmatched = new LinkedHashMap<>();

    Tally(Map<String, List<DeclaredResponses>> declared) {
      declared.forEach(
          (vendor, ops) -> {
            Map<String, OperationTally> byId = new LinkedHashMap<>();
            ops.forEach(op -> byId.put(op.operationId(), new OperationTally(op)));
            operations.put(vendor, byId);
            unmatched.put(vendor, new LongAdder());
          });
    }

    void count(Exchange e) {
      Map<String, OperationTally> ops = operations.get(e.vendor());
      if (ops == null) {
        return;
      }
      OperationTally op = e.operationId() == null ? null : ops.get(e.operationId());
      if (op == null) {
        unmatched.get(e.vendor()).increment();
      } else {
        op.count(e);
      }
    }

    CoverageReport snapshot(String only) {
      List<CoverageReport.Vendor> vendors = new ArrayList<>();
      operations.forEach(
          (vendor, ops) -> {
            if (only == null || only.equals(vendor)) {
              vendors.add(
                  new CoverageReport.Vendor(
                      vendor,
                      ops.values().stream().map(OperationTally::snapshot).toList(),
                      unmatched.get(vendor).sum()));
            }
          });
      return new CoverageReport(vendors);
    }
  }
}
