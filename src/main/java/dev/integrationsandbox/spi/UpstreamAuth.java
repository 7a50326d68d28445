package dev.integrationsandbox.spi;

/**
 * How a vendor's real host issues tokens, for a sandbox that holds the real credentials itself: the
 * sandbox then gets and renews the upstream token, and local apps run with dummy credentials.
 *
 * @param tokenPath the token endpoint's path on the upstream ({@link Upstream#hostFor} picks the
 *     host)
 */
public record UpstreamAuth(String tokenPath, Grant grant) {

  /** The OAuth2 grant the vendor uses for server-to-server access. */
  public enum Grant {
    /** BTG's Cognito: client id and secret. */
    CLIENT_CREDENTIALS,
    /** HubSoft's Passport: client id and secret plus a user's name and password. */
    PASSWORD
  }
}
