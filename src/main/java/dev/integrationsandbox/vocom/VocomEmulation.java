package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Vertx;
import java.util.Map;

/** Vocom's companies, agents, breaks and reports, loaded once and shared by every world. */
final class VocomEmulation implements Emulation<CallCenter> {

  private final Vertx vertx;
  private final VocomFixtures fixtures;
  private final Map<VocomCommand, Latency> latencies;

  VocomEmulation(Vertx vertx, VocomFixtures fixtures, Map<VocomCommand, Latency> latencies) {
    this.vertx = vertx;
    this.fixtures = fixtures;
    this.latencies = latencies;
  }

  @Override
  public Emulator<CallCenter> newEmulator(SandboxClock clock) {
    return new VocomSimulation(vertx, new VocomEmulator(fixtures, clock), latencies);
  }

  @Override
  public String summary() {
    String delays =
        latencies.isEmpty()
            ? "no added latency"
            : "latency "
                + latencies.entrySet().stream()
                    .map(e -> e.getKey().operationId() + "=" + e.getValue())
                    .toList();
    return fixtures.companies().size() + " companies, " + delays;
  }
}
