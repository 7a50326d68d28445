package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.support.SandboxClock;

/** HubSoft's fixtures, loaded once; each world gets its own tokens and atendimentos. */
record HubSoftEmulation(HubSoftFixtures fixtures, HubSoftOptions options)
    implements Emulation<HubSoftSession> {

  @Override
  public HubSoftEmulator newEmulator(SandboxClock clock) {
    return new HubSoftEmulator(
        fixtures, clock, options.maxAtendimentosPerClient(), options.maxTokensPerClient());
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
