package dev.integrationsandbox.support;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs without {@code UUID.randomUUID()}'s shared, synchronized SecureRandom:
 * every request and every ticket takes one, on all event loops at once. Sandbox ids need to be
 * unique, not unguessable.
 */
public final class Ids {
  private Ids() {}

  public static UUID uuid() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
