package dev.integrationsandbox.vocom;

import dev.integrationsandbox.support.SandboxClock;
import dev.integrationsandbox.vocom.VocomFixtures.BreakType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The Vocom PBX as the HTTP layer sees it: given an operation, the {@code Authorization} header and
 * the JSON body, it answers what the vendor would. It also speaks the vendor's error dialect, in
 * the vendor's order of checks: API key first, then presence of the required keys, then the command
 * itself. Every answer is {@code {"response":{…}}}, meant to be sent with HTTP 200.
 *
 * <pre>
 * curl -u api_key:e45c53c6-049f-474d-896a-8e891ec57473 -H 'Content-Type: application/json' \
 *   -d '{"agent":"DEV","branch":"2000","company_id":"894343d2-3f02-4c02-909b-a0bfa57c0a93"}' \
 *   http://localhost:8080/interact_cti/agent/login/
 * </pre>
 *
 * <p>Tenants are companies: the API key picks one, and a {@code company_id} naming another company
 * is refused as {@code authentication_failed} (a sandbox choice; the contract says so).
 */
public final class VocomEmulator {

  private final Map<String, CallCenter> byCompany;
  private final Map<String, CallCenter> byApiKey;

  public VocomEmulator(VocomFixtures fixtures, SandboxClock clock) {
    this(fixtures, clock, () -> UUID.randomUUID().toString());
  }

  /** {@code callIds} lets tests pin the otherwise random {@code call_id}s. */
  public VocomEmulator(VocomFixtures fixtures, SandboxClock clock, Supplier<String> callIds) {
    Map<String, CallCenter> companies = new LinkedHashMap<>();
    Map<String, CallCenter> keys = new LinkedHashMap<>();
    fixtures
        .companies()
        .values()
        .forEach(
            c -> {
              CallCenter center = new CallCenter(c, clock, callIds);
              companies.put(c.companyId(), center);
              keys.put(c.apiKey(), center);
            });
    this.byCompany = Map.copyOf(companies);
    this.byApiKey = Map.copyOf(keys);
  }

  public Optional<CallCenter> company(String companyId) {
    return Optional.ofNullable(companyId).map(byCompany::get);
  }

  public Optional<CallCenter> companyByApiKey(String apiKey) {
    return Optional.ofNullable(apiKey).map(byApiKey::get);
  }

  /** Every company back to its fixture. */
  public void reset() {
    byCompany.values().forEach(CallCenter::reset);
  }

  /** All tenants' live state, keyed by company_id, for the admin API. */
  public JsonObject snapshot() {
    JsonObject out = new JsonObject();
    byCompany.forEach((id, c) -> out.put(id, c.snapshot()));
    return out;
  }

