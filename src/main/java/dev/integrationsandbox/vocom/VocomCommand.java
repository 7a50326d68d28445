package dev.integrationsandbox.vocom;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The thirteen Vocom operations: the path the vendor serves (with its trailing slash), the
 * contract's operationId, the {@code command} string the answer carries, and the JSON keys that
 * must be present. The route table, the contract and the emulator all read this one list.
 */
public enum VocomCommand {
  AGENT_LOGIN("agentLogin", "/interact_cti/agent/login/", "login", "agent", "branch", "company_id"),
  AGENT_LOGOUT(
      "agentLogout", "/interact_cti/agent/logout/", "logout", "agent", "branch", "company_id"),
  GET_BREAK_LIST(
      "getBreakList", "/interact_cti/agent/get_break_list/", "break", "company_id", "agent"),
  STATE_SET_BREAK(
      "stateSetBreak",
      "/interact_cti/agent/state_set_break/",
      "break",
      "agent",
      "break_id",
      "company_id"),
  STATE_RETURN_BREAK(
      "stateReturnBreak",
      "/interact_cti/agent/state_return_break/",
      "break",
      "agent",
      "company_id"),
  CALL_SERVICES(
      "callServices",
      "/interact_cti/call/call_services/",
      "call_services",
      "agent",
      "branch",
      "to",
      "company_id"),
  CALL_TERMINATE(
      "callTerminate",
      "/interact_cti/call/call_terminate/",
      "call_terminate",
      "agent",
      "call_id",
      "company_id"),
  CALL_TRANSFER(
      "callTransfer",
      "/interact_cti/call/call_transfer/",
      "call_transfer",
      "agent",
      "call_id",
      "to",
      "company_id"),
  CALL_HOLD(
      "callHold", "/interact_cti/call/call_hold/", "call_hold", "agent", "call_id", "company_id"),
  CALL_HOLD_RETRIEVE(
      "callHoldRetrieve",
      "/interact_cti/call/call_hold_retrieve/",
      "call_hold_retrieve",
      "agent",
      "call_id",
      "company_id"),
  GET_AGENT_LIST(
      "getAgentList", "/interact_cti/get_agent_list/", "agent_list", "queue", "company_id"),
  TABS_LIST_ALL("tabsListAll", "/tabs/list_all/", "list", "date_begin", "date_end", "company_id"),
  DIALER_LIST_ALL(
      "dialerListAll", "/dialer/list_all/", "list", "date_begin", "date_end", "company_id");

  private final String operationId;
  private final String path;
  private final String command;
  private final List<String> requiredKeys;

  VocomCommand(String operationId, String path, String command, String... requiredKeys) {
    this.operationId = operationId;
    this.path = path;
    this.command = command;
    this.requiredKeys = List.of(requiredKeys);
  }

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

  /** Keys whose presence the vendor checks (an empty string passes). */
  public List<String> requiredKeys() {
    return requiredKeys;
  }

  public static Optional<VocomCommand> byOperationId(String operationId) {
    return Arrays.stream(values()).filter(c -> c.operationId.equals(operationId)).findFirst();
  }

  public static Optional<VocomCommand> byPath(String path) {
    return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
  }
}
