package dev.integrationsandbox.vocom;

/**
 * The four failure kinds the Vocom APIv2 reports in {@code status_type}. Clients branch on these
 * strings, so the wire spelling lives here once and nowhere else.
 */
public enum StatusType {
  /** A required key is missing from the JSON body, or a value cannot be understood (dates). */
  PARAMS_FAILED("params_failed"),
  /** No API key, an unknown key, or (sandbox assumption) a key of another company. */
  AUTHENTICATION_FAILED("authentication_failed"),
  /** The agent, break or queue named in the request does not exist for the company. */
  NOT_FOUND_FAILED("not_found_failed"),
  /** The PBX refused the action: wrong agent status, no channel, a call that is gone. */
  EXECUTE_FAILED("execute_failed");

  private final String wire;

  StatusType(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
