package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Vocom PBX of one world: a {@link CallCenter} per company, reached through the company's API
 * key. The pipeline keeps the vendor's order of checks: the API key here first, then the contract's
 * required keys, then the command in {@link #handle}. Failures are thrown with their {@link
 * StatusType} and rendered by {@link VocomDialect}; successes have {@link VocomAnswers}' shapes.
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
final class VocomEmulator implements Emulator<CallCenter> {

  private final Map<String, CallCenter> byCompany;
  private final Map<String, CallCenter> byApiKey;
  private final Latencies latencies;

  /** {@code callIds} lets tests pin the otherwise random {@code call_id}s. */
  VocomEmulator(
      VocomFixtures fixtures, SandboxClock clock, Supplier<String> callIds, Latencies latencies) {
    Map<String, CallCenter> companies = new LinkedHashMap<>();
    Map<String, CallCenter> keys = new LinkedHashMap<>();
    for (VocomFixtures.Company c : fixtures.companies().values()) {
      CallCenter center = new CallCenter(c, clock, callIds);
      companies.put(c.companyId(), center);
      keys.put(c.apiKey(), center);
    }
    this.byCompany = Map.copyOf(companies);
    this.byApiKey = Map.copyOf(keys);
    this.latencies = latencies;
  }

  Optional<CallCenter> company(String companyId) {
    return Optional.ofNullable(companyId).map(byCompany::get);
  }

  /**
   * The API key inside a Basic header: the password part; the user name is ignored (the vendor's
   * examples send {@code api_key}). The scheme is matched case-insensitively.
   */
  static Optional<String> apiKeyFrom(String authorization) {
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

  @Override
  public CallCenter authenticate(Call call) {
    return apiKeyFrom(call.header("Authorization"))
        .map(byApiKey::get)
        .orElseThrow(() -> StatusType.AUTHENTICATION_FAILED.failure("missing or unknown API key"));
  }

  /** Failures are delayed like answers: the real PBX sleeps before it answers either. */
  @Override
  public Future<Reply> handle(Call call, CallCenter center) {
    VocomRequest request =
        VocomRequest.of(call)
            .orElseThrow(
                () -> Failure.of(Failure.Kind.NO_ROUTE, "no command for " + call.operationId()));
    Future<Reply> answer;
    try {
      answer = Future.succeededFuture(answer(request, center));
    } catch (Failure f) {
      answer = Future.failedFuture(f);
    }
    return latencies.delay(request.command(), answer);
  }

  private static Reply answer(VocomRequest in, CallCenter cc) {
    String companyId = in.text("company_id");
    if (!cc.companyId().equals(companyId)) {
      throw StatusType.AUTHENTICATION_FAILED.failure(
          "the API key belongs to company " + cc.companyId() + ", not " + companyId);
    }
    String agent = in.agent();
    return switch (in.command()) {
      case AGENT_LOGIN -> okAfter(in, () -> cc.login(agent, in.text("branch")));
      case AGENT_LOGOUT ->
          cc.logout(agent, in.text("branch"))
              ? VocomAnswers.ok(in)
              : VocomAnswers.undetermined(in, "agent " + agent + " is not Available: unchanged");
      case STATE_SET_BREAK -> okAfter(in, () -> cc.setBreak(agent, in.text("break_id")));
      case STATE_RETURN_BREAK -> okAfter(in, () -> cc.returnBreak(agent));
      case CALL_TERMINATE -> okAfter(in, () -> cc.terminate(in.text("call_id")));
      case CALL_TRANSFER -> okAfter(in, () -> cc.transfer(in.text("call_id"), in.text("to")));
      case CALL_HOLD -> okAfter(in, () -> cc.hold(in.text("call_id")));
      case CALL_HOLD_RETRIEVE -> okAfter(in, () -> cc.retrieve(in.text("call_id")));
      case GET_BREAK_LIST -> VocomAnswers.breakList(in, cc.breakList(agent));
      case CALL_SERVICES ->
          VocomAnswers.callPlaced(in, cc.callServices(agent, in.text("branch"), in.text("to")));
      case GET_AGENT_LIST -> VocomAnswers.agentList(in, cc.agentList(in.text("queue")));
      case TABS_LIST_ALL ->
          VocomAnswers.list(in, cc.reports().tabs(in.text("date_begin"), in.text("date_end")));
      case DIALER_LIST_ALL ->
          VocomAnswers.list(
              in,
              cc.reports()
                  .dialer(
                      in.text("date_begin"),
                      in.text("date_end"),
                      in.text("destination"),
                      in.text("mailing"),
                      in.text("hangup_cause")));
    };
  }

  private static Reply okAfter(VocomRequest in, Runnable command) {
    command.run();
    return VocomAnswers.ok(in);
  }

  /** Every company back to its fixture. */
  @Override
  public void reset() {
    byCompany.values().forEach(CallCenter::reset);
  }

  /** All tenants' live state, keyed by company_id, for the admin API. */
  @Override
  public JsonObject snapshot() {
    JsonObject out = new JsonObject();
    byCompany.forEach((id, c) -> out.put(id, c.snapshot()));
    return out;
  }
}
