package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.support.SandboxClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The sandbox's worlds: the default one, and named ones made from the fixtures on first use. A new
 * world costs each vendor's {@link Emulation#newEmulator}: the fixtures are shared, so it allocates
 * only the world's own mutable state. Bounded: at most {@code max} named worlds, and those idle
 * longer than the idle timeout are dropped by {@link #expire()}.
 */
public final class Worlds {

  /** A world's name is safe in a URL path segment and a header. */
  static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final List<MountedVendor> vendors;
  private final World defaultWorld;
  private final ConcurrentHashMap<String, World> named = new ConcurrentHashMap<>();
  private final int max;
  private final Duration idleTimeout;

  Worlds(List<MountedVendor> vendors, SandboxClock defaultClock, int max, Duration idleTimeout) {
    this.vendors = vendors;
    this.max = max;
    this.idleTimeout = idleTimeout;
    Map<String, World.Member> members = new LinkedHashMap<>();
    for (MountedVendor v : vendors) {
      members.put(v.id(), new World.Member(v.emulator(), v.handler()));
    }
    this.defaultWorld = new World(World.DEFAULT, defaultClock, members);
  }

  /** Whether a name can be a world's: safe in a URL path segment and a header. */
  public static boolean validName(String name) {
    return NAME.matcher(name).matches();
  }

  public World defaultWorld() {
    return defaultWorld;
  }

  /**
   * The world of that name, made from the fixtures if it does not exist yet; the default world for
   * null or {@value World#DEFAULT}.
   *
   * @throws Failure BAD_REQUEST for a name that is not {@link #NAME}, PROTOCOL 503 past the maximum
   *     number of worlds
   */
  public World resolve(String name) {
    if (name == null || name.equals(World.DEFAULT)) {
      return defaultWorld;
    }
    World world = named.get(name);
    if (world == null) {
      world = create(name);
    }
    world.touch();
    return world;
  }

  /** Creates a world, or returns the existing one of that name. */
  public World create(String name) {
    if (!validName(name)) {
      throw Failure.badRequest(
          "a world's name is 1 to 64 letters, digits, dots, dashes or underscores");
    }
    if (name.equals(World.DEFAULT)) {
      return defaultWorld;
    }
    World existing = named.get(name);
    if (existing != null) {
      return existing;
    }
    if (named.size() >= max) {
      expire();
      if (named.size() >= max) {
        throw Failure.protocol(
            503,
            "this sandbox holds its maximum of "
                + max
                + " worlds; delete one or raise --max-worlds");
      }
    }
    return named.computeIfAbsent(name, this::build);
  }

  private World build(String name) {
    SandboxClock clock = new SandboxClock();
    Map<String, World.Member> members = new LinkedHashMap<>();
    for (MountedVendor v : vendors) {
      members.put(
          v.id(),
          v.emulation() != null
              ? member(v.emulation(), clock)
              : new World.Member(null, v.handler().forWorld()));
    }
    return new World(name, clock, members);
  }

  private static <P> World.Member member(Emulation<P> emulation, SandboxClock clock) {
    Emulator<P> emulator = emulation.newEmulator(clock);
    return new World.Member(emulator, new EmulateMode<>(emulator));
  }

  /** The named world, without creating it. */
  public Optional<World> find(String name) {
    if (name == null || name.equals(World.DEFAULT)) {
      return Optional.of(defaultWorld);
    }
    return Optional.ofNullable(named.get(name));
  }

  public boolean delete(String name) {
    return named.remove(name) != null;
  }

  /** The default world first, then the named ones. */
  public List<World> all() {
    List<World> all = new ArrayList<>();
    all.add(defaultWorld);
    all.addAll(named.values());
    return all;
  }

  /** Drops the named worlds idle longer than the idle timeout; returns how many. */
  public int expire() {
    long limit = idleTimeout.toNanos();
    int before = named.size();
    named.values().removeIf(w -> w.idleNanos() > limit);
    return before - named.size();
  }

  public int max() {
    return max;
  }
}
