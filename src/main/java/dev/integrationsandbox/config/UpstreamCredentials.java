package dev.integrationsandbox.config;

import java.util.Locale;
import java.util.Map;

/**
 * A vendor's real credentials, read only from the environment ({@code
 * SANDBOX_UPSTREAM_BTG_CLIENT_SECRET}…), never from flags or files that end up in shell history or
 * repositories, so that the real secret lives in one place.
 */
public record UpstreamCredentials(
    String clientId, String clientSecret, String username, String password) {

  /** The credentials of {@code vendor} in {@code env}, or null when no client id is set. */
  static UpstreamCredentials from(Map<String, String> env, String vendor) {
    String prefix = "SANDBOX_UPSTREAM_" + vendor.toUpperCase(Locale.ROOT) + "_";
    String clientId = env.get(prefix + "CLIENT_ID");
    if (clientId == null || clientId.isBlank()) {
      return null;
    }
    return new UpstreamCredentials(
        clientId,
        env.get(prefix + "CLIENT_SECRET"),
        env.get(prefix + "USERNAME"),
        env.get(prefix + "PASSWORD"));
  }

  @Override
  public String toString() {
    return "UpstreamCredentials[" + clientId + ", ***]";
  }
}
