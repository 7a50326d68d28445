package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Vocom PBXs of one world: a {@link Pbx} per API key, each with its domains ({@link
 * CallCenter}s). The pipeline keeps the vendor's order of checks: the API key here first, then the
 * contract's required keys, then the command in {@link #handle}. Failures are thrown with their
 * {@link StatusType} and rendered by {@link VocomDialect}; successes have {@link VocomAnswers}'
 * shapes, with a lint note where the vendor accepts something nonsensical.
 *
 * <pre>
 * curl -u api_key:e45c53c6-049f-474d-896a-8e891ec57473 -H 'Content-Type: application/json' \
 *   -d '{"agent":"DEV","branch":"2000","company_id":"894343d2-3f02-4c02-909b-a0bfa57c0a93"}' \
 *   http://localhost:8080/interact_cti/agent/login/
 * </pre>
 *
 * <p>Tenants are API keys: a key opens its own PBX only, and a {@code company_id} that is not one
 * of its domains is an unknown domain (see {@link Pbx}).
 */
final class VocomEmulator implements Emulator<Pbx> {

  /** What an unknown domain reports: nothing, with the dates still checked. */
  private static final Reports NO_REPORTS = new Reports(List.of(), List.of());

  private final Map<String, CallCenter> byCompany;
  private final Map<String, Pbx> byApiKey;
  private final Latencies latencies;

