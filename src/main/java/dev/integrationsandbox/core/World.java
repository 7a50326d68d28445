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

  /** Every vendor back to its fixtures. */
  public void reset() {
    members.values().stream().filter(m -> m.emulator() != null).forEach(m -> m.emulator().reset());
  }

  void touch() {
    lastUsed = System.nanoTime();
  }

  long idleNanos() {
    return System.nanoTime() - lastUsed;
  }
}
