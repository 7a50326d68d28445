package dev.integrationsandbox.fault;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The armed faults of the whole sandbox, global or for one world. Calls read the list on every
 * event loop without a lock (it changes only when a fault is armed, disarmed or used up); bounded
 * at {@value #MAX} faults, since each one is looked at on every call of its vendor.
 *
 * <p>When several faults match a call, the one armed first decides; a fault whose probability
 * spares the call leaves it to the next.
 */
public final class Faults {

  public static final int MAX = 1000;

  /**
   * The size of one fault's request, its custom body included: {@value #MAX} faults then hold at
   * most 16 MiB, whatever a client arms (the admin API's own limit, 64 KiB, would allow 64 MiB).
   */
  public static final int MAX_REQUEST_BYTES = 16 * 1024;

  private final CopyOnWriteArrayList<Fault> armed = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private final MeterRegistry registry;

  public Faults(MeterRegistry registry) {
    this.registry = registry;
  }

  /** A fresh id for a fault being armed: {@code f1}, {@code f2}… */
  String nextId() {
    return "f" + ids.incrementAndGet();
  }

  /**
   * @return false when {@value #MAX} faults are armed already
   */
  synchronized boolean arm(Fault fault) {
    if (armed.size() >= MAX) {
      return false;
    }
    armed.add(fault);
    return true;
  }

  /**
   * The fault that hits this call, counted and used once, or null for a normal answer. The fast
   * path, with nothing armed, is one emptiness check.
   */
  public Fault take(String vendor, String operation, String world) {
    if (armed.isEmpty()) {
      return null;
    }
    for (Fault fault : armed) {
      if (fault.matches(vendor, operation, world) && fault.trigger()) {
        if (fault.exhausted()) {
          armed.remove(fault);
        }
        injected(fault);
        return fault;
      }
    }
    return null;
  }

  private void injected(Fault fault) {
    Counter.builder("sandbox_faults_injected")
        .description("Calls answered by an armed fault instead of the vendor, by vendor and kind")
        .tags("vendor", fault.vendor(), "kind", fault.kind().wire())
        .register(registry)
        .increment();
  }

  /** The armed faults that can hit a world's calls (its own and the global ones), or all. */
  List<Fault> list(String world) {
    return armed.stream()
        .filter(f -> world == null || f.world() == null || f.world().equals(world))
        .toList();
  }

  boolean disarm(String id) {
    return armed.removeIf(f -> f.id().equals(id));
  }

  /**
   * Disarms a world's own faults, or every fault for null. A deleted world takes its faults with
   * it, so a later world of the same name starts without them.
   */
  public void disarmAll(String world) {
    armed.removeIf(f -> world == null || world.equals(f.world()));
  }
}
