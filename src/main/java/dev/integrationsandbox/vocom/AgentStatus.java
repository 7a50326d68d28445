package dev.integrationsandbox.vocom;

import java.util.Arrays;

/**
 * The agent statuses of FreeSWITCH mod_callcenter, which the Vocom PBX exposes verbatim in {@code
 * get_agent_list}. Only the three the CTI commands move between are modelled.
 */
public enum AgentStatus {
  LOGGED_OUT("Logged Out"),
  AVAILABLE("Available"),
  ON_BREAK("On Break");

  private final String wire;

  AgentStatus(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** Parses the mod_callcenter spelling used in fixtures and responses. */
  public static AgentStatus fromWire(String wire) {
    return Arrays.stream(values())
        .filter(s -> s.wire.equals(wire))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown agent status: " + wire));
  }
}
