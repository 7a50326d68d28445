package dev.integrationsandbox.spi;

import dev.integrationsandbox.support.SandboxClock;

/**
 * A vendor's fixtures, loaded once and then only read, from which any number of isolated worlds are
 * made. Loading (parsing fixture files, reading keys) is the slow part and happens once; a new
 * world shares the immutable fixture data and only allocates its own mutable state, so that a world
 * per test costs well under a millisecond.
 *
 * @param <P> the principal the vendor's authentication establishes (an app client, a company)
 */
public interface Emulation<P> {

  /** A fresh world of this vendor, at its fixtures, reading time from {@code clock}. */
  Emulator<P> newEmulator(SandboxClock clock);

  /** A short account of what was loaded, for the start-up line ("3 clients, 2 tickets"). */
  String summary();

  /**
   * Credentials from these fixtures that stand in for a recording's redacted ones when a recorded
   * request is sent to this emulator again; none by default.
   */
  default StandIns standIns() {
    return StandIns.NONE;
  }
}