  /**
   * The API key inside a Basic header: the password part; the user name is ignored (the vendor's
   * examples send {@code api_key}). The scheme is matched case-insensitively.
   */
  public static Optional<String> apiKeyFrom(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String h = authorization.trim();
    int space = h.indexOf(' ');
    if (space < 0 || !h.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(h.substring(space + 1).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
  }

  /**
   * Answers one request. {@code body} is the parsed JSON object, or null if the body was absent or
   * not a JSON object.
   */
  public VocomReply handle(VocomCommand command, String authorization, JsonObject body) {
    JsonObject in = body == null ? new JsonObject() : body;
    Optional<CallCenter> center = apiKeyFrom(authorization).flatMap(this::companyByApiKey);
    if (center.isEmpty()) {
      return failure(
          command,
          in,
          Outcome.failed(StatusType.AUTHENTICATION_FAILED, "missing or unknown API key"));
    }
    List<String> missing =
        command.requiredKeys().stream().filter(k -> in.getValue(k) == null).toList();
    if (body == null || !missing.isEmpty()) {
      return failure(
          command,
          in,
          Outcome.failed(
              StatusType.PARAMS_FAILED,
              body == null ? "body is not a JSON object" : "missing keys " + missing));
    }
    String companyId = text(in, "company_id");
    if (!center.get().companyId().equals(companyId)) {
      return failure(
          command,
          in,
          Outcome.failed(
              StatusType.AUTHENTICATION_FAILED,
              "the API key belongs to company " + center.get().companyId() + ", not " + companyId));
    }
    return dispatch(command, center.get(), in);
  }

  private VocomReply dispatch(VocomCommand command, CallCenter cc, JsonObject in) {
    String agent = text(in, "agent");
    return switch (command) {
      case AGENT_LOGIN -> plain(command, in, cc.login(agent, text(in, "branch")));
      case AGENT_LOGOUT -> plain(command, in, cc.logout(agent, text(in, "branch")));
      case STATE_SET_BREAK -> plain(command, in, cc.setBreak(agent, text(in, "break_id")));
      case STATE_RETURN_BREAK -> plain(command, in, cc.returnBreak(agent));
      case CALL_TERMINATE -> plain(command, in, cc.terminate(text(in, "call_id")));
      case CALL_TRANSFER -> plain(command, in, cc.transfer(text(in, "call_id"), text(in, "to")));
      case CALL_HOLD -> plain(command, in, cc.hold(text(in, "call_id")));
      case CALL_HOLD_RETRIEVE -> plain(command, in, cc.retrieve(text(in, "call_id")));
      case GET_BREAK_LIST -> breakList(command, in, cc.breakList(agent));
      case CALL_SERVICES ->
          callServices(command, in, cc.callServices(agent, text(in, "branch"), text(in, "to")));
      case GET_AGENT_LIST -> agentList(command, in, cc.agentList(text(in, "queue")));
      case TABS_LIST_ALL ->
          list(command, in, cc.reports().tabs(text(in, "date_begin"), text(in, "date_end")));
      case DIALER_LIST_ALL ->
          list(
              command,
              in,
              cc.reports()
                  .dialer(
                      text(in, "date_begin"),
                      text(in, "date_end"),
                      text(in, "destination"),
                      text(in, "mailing"),
                      text(in, "hangup_cause")));
    };
  }

  private static VocomReply plain(VocomCommand command, JsonObject in, Outcome<?> outcome) {
    if (!outcome.isOk() && !outcome.isUndetermined()) {
      return failure(command, in, outcome);
    }
    return reply(
        command,
        new JsonObject()
            .put("agent", echo(in))
            .put("command", command.command())
            .put("status", outcome.status())
            .put("status_type", outcome.statusType()),
        outcome);
  }

  private static VocomReply breakList(
      VocomCommand command, JsonObject in, Outcome<List<BreakType>> outcome) {
    if (!outcome.isOk()) {
      return failure(command, in, outcome);
    }
    JsonArray result = new JsonArray();
    outcome.value().forEach(b -> result.add(b.toJson()));
    return reply(
        command,
        new JsonObject()
            .put("agent", echo(in))
            .put("command", command.command())
            .put("result", result)
            .put("status", "ok")
            .put("status_type", ""),
        outcome);
  }

  private static VocomReply callServices(
      VocomCommand command, JsonObject in, Outcome<String> outcome) {
    if (!outcome.isOk()) {
      return failure(command, in, outcome);
    }
    return reply(
        command,
        new JsonObject()
            .put("agent", echo(in))
            .put("command", command.command())
            .put("call_id", outcome.value())
            .put("status", "ok")
            .put("status_type", ""),
        outcome);
  }

  private static VocomReply agentList(
      VocomCommand command, JsonObject in, Outcome<CallCenter.QueueAgents> outcome) {
    if (!outcome.isOk()) {
      return failure(command, in, outcome);
    }
    return reply(
        command,
        new JsonObject()
            .put("queue", text(in, "queue"))
            .put("command", command.command())
            .put(
                "result",
                new JsonObject()
                    .put("logged_out_agents", agentsOrEmpty(outcome.value().loggedOut()))
                    .put("logged_in_agents", agentsOrEmpty(outcome.value().loggedIn())))
            .put("status", "ok")
            .put("status_type", ""),
        outcome);
  }

  private static VocomReply list(
      VocomCommand command, JsonObject in, Outcome<List<JsonObject>> outcome) {
    if (!outcome.isOk()) {
      return failure(command, in, outcome);
    }
    return reply(
        command,
        new JsonObject()
            .put("list", new JsonArray(List.copyOf(outcome.value())))
            .put("command", command.command())
            .put("count", outcome.value().size())
            .put("status", "ok")
            .put("status_type", ""),
        outcome);
  }

  /**
   * A failure that the pipeline found before the command ran (a body over the limit, a body that
   * breaks the contract), in the same per-command shape as the emulator's own failures.
   */
  public static VocomReply error(
      VocomCommand command, JsonObject body, StatusType type, String reason) {
    return failure(command, body == null ? new JsonObject() : body, Outcome.failed(type, reason));
  }

  /** The error dialect: each command's own extra key, as the reference implementation sends. */
  private static VocomReply failure(VocomCommand command, JsonObject in, Outcome<?> outcome) {
    JsonObject r = new JsonObject();
    switch (command) {
      case GET_AGENT_LIST -> r.put("agent", null).put("command", command.command());
      case TABS_LIST_ALL, DIALER_LIST_ALL -> r.put("list", "").put("command", command.command());
      case GET_BREAK_LIST ->
          r.put("agent", echo(in)).put("command", command.command()).put("result", "");
      case CALL_SERVICES ->
          r.put("agent", echo(in)).put("command", command.command()).put("call_id", "");
      default -> r.put("agent", echo(in)).put("command", command.command());
    }
    r.put("status", outcome.status()).put("status_type", outcome.statusType());
    return reply(command, r, outcome);
  }

  private static VocomReply reply(VocomCommand command, JsonObject response, Outcome<?> outcome) {
    return new VocomReply(
        command,
        new JsonObject().put("response", response),
        outcome.isOk() ? null : outcome.reason());
  }

  private static Object agentsOrEmpty(List<CallCenter.AgentInfo> agents) {
    if (agents.isEmpty()) {
      return "";
    }
    JsonArray out = new JsonArray();
    agents.forEach(a -> out.add(a.toJson()));
    return out;
  }

  /** The request's {@code agent}, echoed as sent (null when absent). */
  private static Object echo(JsonObject in) {
    Object agent = in.getValue("agent");
    return agent == null || agent instanceof JsonObject || agent instanceof JsonArray
        ? null
        : agent.toString();
  }

  /** A body value as PHP would read it: scalars as text, anything else as absent. */
  private static String text(JsonObject in, String key) {
    Object v = in.getValue(key);
    return v == null || v instanceof JsonObject || v instanceof JsonArray ? null : v.toString();
  }
}
