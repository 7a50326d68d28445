package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The admin API of a sandbox, scoped to one world: its clock, its faults, its journal, its state
 * and its contract coverage. {@link IntegrationSandbox} gives each test one for the test's own
 * world; {@link #connect} reaches a sandbox started elsewhere (the jar or the Docker image beside a
 * CI job).
 *
 * <p>Every call is a blocking HTTP request ({@code java.net.http}): make them from the test's
 * thread, never from a Vert.x event loop.
 *
 * <pre>
 * SandboxAdmin admin = SandboxAdmin.connect("http://localhost:8080", "default", null);
 * admin.clock().advance(Duration.ofHours(1));
 * </pre>
 */
public final class SandboxAdmin {

  private final AdminHttp http;
  private final String world;
  private final String query;

  SandboxAdmin(AdminHttp http, String world) {
    this.http = http;
    this.world = world;
    this.query = "?world=" + URLEncoder.encode(world, StandardCharsets.UTF_8);
  }

  /**
   * An admin client of the sandbox at {@code sandboxUrl}.
   *
   * @param world a world's name; {@code "default"} for requests that name none
   * @param adminToken the sandbox's {@code --admin-token}, or null when it is reached over loopback
   */
  public static SandboxAdmin connect(String sandboxUrl, String world, String adminToken) {
    return new SandboxAdmin(new AdminHttp(sandboxUrl, adminToken), world);
  }

  /** The world this client reads and changes. */
  public String world() {
    return world;
  }

  public ClockControl clock() {
    return new ClockControl(http, query);
  }

  public FaultControl faults() {
    return new FaultControl(http, query);
  }

  public JournalQuery journal() {
    return new JournalQuery(http, world);
  }

  /** One vendor's emulated state in this world, as {@code GET /__sandbox/state} shows it. */
  public JsonObject state(String vendor) {
    return http.get("/state" + query + "&vendor=" + encode(vendor)).getJsonObject(vendor);
  }

  /**
   * Which declared responses of each of the vendor's operations this world has produced ({@code GET
   * /__sandbox/coverage}); {@code null} for every vendor.
   */
  public JsonObject coverage(String vendor) {
    return http.get("/coverage" + query + (vendor == null ? "" : "&vendor=" + encode(vendor)));
  }

  /** Brings every vendor of this world back to its fixtures. */
  public void reset() {
    http.post("/reset" + query, null, 200);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
