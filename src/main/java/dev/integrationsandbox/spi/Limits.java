package dev.integrationsandbox.spi;

/**
 * What the vendor's edge (its API gateway or web server) accepts before its application sees a
 * request; past these, the sandbox refuses as that edge does, in the vendor's dialect.
 *
 * @param maxUriBytes the longest request target (414 beyond)
 * @param maxHeaderBytes the largest request line plus header block (431 beyond)
 * @param maxBodyBytes the largest body (413 beyond)
 */
public record Limits(int maxUriBytes, int maxHeaderBytes, long maxBodyBytes) {

  /** For vendors that document none: nginx's and Apache's usual defaults, 1 MiB of body. */
  public static final Limits DEFAULT = new Limits(8192, 16384, 1024 * 1024);

  public Limits withBody(long bytes) {
    return new Limits(maxUriBytes, maxHeaderBytes, bytes);
  }
}
