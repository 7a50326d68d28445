package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.support.SandboxClock;

/** HubSoft's fixtures, loaded once; each world gets its own tokens and atendimentos. */
final class HubSoftEmulation implements Emulation<HubSoftSession> {

  private final HubSoftFixtures fixtures;
  private final int maxAtendimentos;
  private final int maxTokens;

  HubSoftEmulation(HubSoftFixtures fixtures, int maxAtendimentos, int maxTokens) {
    this.fixtures = fixtures;
    this.maxAtendimentos = maxAtendimentos;
    this.maxTokens = maxTokens;
  }

  @Override
  public HubSoftEmulator newEmulator(SandboxClock clock) {
    return new HubSoftEmulator(fixtures, clock, maxAtendimentos, maxTokens);
  }

  @Override
  public String summary() {
    int atendimentos =
        fixtures.provedores().values().stream().mapToInt(p -> p.atendimentos().size()).sum();
    int servicos = fixtures.provedores().values().stream().mapToInt(p -> p.servicos().size()).sum();
    return fixtures.clients().size()
        + " OAuth clients, "
        + servicos
        + " customer services, "
        + atendimentos
        + " atendimentos";
  }
}
