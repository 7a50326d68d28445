package dev.integrationsandbox.spi;

/**
 * An emulator whose vendor can invalidate every token it issued (HubSoft does after each upgrade):
 * {@code POST /__sandbox/tokens/revoke?vendor=…} calls it, so that a client's "token revoked" path
 * can be tested.
 */
public interface RevokesTokens {

  /** Revokes every live token of this world; returns how many there were. */
  int revokeTokens();
}
