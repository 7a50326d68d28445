package dev.integrationsandbox.postcenter;

import io.vertx.core.json.JsonObject;

/**
 * The answer of {@code get_possible_agent}: the agent automatic assignment would pick, and why.
 *
 * @param agent null when no agent can take the ticket now ({@code "cm": null})
 */
public record Assignment(Agent agent, String reason) {

  /**
   * The vendor's reason when the least loaded online agent is chosen, verbatim from its example.
   */
  static final String BY_WORKLOAD = "Assign Because Workload and non cm was online";

  static final String NOBODY = "There is no cm online assignable to the ticket's account";

  /** The vendor's {@code AssignationDetail}. */
  public JsonObject toJson() {
    return new JsonObject().put("cm", agent == null ? null : agent.cmid()).put("reason", reason);
  }
}
