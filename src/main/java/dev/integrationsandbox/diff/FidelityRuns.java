package dev.integrationsandbox.diff;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The admin API's fidelity diffs of one sandbox: whether one is running, and the last report. One
 * per sandbox, not per event loop: each event loop has its own router, so state kept by the routes
 * would let two diffs run at once and show the page a report only when it reached the same loop.
 */
public final class FidelityRuns {

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicReference<JsonObject> last = new AtomicReference<>();

  /** False when a diff is running already; else the caller runs one and calls {@link #done}. */
  public boolean start() {
    return running.compareAndSet(false, true);
  }

  /** The run is over; its report, or null when it was refused or failed. */
  public void done(JsonObject report) {
    if (report != null) {
      last.set(report);
    }
    running.set(false);
  }

  /** The last report, or null before the first. */
  public JsonObject last() {
    return last.get();
  }
}
