package dev.integrationsandbox.exchange;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Counts exchanges for {@code GET /__sandbox/metrics}: requests by vendor, operation, mode and
 * status, a latency histogram, and contract violations. Meters are looked up once per label set and
 * cached, because building Micrometer tags on every request costs more than the emulator's own
 * work.
 */
public final class ExchangeMetrics implements ExchangeListener {

  private record RequestKey(String vendor, String operation, String mode, int status) {}

  private record TimerKey(String vendor, String operation, String mode) {}

  private record ViolationKey(String vendor, String operation, String in) {}

  private final MeterRegistry registry;
  private final ConcurrentHashMap<RequestKey, Counter> requests = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<TimerKey, Timer> latencies = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<ViolationKey, Counter> violations = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<TimerKey, Counter> lintNotes = new ConcurrentHashMap<>();

  public ExchangeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public MeterRegistry registry() {
    return registry;
  }

  @Override
  public void onExchange(Exchange e) {
    String vendor = e.vendor() == null ? "none" : e.vendor();
    String operation = e.operationId() == null ? "unmatched" : e.operationId();
    String mode = e.mode() == null ? "none" : e.mode().id();
    requests
        .computeIfAbsent(
            new RequestKey(vendor, operation, mode, e.status()),
            k ->
                Counter.builder("sandbox_requests")
                    .description("Requests answered, by vendor, operation, mode and status")
                    .tags(
                        "vendor",
                        k.vendor,
                        "operation",
                        k.operation,
                        "mode",
                        k.mode,
                        "status",
                        k.status == 0 ? "aborted" : Integer.toString(k.status))
                    .register(registry))
        .increment();
    latencies
        .computeIfAbsent(
            new TimerKey(vendor, operation, mode),
            k ->
                Timer.builder("sandbox_request_duration")
                    .description("Time from request routed to answer sent")
                    .tags("vendor", k.vendor, "operation", k.operation, "mode", k.mode)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofNanos(50_000))
                    .maximumExpectedValue(Duration.ofSeconds(30))
                    .register(registry))
        .record(e.durationNanos(), TimeUnit.NANOSECONDS);
    if (!e.notes().isEmpty()) {
      lintNotes
          .computeIfAbsent(
              new TimerKey(vendor, operation, mode),
              k ->
                  Counter.builder("sandbox_lint_notes")
                      .description(
                          "Requests the vendor accepts but that looked odd (see the journal's notes)")
                      .tags("vendor", k.vendor, "operation", k.operation, "mode", k.mode)
                      .register(registry))
          .increment(e.notes().size());
    }
    if (e.violations().isEmpty()) {
      return;
    }
    for (String in : e.violations().stream().map(v -> v.in()).distinct().toList()) {
      violations
          .computeIfAbsent(
              new ViolationKey(vendor, operation, in),
              k ->
                  Counter.builder("sandbox_contract_violations")
                      .description("Requests and responses that departed from the contract")
                      .tags("vendor", k.vendor, "operation", k.operation, "in", k.in)
                      .register(registry))
          .increment();
    }
  }
}