  /** {@code callIds} lets tests pin the otherwise random {@code call_id}s. */
  VocomEmulator(
      VocomFixtures fixtures, SandboxClock clock, Supplier<String> callIds, Latencies latencies) {
    Map<String, CallCenter> companies = new LinkedHashMap<>();
    Map<String, List<CallCenter>> keys = new LinkedHashMap<>();
    for (VocomFixtures.Company c : fixtures.companies().values()) {
      CallCenter center = new CallCenter(c, clock, callIds);
      companies.put(c.companyId(), center);
      keys.computeIfAbsent(c.apiKey(), k -> new ArrayList<>()).add(center);
    }
    Map<String, Pbx> pbxs = new LinkedHashMap<>();
    keys.forEach((key, domains) -> pbxs.put(key, new Pbx(domains)));
    this.byCompany = Collections.unmodifiableMap(companies);
    this.byApiKey = Map.copyOf(pbxs);
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
  public Pbx authenticate(Call call) {
    return apiKeyFrom(call.header("Authorization"))
        .map(byApiKey::get)
        .orElseThrow(() -> StatusType.AUTHENTICATION_FAILED.failure("missing or unknown API key"));
  }

  /** Failures are delayed like answers: the real PBX sleeps before it answers either. */
  @Override
  public Future<Reply> handle(Call call, Pbx pbx) {
    VocomRequest request =
        VocomRequest.of(call)
            .orElseThrow(
                () -> Failure.of(Failure.Kind.NO_ROUTE, "no command for " + call.operationId()));
    Future<Reply> answer;
    try {
      answer =
          reportsReady(request, pbx)
              ? Future.succeededFuture(answer(request, pbx))
              : onThisContext(reports(request, pbx).ready()).map(indexed -> answer(request, pbx));
    } catch (Failure f) {
      answer = Future.failedFuture(f);
    }
    return latencies.delay(request.command(), answer);
  }

  /**
   * Whether the request can be answered now: a report query waits until the company's reports are
   * indexed, on another thread ({@link Reports#ready()}), the first time.
   */
  private static boolean reportsReady(VocomRequest in, Pbx pbx) {
    return (in.command() != VocomCommand.TABS_LIST_ALL
            && in.command() != VocomCommand.DIALER_LIST_ALL)
        || reports(in, pbx).ready().isDone();
  }

  /** The stage as a future whose callbacks run on the caller's event loop when it has one. */
  private static <T> Future<T> onThisContext(java.util.concurrent.CompletionStage<T> stage) {
    Context context = Vertx.currentContext();
    return context == null
        ? Future.fromCompletionStage(stage)
        : Future.fromCompletionStage(stage, context);
  }

  private static Reports reports(VocomRequest in, Pbx pbx) {
    return reports(pbx.domain(in.text("company_id")));
  }

  private static Reply answer(VocomRequest in, Pbx pbx) {
    String agent = in.agent();
    String companyId = in.text("company_id");
    Optional<CallCenter> domain = pbx.domain(companyId);
    String unknownDomain = "company_id " + companyId + " is not a domain of this API key's PBX";
    return switch (in.command()) {
      case AGENT_LOGIN -> {
        pbx.forAgent(agent).login(agent);
        yield VocomAnswers.ok(in);
      }
      case AGENT_LOGOUT ->
          pbx.forAgent(agent).logout(agent)
              ? VocomAnswers.ok(in)
              : VocomAnswers.undetermined(in, "agent " + agent + " is not Available: unchanged");
      case GET_BREAK_LIST -> VocomAnswers.breakList(in, pbx.forAgent(agent).breakList(agent));
      case STATE_SET_BREAK -> {
        pbx.forAgent(agent).setBreak(agent, in.text("break_id"));
        yield VocomAnswers.ok(in);
      }
      case STATE_RETURN_BREAK -> lint(VocomAnswers.ok(in), pbx.forAgent(agent).returnBreak(agent));
      case CALL_SERVICES -> {
        CallCenter.Placed placed =
            domain
                .orElseThrow(
                    () -> StatusType.EXECUTE_FAILED.failure("no channel: " + unknownDomain))
                .callServices(agent, in.text("branch"), in.text("to"));
        yield lint(VocomAnswers.callPlaced(in, placed.callId()), placed.lint());
      }
      case CALL_TERMINATE -> {
        domain.ifPresent(d -> d.terminate(in.text("call_id")));
        yield lint(VocomAnswers.ok(in), domain.isPresent() ? null : unknownDomain + ": ok anyway");
      }
      case CALL_TRANSFER ->
          lint(
              VocomAnswers.ok(in),
              known(domain, unknownDomain).transfer(in.text("call_id"), in.text("to")));
      case CALL_HOLD ->
          lint(VocomAnswers.ok(in), known(domain, unknownDomain).hold(in.text("call_id")));
      case CALL_HOLD_RETRIEVE ->
          lint(VocomAnswers.ok(in), known(domain, unknownDomain).retrieve(in.text("call_id")));
      case GET_AGENT_LIST ->
          lint(
              VocomAnswers.agentList(
                  in,
                  domain
                      .map(d -> d.agentList(in.text("queue")))
                      .orElse(new CallCenter.QueueAgents(List.of(), List.of()))),
              domain.isPresent() ? null : unknownDomain + ": no agents");
      case TABS_LIST_ALL ->
          lint(
              VocomAnswers.list(
                  in, reports(domain).tabs(in.text("date_begin"), in.text("date_end"))),
              domain.isPresent() ? null : unknownDomain + ": no records");
      case DIALER_LIST_ALL ->
          lint(
              VocomAnswers.list(
                  in,
                  reports(domain)
                      .dialer(
                          in.text("date_begin"),
                          in.text("date_end"),
                          in.text("destination"),
                          in.text("mailing"),
                          in.text("hangup_cause"))),
              domain.isPresent() ? null : unknownDomain + ": no records");
    };
  }

  /** Hold, retrieve and transfer address the PBX domain: an unknown one is execute_failed. */
  private static CallCenter known(Optional<CallCenter> domain, String why) {
    return domain.orElseThrow(() -> StatusType.EXECUTE_FAILED.failure(why));
  }

  private static Reports reports(Optional<CallCenter> domain) {
    return domain.map(CallCenter::reports).orElse(NO_REPORTS);
  }

  private static Reply lint(Reply reply, String note) {
    return note == null ? reply : reply.withLint(note);
  }

  /** Every company back to its fixture. */
  @Override
  public void reset() {
    byCompany.values().forEach(CallCenter::reset);
  }

  /** All domains' live state, keyed by company_id, for the admin API. */
  @Override
  public JsonObject snapshot() {
    JsonObject out = new JsonObject();
    byCompany.forEach((id, c) -> out.put(id, c.snapshot()));
    return out;
  }
}
