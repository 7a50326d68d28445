package dev.integrationsandbox.fault;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.FaultPreset;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One armed fault: which calls it matches (a vendor, optionally one operation and one world), what
 * it does to them, and how many more it may hit. Thread-safe: every event loop takes from the same
 * fault, and a fault armed for N calls fails exactly N, however the calls interleave.
 *
 * @param operation null for every operation of the vendor
 * @param world null for every world
 * @param preset the vendor's preset for an error that names one, else null
 * @param error the answer of a custom error ({@code status}, {@code headers}, {@code body}), else
 *     null
 * @param latency the delay before the fault (or, for {@link FaultKind#LATENCY}, before the normal
 *     answer); zero for none
 * @param remaining how many more calls it fails; null while a probability fault has no count
 * @param probability the chance that a matching call fails, or null for every one
 */
public record Fault(
    String id,
    String vendor,
    String operation,
    String world,
    FaultKind kind,
    FaultPreset preset,
    Reply error,
    Duration latency,
    AtomicLong remaining,
    Double probability) {

  boolean matches(String vendor, String operation, String world) {
    return this.vendor.equals(vendor)
        && (this.operation == null || this.operation.equals(operation))
        && (preset == null || preset.appliesTo(operation))
        && (this.world == null || this.world.equals(world));
  }

  /** Rolls the probability and takes one of the remaining calls: whether this call fails. */
  boolean trigger() {
    if (probability != null && ThreadLocalRandom.current().nextDouble() >= probability) {
      return false;
    }
    if (remaining == null) {
      return true;
    }
    long left;
    do {
      left = remaining.get();
      if (left <= 0) {
        return false;
      }
    } while (!remaining.compareAndSet(left, left - 1));
    return true;
  }

  boolean exhausted() {
    return remaining != null && remaining.get() <= 0;
  }

  /**
   * Whether the call goes through the mode handler first, so that its state change happens and only
   * its answer is lost: the connection faults, and presets the vendor fails after its integration
   * ran.
   */
  public boolean afterIntegration() {
    return preset != null
        ? preset.stage() == FaultPreset.Stage.AFTER_INTEGRATION
        : kind.afterIntegration();
  }

  /** The error answer to a call, in the vendor's dialect for a preset. */
  public Reply reply(Call call) {
    if (preset != null) {
      return preset.render().apply(call);
    }
    Object json = error.json() instanceof JsonObject o ? o.copy() : error.json();
    return new Reply(
        error.status(),
        error.contentType(),
        MultiMap.caseInsensitiveMultiMap().addAll(error.headers()),
        json,
        error.raw(),
        null,
        List.of());
  }

  /** What the journal says of a call this fault hit. */
  public String describe() {
    return id + " " + kind.wire() + (preset == null ? "" : " " + preset.name());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("vendor", vendor)
        .put("operation", operation)
        .put("world", world)
        .put("kind", kind.wire())
        .put("preset", preset == null ? null : preset.name())
        .put("remaining", remaining == null ? null : remaining.get())
        .put("probability", probability)
        .put("latency", latency.isZero() ? null : latency.toString());
  }
}
