package dev.integrationsandbox.vocom;

import java.util.Arrays;
import java.util.Optional;

/**
 * The thirteen Vocom operations: the contract's operationId, the path the vendor serves (with its
 * trailing slash) and the {@code command} string every answer carries, success or error. Which keys
 * a request must carry is the contract's to say, and it is checked there only.
 */
public enum VocomCommand {
  AGENT_LOGIN("agentLogin", "/interact_cti/agent/login/", "login"),
  AGENT_LOGOUT("agentLogout", "/interact_cti/agent/logout/", "logout"),
  GET_BREAK_LIST("getBreakList", "/interact_cti/agent/get_break_list/", "break"),
  STATE_SET_BREAK("stateSetBreak", "/interact_cti/agent/state_set_break/", "break"),
  STATE_RETURN_BREAK("stateReturnBreak", "/interact_cti/agent/state_return_break/", "break"),
  CALL_SERVICES("callServices", "/interact_cti/call/call_services/", "call_services"),
  CALL_TERMINATE("callTerminate", "/interact_cti/call/call_terminate/", "call_terminate"),
  CALL_TRANSFER("callTransfer", "/interact_cti/call/call_transfer/", "call_transfer"),
  CALL_HOLD("callHold", "/interact_cti/call/call_hold/", "call_hold"),
  CALL_HOLD_RETRIEVE(
      "callHoldRetrieve", "/interact_cti/call/call_hold_retrieve/", "call_hold_retrieve"),
  GET_AGENT_LIST("getAgentList", "/interact_cti/get_agent_list/", "agent_list"),
  TABS_LIST_ALL("tabsListAll", "/tabs/list_all/", "list"),
  DIALER_LIST_ALL("dialerListAll", "/dialer/list_all/", "list");

  VocomCommand(String operationId, String path, String command) {
    this.operationId = operationId;
    this.path = path;
    this.command = command;
  }

  private final String operationId;
  private final String path;
  private final String command;

  public String operationId() {
    return operationId;
  }

  /** The path as the vendor serves it, POST only, trailing slash included. */
  public String path() {
    return path;
  }

  /** The {@code command} value of every answer, success or error. */
  public String command() {
    return command;
  }

  public static Optional<VocomCommand> byOperationId(String operationId) {
    return Arrays.stream(values()).filter(c -> c.operationId.equals(operationId)).findFirst();
  }

  public static Optional<VocomCommand> byPath(String path) {
    return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
  }
}
