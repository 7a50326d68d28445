package dev.integrationsandbox.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every emulator reads: token expiry, creation and closing times, durations and
 * report filters. Tests and users move it through the admin API ({@code POST /__sandbox/clock})
 * instead of sleeping, so an expired token or a day-long agent shift takes no real time.
 *
 * <p>The clock is either running (wall clock plus an offset) or frozen at one instant. Its state is
 * one immutable value swapped atomically, so readers on any event loop never see a half-made
 * change.
 */
public final class SandboxClock {

  private record State(Duration offset, Instant frozenAt) {}

  private final Clock wall;
  private final AtomicReference<State> state =
      new AtomicReference<>(new State(Duration.ZERO, null));

  public SandboxClock() {
    this(Clock.systemUTC());
  }

  public SandboxClock(Clock wall) {
    this.wall = wall;
  }

  public Instant now() {
    State s = state.get();
    return s.frozenAt != null ? s.frozenAt : wall.instant().plus(s.offset);
  }

  public boolean frozen() {
    return state.get().frozenAt != null;
  }

  /** Moves the clock forward (or back, with a negative duration), frozen or not. */
  public Instant advance(Duration by) {
    Instant target;
    try {
      target = now().plus(by);
    } catch (ArithmeticException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("advancing by " + by + " leaves the calendar");
    }
    requireSane(target);
    state.updateAndGet(
        s ->
            s.frozenAt != null
                ? new State(s.offset, s.frozenAt.plus(by))
                : new State(s.offset.plus(by), null));
    return now();
  }

  /** Sets the current time; a frozen clock stays frozen at the new instant. */
  public Instant set(Instant to) {
    requireSane(to);
    state.updateAndGet(
        s -> new State(Duration.between(wall.instant(), to), s.frozenAt != null ? to : null));
    return now();
  }

  /**
   * The earliest and latest instants the clock may show: every emulator adds token lifetimes and
   * deadlines to "now" and formats the result as a four-digit year, so the clock stays well inside
   * what that arithmetic can take.
   */
  public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("2999-12-31T23:59:59Z");

  /**
   * @throws IllegalArgumentException outside {@link #EARLIEST}..{@link #LATEST}
   */
  private static void requireSane(Instant instant) {
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new IllegalArgumentException(
          "the clock must stay between " + EARLIEST + " and " + LATEST + ", not " + instant);
    }
  }

  /** Freezes the clock at the current instant, or lets a frozen clock run on from where it is. */
  public Instant freeze(boolean freeze) {
    state.updateAndGet(
        s -> {
          Instant current = s.frozenAt != null ? s.frozenAt : wall.instant().plus(s.offset);
          return freeze
              ? new State(s.offset, current)
              : new State(Duration.between(wall.instant(), current), null);
        });
    return now();
  }

  /** Back to the wall clock, running. */
  public void reset() {
    state.set(new State(Duration.ZERO, null));
  }
}
