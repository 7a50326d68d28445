package dev.integrationsandbox.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SandboxClockTest {

  static final Instant WALL = Instant.parse("2026-05-01T10:00:00Z");

  @Test
  void advancingARunningClockKeepsItRunningAhead() {
    SandboxClock clock = new SandboxClock(Clock.fixed(WALL, ZoneOffset.UTC));
    clock.advance(Duration.ofHours(1));
    assertEquals(WALL.plusSeconds(3600), clock.now());
    assertFalse(clock.frozen());
  }

  @Test
  void aFrozenClockStaysPutUntilMovedOrThawed() {
    SandboxClock clock = new SandboxClock(Clock.fixed(WALL, ZoneOffset.UTC));
    clock.freeze(true);
    clock.set(Instant.parse("2026-01-01T09:00:00Z"));
    assertTrue(clock.frozen());
    assertEquals(Instant.parse("2026-01-01T09:00:00Z"), clock.now());
    clock.advance(Duration.ofMinutes(5));
    assertEquals(Instant.parse("2026-01-01T09:05:00Z"), clock.now());
    clock.freeze(false);
    assertEquals(Instant.parse("2026-01-01T09:05:00Z"), clock.now());
    assertFalse(clock.frozen());
  }

  @Test
  void resetReturnsToTheWallClock() {
    SandboxClock clock = new SandboxClock(Clock.fixed(WALL, ZoneOffset.UTC));
    clock.advance(Duration.ofDays(3));
    clock.reset();
    assertEquals(WALL, clock.now());
  }
}
