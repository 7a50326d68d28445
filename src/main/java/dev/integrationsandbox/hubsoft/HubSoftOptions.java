package dev.integrationsandbox.hubsoft;

/**
 * HubSoft's options under {@code vendors.hubsoft}.
 *
 * @param maxAtendimentosPerClient the newest atendimentos each OAuth client keeps
 * @param maxTokensPerClient the newest tokens each OAuth client keeps; older ones are revoked
 */
public record HubSoftOptions(Integer maxAtendimentosPerClient, Integer maxTokensPerClient) {

  static final int DEFAULT_MAX = 10_000;

  public HubSoftOptions {
    maxAtendimentosPerClient = positive("maxAtendimentosPerClient", maxAtendimentosPerClient);
    maxTokensPerClient = positive("maxTokensPerClient", maxTokensPerClient);
  }

  private static int positive(String name, Integer value) {
    if (value == null) {
      return DEFAULT_MAX;
    }
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be a positive whole number, got " + value);
    }
    return value;
  }
}
