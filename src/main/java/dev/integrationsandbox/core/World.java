package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.support.SandboxClock;
import java.util.Map;

/**
 * One isolated copy of every emulated vendor's state, with its own clock: parallel tests on one
 * sandbox each use a world of their own ({@code /__worlds/{name}/…} or {@code X-Sandbox-World}) and
 * never meet. Fixture data is shared by all worlds; only the mutable state is a world's own.
 */
public final class World {

  /** The world of requests that name none. */
  public static final String DEFAULT = "default";

  /** A vendor as this world runs it; a vendor that forwards has no emulator, and no state. */
  record Member(Emulator<?> emulator, ModeHandler<?> handler) {}

  private final String name;
  private final SandboxClock clock;
  private final Map<String, Member> members;
  private volatile long lastUsed = System.nanoTime();

  World(String name, SandboxClock clock, Map<String, Member> members) {
    this.name = name;
    this.clock = clock;
    this.members = Map.copyOf(members);
  }

  public String name() {
    return name;
  }

  public SandboxClock clock() {
    return clock;
  }

  /** This world's emulator of a vendor, or null when the vendor is not emulated. */
  public Emulator<?> emulator(String vendor) {
    Member m = members.get(vendor);
    return m == null ? null : m.emulator();
  }

  ModeHandler<?> handler(String vendor) {
    return members.get(vendor).handler();
  }

  /** Every vendor back to its fixtures, and every replay back to the start of its recording. */
  public void reset() {
    members.keySet().forEach(this::reset);
  }

  /** One vendor back to its fixtures, or to the start of its recording. */
  public void reset(String vendor) {
    Member m = members.get(vendor);
    if (m.emulator() != null) {
      m.emulator().reset();
    }
    m.handler().reset();
  }

  /** This world's handler of a vendor in the given type's mode, or null in another mode. */
  public <H> H handler(String vendor, Class<H> type) {
    Member m = members.get(vendor);
    return m != null && type.isInstance(m.handler()) ? type.cast(m.handler()) : null;
  }

  void touch() {
    lastUsed = System.nanoTime();
  }

  long idleNanos() {
    return System.nanoTime() - lastUsed;
  }
}
