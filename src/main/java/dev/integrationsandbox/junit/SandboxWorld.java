package dev.integrationsandbox.junit;

import java.util.List;

/**
 * One test's own world in the shared sandbox: an isolated copy of every vendor's state, made from
 * the fixtures, with its own clock. The code under test reaches it through {@link #baseUrl}, which
 * carries the world in its path ({@code http://127.0.0.1:PORT/__worlds/NAME}); the test reads and
 * changes it through {@link #admin()}.
 */
public final class SandboxWorld {

  private final String name;
  private final String root;
  private final List<String> vendors;
  private final SandboxAdmin admin;

  SandboxWorld(String name, String root, List<String> vendors, SandboxAdmin admin) {
    this.name = name;
    this.root = root;
    this.vendors = vendors;
    this.admin = admin;
  }

  public String name() {
    return name;
  }

  /**
   * The base URL to configure the code under test with for {@code vendor}: every vendor answers
   * under the same one, each on its own paths ({@code /oauth2/token}, {@code /v2/btg-tickets/…},
   * {@code /api/v1/…}).
   *
   * @throws IllegalArgumentException for a vendor this sandbox does not serve
   */
  public String baseUrl(String vendor) {
    if (!vendors.contains(vendor)) {
      throw new IllegalArgumentException(
          "no vendor '"
              + vendor
              + "' in this sandbox (vendors: "
              + String.join(", ", vendors)
              + ")");
    }
    return root + "/__worlds/" + name;
  }

  /** The admin API, scoped to this world. */
  public SandboxAdmin admin() {
    return admin;
  }
}
