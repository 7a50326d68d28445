package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.support.SandboxClock;

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
}
