package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.StandIns;
import dev.integrationsandbox.support.SandboxClock;
import java.util.Comparator;
import java.util.Map;

/** BTG's fixtures and the user pool's signing key, loaded once and shared by every world. */
record BtgEmulation(BtgFixtures fixtures, CognitoTokens.Keys keys, int maxTicketsPerClient)
    implements Emulation<AppClient> {

  @Override
  public BtgEmulator newEmulator(SandboxClock clock) {
    CognitoTokens tokens =
        new CognitoTokens(keys, clock, fixtures.issuer(), fixtures.tokenLifetimeSeconds());
    return new BtgEmulator(fixtures, tokens, maxTicketsPerClient);
  }

  @Override
  public String summary() {
    return fixtures.clients().size()
        + " app clients, "
        + fixtures.info().channels().size()
        + " channels, "
        + fixtures.info().codes().size()
        + " termination codes, "
        + fixtures.tickets().size()
        + " tickets";
  }

  /**
   * The fixture client first by id (fixtures are held in maps without order): its id and secret,
   * for a recorded token request.
   */
  @Override
  public StandIns standIns() {
    return fixtures.clients().values().stream()
        .min(Comparator.comparing(AppClient::clientId))
        .map(c -> new StandIns(StandIns.basic(c.clientId(), c.clientSecret()), Map.of()))
        .orElse(StandIns.NONE);
  }
}
