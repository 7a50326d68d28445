package dev.integrationsandbox.diff;

/**
 * Who is to blame for a difference between a recorded answer and the emulator's: what has to be
 * fixed to make the two agree again.
 */
public enum Attribution {
  /** The recorded (real) answer fits the contract; the emulator's does not match it. */
  EMULATOR,
  /** The recorded answer breaks the contract while the emulator's fits: the contract is stale. */
  CONTRACT,
  /** Both answers break the contract. */
  BOTH;

  static Attribution of(boolean recordedFits, boolean emulatorFits) {
    if (recordedFits) {
      return EMULATOR;
    }
    return emulatorFits ? CONTRACT : BOTH;
  }
}
