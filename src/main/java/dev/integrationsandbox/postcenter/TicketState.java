package dev.integrationsandbox.postcenter;

import java.util.Optional;

/**
 * The four states PostCenter documents for a ticket. Clients name them in English in {@code
 * /v2/tickets/state/{state}}; the paginated list shows them in Spanish.
 */
public enum TicketState {
  OPEN("open", "Abierto"),
  CLOSED("closed", "Cerrado"),
  IGNORED("ignored", "Ignorado"),
  IN_PROGRESS("inProgress", "En Progreso");

  private final String wire;
  private final String label;

  TicketState(String wire, String label) {
    this.wire = wire;
    this.label = label;
  }

  /** The English name of the state route and the fixtures: {@code inProgress}. */
  public String wire() {
    return wire;
  }

  /** The Spanish name of the paginated list: {@code En Progreso}. */
  public String label() {
    return label;
  }

  /** Whether an agent still has work on a ticket in this state (it counts in the agent's load). */
  public boolean isActive() {
    return this == OPEN || this == IN_PROGRESS;
  }

  /** The state named exactly so (case matters, as in the vendor's {@code inProgress}). */
  public static Optional<TicketState> byWire(String name) {
    for (TicketState s : values()) {
      if (s.wire.equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
