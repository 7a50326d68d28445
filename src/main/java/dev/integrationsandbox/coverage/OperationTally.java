package dev.integrationsandbox.coverage;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.coverage.DeclaredResponses.Outcome;
import dev.integrationsandbox.exchange.Exchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one operation: how often each declared outcome was produced, what was produced
 * outside the contract, and the first few requests that broke it. Every event loop adds to it
 * without a lock; its size is fixed by the contract plus small constant bounds, however many
 * requests a suite sends.
 */
final class OperationTally {

  /** Requests that broke the contract kept as examples; the rest are only counted. */
  static final int MAX_EXAMPLES = 10;

  /** Distinct undeclared outcomes kept apart; further ones are counted together. */
  static final int MAX_UNDECLARED = 16;

  private static final int MAX_VIOLATIONS_PER_EXAMPLE = 5;
  private static final int MAX_MESSAGE_CHARS = 500;
  private static final Outcome OTHER = new Outcome(-1, "other");

  /**
   * A request that broke the contract, as kept: the exchange's id (to find it in the journal while
   * the journal still holds it), its answer's status and its first violations.
   */
  record Example(String exchangeId, int status, List<Violation> violations) {}

  final DeclaredResponses declared;
  private final Map<Outcome, LongAdder> produced;
  private final ConcurrentHashMap<Outcome, LongAdder> undeclared = new ConcurrentHashMap<>();
  private final LongAdder calls = new LongAdder();
  private final LongAdder aborted = new LongAdder();
  private final LongAdder brokenRequests = new LongAdder();
  private final LongAdder brokenResponses = new LongAdder();
  private final AtomicInteger examplesTaken = new AtomicInteger();
  private final AtomicReferenceArray<Example> examples = new AtomicReferenceArray<>(MAX_EXAMPLES);

  OperationTally(DeclaredResponses declared) {
    this.declared = declared;
    Map<Outcome, LongAdder> counters = new LinkedHashMap<>();
    declared.outcomes().forEach(o -> counters.put(o, new LongAdder()));
    this.produced = Map.copyOf(counters);
  }

  void count(Exchange e) {
    calls.increment();
    if (e.status() == 0) {
      aborted.increment();
    } else {
      Outcome outcome = Outcomes.classify(declared, e);
      LongAdder counter = produced.get(outcome);
      if (counter == null) {
        counter = undeclaredCounter(outcome);
      }
      counter.increment();
    }
    List<Violation> request = new ArrayList<>(0);
    boolean responseBroken = false;
    for (Violation v : e.violations()) {
      if ("request".equals(v.in())) {
        request.add(v);
      } else {
        responseBroken = true;
      }
    }
    if (responseBroken) {
      brokenResponses.increment();
    }
    if (!request.isEmpty()) {
      brokenRequests.increment();
      int slot = examplesTaken.getAndIncrement();
      if (slot < MAX_EXAMPLES) {
        examples.set(slot, new Example(e.id(), e.status(), shortened(request)));
      }
    }
  }

  private LongAdder undeclaredCounter(Outcome outcome) {
    LongAdder known = undeclared.get(outcome);
    if (known != null) {
      return known;
    }
    if (undeclared.size() >= MAX_UNDECLARED) {
      return undeclared.computeIfAbsent(OTHER, o -> new LongAdder());
    }
    return undeclared.computeIfAbsent(outcome, o -> new LongAdder());
  }

  private static List<Violation> shortened(List<Violation> violations) {
    return violations.stream()
        .limit(MAX_VIOLATIONS_PER_EXAMPLE)
        .map(
            v ->
                v.message() != null && v.message().length() > MAX_MESSAGE_CHARS
                    ? new Violation(
                        v.in(), v.location(), v.message().substring(0, MAX_MESSAGE_CHARS) + "…")
                    : v)
        .toList();
  }

  /** A consistent-enough copy for a report: each counter is read once. */
  CoverageReport.Operation snapshot() {
    Map<Outcome, Long> counts = new LinkedHashMap<>();
    for (Outcome o : declared.outcomes()) {
      counts.put(o, produced.get(o).sum());
    }
    Map<Outcome, Long> outside = new LinkedHashMap<>();
    undeclared.entrySet().stream()
        .sorted(
            java.util.Comparator.comparingInt(
                    (Map.Entry<Outcome, LongAdder> x) -> x.getKey().status())
                .thenComparing(x -> String.valueOf(x.getKey().kind())))
        .forEach(x -> outside.put(x.getKey(), x.getValue().sum()));
    List<Example> kept = new ArrayList<>();
    int taken = Math.min(examplesTaken.get(), MAX_EXAMPLES);
    for (int i = 0; i < taken; i++) {
      Example example = examples.get(i);
      if (example != null) {
        kept.add(example);
      }
    }
    return new CoverageReport.Operation(
        declared.operationId(),
        calls.sum(),
        aborted.sum(),
        counts,
        outside,
        brokenRequests.sum(),
        List.copyOf(kept),
        brokenResponses.sum());
  }
}
