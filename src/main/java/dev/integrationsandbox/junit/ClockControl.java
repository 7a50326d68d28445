package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * One world's sandbox clock, which every emulator of that world reads (token expiry, {@code
 * createdAt}, report filters): {@code POST /__sandbox/clock?world=}. Blocking; call it from the
 * test's thread.
 *
 * <pre>
 * sandbox.clock().advance(Duration.ofHours(2)); // every token of the world has expired
 * </pre>
 */
public final class ClockControl {

  private final AdminHttp http;
  private final String query;

  ClockControl(AdminHttp http, String query) {
    this.http = http;
    this.query = query;
  }

  /** The world's time now. */
  public Instant now() {
    return Instant.parse(http.get("/clock" + query).getString("now"));
  }

  /** Moves the clock forward (or back, with a negative duration); returns the new time. */
  public Instant advance(Duration by) {
    return change(new JsonObject().put("advance", by.toString()));
  }

  /** Sets the clock to {@code at}; returns it. */
  public Instant set(Instant at) {
    return change(new JsonObject().put("set", at.toString()));
  }

  /** Stops the clock ({@code true}) or lets it run again; returns the time. */
  public Instant freeze(boolean frozen) {
    return change(new JsonObject().put("freeze", frozen));
  }

  private Instant change(JsonObject body) {
    return Instant.parse(http.post("/clock" + query, body, 200).getString("now"));
  }
}
