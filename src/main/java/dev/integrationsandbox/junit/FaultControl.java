package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The faults armed in one world ({@code /__sandbox/faults?world=}): they match only requests of
 * that world, so parallel tests never meet each other's faults. Blocking; call it from the test's
 * thread.
 */
public final class FaultControl {

  private final AdminHttp http;
  private final String query;

  FaultControl(AdminHttp http, String query) {
    this.http = http;
    this.query = query;
  }

  /**
   * Arms {@code fault} in this world.
   *
   * @return the armed fault as the sandbox shows it, with its {@code id} for {@link
   *     #disarm(String)}
   * @throws IllegalStateException naming the field the sandbox refused
   */
  public JsonObject arm(Fault fault) {
    return http.post("/faults" + query, fault.toJson(), 201);
  }

  /** The faults still armed, each with what {@code remaining} of it. */
  public JsonArray armed() {
    return http.get("/faults" + query).getJsonArray("faults");
  }

  /** Each vendor's preset names: {@code {"btg":["throttled",…],…}}. */
  public JsonObject presets() {
    return http.get("/faults" + query).getJsonObject("presets");
  }

  /** Disarms every fault of this world. */
  public void disarm() {
    http.delete("/faults" + query);
  }

  /** Disarms one fault, by the {@code id} that {@link #arm} returned. */
  public void disarm(String id) {
    http.delete("/faults/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
  }
}
