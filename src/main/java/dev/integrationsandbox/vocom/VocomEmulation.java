package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.StandIns;
import dev.integrationsandbox.support.SandboxClock;
import java.util.Map;
import java.util.UUID;

/** Vocom's companies, agents, breaks and reports, loaded once and shared by every world. */
final class VocomEmulation implements Emulation<Pbx> {

  private final VocomFixtures fixtures;
  private final Latencies latencies;

  VocomEmulation(VocomFixtures fixtures, Latencies latencies) {
    this.fixtures = fixtures;
    this.latencies = latencies;
  }

  @Override
  public Emulator<Pbx> newEmulator(SandboxClock clock) {
    return new VocomEmulator(fixtures, clock, () -> UUID.randomUUID().toString(), latencies);
  }

  @Override
  public String summary() {
    return fixtures.companies().size() + " companies, " + latencies;
  }

  /** The first company's API key, as the password of Basic with the vendor's example user. */
  @Override
  public StandIns standIns() {
    return fixtures.companies().values().stream()
        .findFirst()
        .map(c -> new StandIns(StandIns.basic("api_key", c.apiKey()), Map.of()))
        .orElse(StandIns.NONE);
  }
}
