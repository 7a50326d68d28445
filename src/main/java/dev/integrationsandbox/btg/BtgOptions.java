package dev.integrationsandbox.btg;

/**
 * BTG's options under {@code vendors.btg}.
 *
 * @param maxTicketsPerClient the newest tickets each app client keeps; older ones answer 404
 */
public record BtgOptions(Integer maxTicketsPerClient) {

  static final int DEFAULT_MAX_TICKETS = 20_000;

  public BtgOptions {
    if (maxTicketsPerClient == null) {
      maxTicketsPerClient = DEFAULT_MAX_TICKETS;
    } else if (maxTicketsPerClient <= 0) {
      throw new IllegalArgumentException(
          "maxTicketsPerClient must be a positive whole number, got " + maxTicketsPerClient);
    }
  }
}
