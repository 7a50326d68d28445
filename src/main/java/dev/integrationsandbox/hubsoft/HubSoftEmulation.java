package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.StandIns;
import dev.integrationsandbox.support.SandboxClock;
import java.util.Comparator;
import java.util.Map;

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

  /**
   * The fixture client first by id (fixtures are held in maps without order): its secret and its
   * first user's password, for a password grant.
   */
  @Override
  public StandIns standIns() {
    return fixtures.clients().values().stream()
        .filter(c -> !c.users().isEmpty())
        .min(Comparator.comparing(OAuthClient::clientId))
        .map(
            c ->
                new StandIns(
                    null,
                    Map.of(
                        "client_secret",
                        c.clientSecret(),
                        "password",
                        c.users().get(0).password())))
        .orElse(StandIns.NONE);
  }
}
