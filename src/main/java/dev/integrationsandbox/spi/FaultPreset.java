package dev.integrationsandbox.spi;

import java.util.Set;
import java.util.function.Function;

/**
 * A way this vendor really fails, in its own words, that a test arms by name ({@code POST
 * /__sandbox/faults {"vendor":"btg","preset":"throttled"}}) to see its client cope: BTG's gateway
 * throttling with {@code 429 {"message":"Too Many Requests"}}, HubSoft revoking tokens after an
 * upgrade, Vocom's PBX refusing with {@code execute_failed}. The vendor renders the answer, so it
 * is the answer a client of the real vendor has to parse.
 *
 * @param name what the admin API calls it: {@code throttled}
 * @param stage whether the vendor's integration ran before the failure (see {@link Stage})
 * @param operations the operationIds where the vendor can fail this way (a Cognito outage hits the
 *     token endpoint, not the gateway); empty for every operation
 * @param render the answer to one call, in the vendor's dialect
 */
public record FaultPreset(
    String name, Stage stage, Set<String> operations, Function<Call, Reply> render) {

  public FaultPreset {
    operations = Set.copyOf(operations);
  }

  /** A preset that applies to every operation of the vendor. */
  public FaultPreset(String name, Stage stage, Function<Call, Reply> render) {
    this(name, stage, Set.of(), render);
  }

  /**
   * Where the failure happens, which decides whether the call changed the vendor's state: a client
   * has to tell "nothing happened, retry" from "it may have happened, look before retrying".
   */
  public enum Stage {
    /**
     * The vendor's edge answers (a gateway throttle, a maintenance page, a revoked token):
     * authentication and the integration never run, so nothing changes.
     */
    EDGE,
    /**
     * The integration ran and its answer was lost on the way back (a gateway timeout): the state
     * change happened, the client only sees the failure.
     */
    AFTER_INTEGRATION
  }

  public boolean appliesTo(String operationId) {
    return operations.isEmpty() || operations.contains(operationId);
  }
}
