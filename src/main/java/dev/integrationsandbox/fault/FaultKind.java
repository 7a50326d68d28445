package dev.integrationsandbox.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an armed fault does to a call, by the name the admin API takes ({@code "kind":"reset"}). */
public enum FaultKind {
  /** An error answer instead of the vendor's: a preset, or a status, headers and body given. */
  ERROR,
  /** The normal answer, after a delay: longer than the client's timeout, it is a timeout. */
  LATENCY,
  /** The connection closed with a TCP reset once the answer was ready: "connection reset". */
  RESET,
  /** The connection closed in an orderly way without a byte of answer. */
  CLOSE,
  /** The status, headers and full Content-Length sent, then half the body, then the close. */
  TRUNCATE;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FaultKind> of(String wire) {
    return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
  }

  /**
   * Whether the call reaches the mode handler before the fault: the connection faults need its
   * answer.
   */
  boolean afterIntegration() {
    return this == RESET || this == CLOSE || this == TRUNCATE;
  }
}
