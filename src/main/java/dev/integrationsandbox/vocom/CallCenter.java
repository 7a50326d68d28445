package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.support.SandboxClock;
import dev.integrationsandbox.vocom.VocomFixtures.AgentSeed;
import dev.integrationsandbox.vocom.VocomFixtures.BreakType;
import dev.integrationsandbox.vocom.VocomFixtures.Company;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The live PBX of one company (tenant): its agents' statuses and counters and the calls placed
 * through click-to-call. One instance per {@code company_id}, so nothing one tenant does is seen by
 * another.
 *
 * <p>Every command is one method that returns what its answer needs, or throws a {@link Failure}
 * carrying the vendor's {@link StatusType}; rendering to the vendor's JSON is {@link VocomAnswers}'
 * and {@link VocomDialect}'s job. Each method runs under this object's monitor, so a transition is
 * atomic: of fifty simultaneous {@code state_set_break} for one Available agent, one succeeds and
 * the rest see an agent already On Break.
 *
 * <p>The agent's day: Logged Out → login → Available → state_set_break → On Break →
 * state_return_break → Available → logout → Logged Out. A login more than {@link #SESSION_GAP}
 * after the last logout opens a new consolidated session (new {@code first_login}, counters from
 * zero). Calls: call_services originates from an extension (the PBX never looks at the agent) →
 * active ⇄ held (call_hold / call_hold_retrieve) → transferred or ended, and the outbound counters
 * of the extension's agent move when the call leaves it.
 *
 * <p>Where the reference server accepts something nonsensical (holding a call that does not exist,
 * a click-to-call by an agent on a break), the command succeeds as there and returns a lint note
 * for the journal: the client gets the vendor's answer, the team gets told.
 */
public final class CallCenter {

  /** Where a click-to-call call is; only ACTIVE and HELD calls can still be acted on. */
  public enum CallState {
    ACTIVE,
    HELD,
    TRANSFERRED,
    ENDED;

    public boolean live() {
      return this == ACTIVE || this == HELD;
    }
  }

  /** How long after a logout a login still continues the same consolidated session. */
  public static final Duration SESSION_GAP = Duration.ofHours(4);

  /** An agent as {@code get_agent_list} shows it (counters in seconds / calls). */
  public record AgentInfo(
      String name,
      AgentStatus status,
      String branch,
      List<String> queues,
      Long firstLogin,
      long answeredCount,
      long answeredDuration,
      long notAnsweredCount,
      long outboundCount,
      long outboundDuration,
      String breakId) {

    /** A logged-in entry: every value a string, {@code first_login} null if never logged in. */
    public JsonObject toJson() {
      return new JsonObject()
          .put("name", name)
          .put("status", status.wire())
          .put("branch", branch)
          .put("first_login", firstLogin == null ? null : String.valueOf(firstLogin))
          .put("answered_count", String.valueOf(answeredCount))
          .put("answered_duration", String.valueOf(answeredDuration))
          .put("not_answered_count", String.valueOf(notAnsweredCount))
          .put("outbound_count", String.valueOf(outboundCount))
          .put("outbound_duration", String.valueOf(outboundDuration));
    }

    /**
     * A logged-out entry: the reference server reads these from mod_callcenter's agents table, a
     * field set of its own ({@code ready_time} is the epoch from which the agent may be offered
     * calls again, 0 when no wrap-up is pending).
     */
    public JsonObject toLoggedOutJson() {
      return new JsonObject()
          .put("name", name)
          .put("status", status.wire())
          .put("no_answer_count", String.valueOf(notAnsweredCount))
          .put("calls_answered", String.valueOf(answeredCount))
          .put("ready_time", "0");
    }
  }

  /**
   * The answer of click-to-call.
   *
   * @param lint what looked odd to the sandbox (the agent on a break), or null
   */
  public record Placed(String callId, String lint) {}

  /** A click-to-call call; {@code endedAt} is set once it is transferred or ended. */
  public record CallInfo(
      String callId,
      String agent,
      String branch,
      String to,
      CallState state,
      Instant startedAt,
      Instant endedAt,
      String transferredTo) {}

  /** The two halves of {@code get_agent_list}'s result. */
  public record QueueAgents(List<AgentInfo> loggedIn, List<AgentInfo> loggedOut) {
    public QueueAgents {
      loggedIn = List.copyOf(loggedIn);
      loggedOut = List.copyOf(loggedOut);
    }
  }

  private static final class Agent {
    final String name;
    final List<String> queues;
    final String branch;
    AgentStatus status;
    Instant loggedOutAt;
    Long firstLogin;
    long answeredCount;
    long answeredDuration;
    long notAnsweredCount;
    long outboundCount;
    long outboundDuration;
    String breakId;

    Agent(AgentSeed s) {
      name = s.name();
      queues = s.queues();
      branch = s.branch();
      status = s.status();
      firstLogin = s.firstLogin();
      answeredCount = s.answeredCount();
      answeredDuration = s.answeredDuration();
      notAnsweredCount = s.notAnsweredCount();
      outboundCount = s.outboundCount();
      outboundDuration = s.outboundDuration();
    }

    AgentInfo info() {
      return new AgentInfo(
          name,
          status,
          branch,
          queues,
          firstLogin,
          answeredCount,
          answeredDuration,
          notAnsweredCount,
          outboundCount,
          outboundDuration,
          breakId);
    }
  }

  private static final class Call {
    final String id;
    final String agent;
    final String branch;
    final String to;
    final Instant startedAt;
    CallState state = CallState.ACTIVE;
    Instant endedAt;
    String transferredTo;

    Call(String id, String agent, String branch, String to, Instant startedAt) {
      this.id = id;
      this.agent = agent;
      this.branch = branch;
      this.to = to;
      this.startedAt = startedAt;
    }

    CallInfo info() {
      return new CallInfo(id, agent, branch, to, state, startedAt, endedAt, transferredTo);
    }
  }

  private final Company company;
  private final SandboxClock clock;
  private final Supplier<String> callIds;
  private final Reports reports;
  private final Map<String, Agent> agents = new LinkedHashMap<>();
  static final int MAX_CALLS = 10_000;

  private final Map<String, Call> calls = new LinkedHashMap<>();

  public CallCenter(Company company, SandboxClock clock) {
    this(company, clock, () -> UUID.randomUUID().toString());
  }

  /** {@code callIds} lets tests pin the otherwise random {@code call_id}s. */
  public CallCenter(Company company, SandboxClock clock, Supplier<String> callIds) {
    this.company = company;
    this.clock = clock;
    this.callIds = callIds;
    this.reports = company.reports();
    reset();
  }

  public String companyId() {
    return company.companyId();
  }

  public String apiKey() {
    return company.apiKey();
  }

  /** Back to the fixture: statuses, counters and branches restored, all calls forgotten. */
  public synchronized void reset() {
    agents.clear();
    company.agents().forEach(s -> agents.put(s.name(), new Agent(s)));
    calls.clear();
  }

  /** Whether the agent exists for the PBX: in mod_callcenter, an agent exists through a tier. */
  public synchronized boolean hasAgent(String agentName) {
    Agent agent = agents.get(agentName);
    return agent != null && !agent.queues.isEmpty();
  }

  // ---- agent commands

  /**
   * Logs the agent in, as the reference server does: a Logged Out agent becomes Available, an
   * Available one stays so, and any other status (On Break) is {@code not_found_failed} and is
   * kept. The {@code branch} sent is not read: the extension is the agent's contact. A login more
   * than {@link #SESSION_GAP} after the last logout starts a new consolidated session.
   */
  public synchronized void login(String agentName) {
    Agent agent = agents.get(agentName);
    if (agent == null || agent.queues.isEmpty()) {
      throw StatusType.NOT_FOUND_FAILED.failure("no agent " + agentName + " with a queue tier");
    }
    if (agent.status == AgentStatus.AVAILABLE) {
      return;
    }
    if (agent.status != AgentStatus.LOGGED_OUT) {
      throw StatusType.NOT_FOUND_FAILED.failure(
          "agent " + agentName + " is " + agent.status.wire() + ": status kept");
    }
    Instant now = clock.now();
    boolean newSession =
        agent.firstLogin == null
            || agent.loggedOutAt != null
                && Duration.between(agent.loggedOutAt, now).compareTo(SESSION_GAP) > 0;
    if (newSession) {
      agent.firstLogin = now.getEpochSecond();
      agent.answeredCount = 0;
      agent.answeredDuration = 0;
      agent.notAnsweredCount = 0;
      agent.outboundCount = 0;
      agent.outboundDuration = 0;
    }
    agent.status = AgentStatus.AVAILABLE;
    agent.breakId = null;
    agent.loggedOutAt = null;
  }

  /**
   * Logs an Available agent out. An unknown agent is an execute failure; a known agent that is not
   * Available stays as it is, and the reference implementation then answers with a null status.
   *
   * @return whether the agent was logged out
   */
  public synchronized boolean logout(String agentName) {
    Agent agent = agents.get(agentName);
    if (agent == null) {
      throw StatusType.EXECUTE_FAILED.failure("no agent " + agentName);
    }
    if (agent.status != AgentStatus.AVAILABLE) {
      return false;
    }
    agent.status = AgentStatus.LOGGED_OUT;
    agent.breakId = null;
    agent.loggedOutAt = clock.now();
    return true;
  }

  /**
   * The break types the agent may take (the company's list, whatever the agent's status), or null
   * for an unknown agent: the reference server answers ok with {@code "result":null} then.
   */
  public synchronized List<BreakType> breakList(String agentName) {
    return hasAgent(agentName) ? company.breaks() : null;
  }

  /** Puts an Available agent On Break with one of the company's break types. */
  public synchronized void setBreak(String agentName, String breakId) {
    Agent agent = agents.get(agentName);
    if (agent == null) {
      throw StatusType.NOT_FOUND_FAILED.failure("no agent " + agentName);
    }
    if (company.breaks().stream().noneMatch(b -> b.breakId().equals(breakId))) {
      throw StatusType.NOT_FOUND_FAILED.failure("no break_id " + breakId);
    }
    if (agent.status != AgentStatus.AVAILABLE) {
      throw StatusType.EXECUTE_FAILED.failure(
          "agent " + agentName + " is " + agent.status.wire() + ", not Available");
    }
    agent.status = AgentStatus.ON_BREAK;
    agent.breakId = breakId;
  }

  /**
   * Sets the agent Available unconditionally, as the reference server does: a Logged Out agent is
   * thereby logged in, and an unknown agent changes nothing. Always succeeds.
   *
   * @return a lint note when the agent was not On Break, else null
   */
  public synchronized String returnBreak(String agentName) {
    Agent agent = agents.get(agentName);
    if (agent == null) {
      return "state_return_break for unknown agent " + agentName + ": the PBX answers ok anyway";
    }
    AgentStatus was = agent.status;
    agent.status = AgentStatus.AVAILABLE;
    agent.breakId = null;
    agent.loggedOutAt = null;
    return was == AgentStatus.ON_BREAK
        ? null
        : "state_return_break for "
            + agentName
            + ", who was "
            + was.wire()
            + ", not On Break: the PBX sets it Available anyway";
  }

  // ---- call commands

  /**
   * Click-to-call: originates from {@code user/{branch}} to {@code to}, as the reference server
   * does; it never reads the agent or its status. A channel exists when {@code branch} and {@code
   * to} are not empty; otherwise {@code execute_failed} ("no channel found"). The call counts for
   * the extension's agent, or the named agent when no agent has that extension.
   */
  public synchronized Placed callServices(String agentName, String branch, String to) {
    if (branch == null || branch.isEmpty()) {
      throw noChannel("empty branch");
    }
    if (to == null || to.isBlank()) {
      throw noChannel("empty destination");
    }
    Agent owner =
        agents.values().stream()
            .filter(a -> branch.equals(a.branch))
            .findFirst()
            .orElse(agents.get(agentName));
    List<String> odd = new ArrayList<>();
    if (owner == null) {
      odd.add("neither extension " + branch + " nor agent " + agentName + " is known");
    } else {
      if (!owner.name.equals(agentName)) {
        odd.add("extension " + branch + " is not " + agentName + "'s");
      }
      if (owner.status != AgentStatus.AVAILABLE) {
        odd.add("agent " + owner.name + " is " + owner.status.wire());
      }
      if (calls.values().stream().anyMatch(c -> c.agent.equals(owner.name) && c.state.live())) {
        odd.add("agent " + owner.name + " already has a live call");
      }
    }
    String id = callIds.get();
    String counted = owner == null ? agentName : owner.name;
    calls.put(id, new Call(id, String.valueOf(counted), branch, to, clock.now()));
    forgetOldEndedCalls();
    return new Placed(
        id,
        odd.isEmpty()
            ? null
            : "click-to-call placed although "
                + String.join("; ", odd)
                + ": the PBX does not check");
  }

  private static Failure noChannel(String why) {
    return StatusType.EXECUTE_FAILED.failure("no channel found: " + why);
  }

  /**
   * Keeps the company's call history bounded: past {@value #MAX_CALLS} calls, the oldest ended ones
   * are forgotten (acting on them answers as for an unknown call, which is what the PBX does for an
   * ended one). A sandbox under a load test places thousands of calls a second.
   */
  private void forgetOldEndedCalls() {
    if (calls.size() <= MAX_CALLS) {
      return;
    }
    var oldest = calls.values().iterator();
    while (calls.size() > MAX_CALLS && oldest.hasNext()) {
      if (!oldest.next().state.live()) {
        oldest.remove();
      }
    }
  }

  /** Hangs up. Always ok, as on the PBX: a call that is unknown or already gone stays so. */
  public synchronized void terminate(String callId) {
    Call call = calls.get(callId);
    if (call != null && call.state.live()) {
      finish(call, CallState.ENDED);
    }
  }

  /**
   * Blind transfer through {@code bgapi}, which accepts the job at once: any non-empty call_id is
   * ok, whatever the call's state. A live call is transferred; anything else changes nothing.
   *
   * @return a lint note when nothing could be done, else null
   */
  public synchronized String transfer(String callId, String to) {
    Call live = acceptedJob(callId);
    if (live == null) {
      return noLiveCall("call_transfer", callId);
    }
    if (to == null || to.isBlank()) {
      return "call_transfer of " + callId + " to an empty destination: the job fails on the PBX";
    }
    live.transferredTo = to;
    finish(live, CallState.TRANSFERRED);
    return null;
  }

  /**
   * Puts a call on hold through {@code bgapi}: ok for any non-empty call_id.
   *
   * @return a lint note when the call is not active, else null
   */
  public synchronized String hold(String callId) {
    Call live = acceptedJob(callId);
    if (live == null || live.state != CallState.ACTIVE) {
      return live == null
          ? noLiveCall("call_hold", callId)
          : "call_hold of " + callId + ", which is already held: nothing changes";
    }
    live.state = CallState.HELD;
    return null;
  }

  /**
   * Takes a call off hold through {@code bgapi}: ok for any non-empty call_id.
   *
   * @return a lint note when the call is not held, else null
   */
  public synchronized String retrieve(String callId) {
    Call live = acceptedJob(callId);
    if (live == null || live.state != CallState.HELD) {
      return live == null
          ? noLiveCall("call_hold_retrieve", callId)
          : "call_hold_retrieve of " + callId + ", which is not held: nothing changes";
    }
    live.state = CallState.ACTIVE;
    return null;
  }

  // ---- queries

  /**
   * The queue's agents split by logged in (any status but Logged Out) and logged out; an unknown
   * queue has none, and the reference server answers ok with both halves "".
   */
  public synchronized QueueAgents agentList(String queue) {
    List<AgentInfo> members =
        agents.values().stream()
            .filter(a -> queue != null && a.queues.contains(queue))
            .map(Agent::info)
            .toList();
    return new QueueAgents(
        members.stream().filter(a -> a.status() != AgentStatus.LOGGED_OUT).toList(),
        members.stream().filter(a -> a.status() == AgentStatus.LOGGED_OUT).toList());
  }

  public Reports reports() {
    return reports;
  }

  public synchronized Optional<AgentInfo> agent(String name) {
    return Optional.ofNullable(agents.get(name)).map(Agent::info);
  }

  public synchronized Optional<CallInfo> call(String callId) {
    return Optional.ofNullable(calls.get(callId)).map(Call::info);
  }

  /** Everything mutable, for the admin API's state view. */
  public synchronized JsonObject snapshot() {
    JsonArray agentArray = new JsonArray();
    agents
        .values()
        .forEach(
            a ->
                agentArray.add(
                    a.info()
                        .toJson()
                        .put("queues", new JsonArray(a.queues))
                        .put("break_id", a.breakId)));
    JsonArray callArray = new JsonArray();
    calls
        .values()
        .forEach(
            c ->
                callArray.add(
                    new JsonObject()
                        .put("call_id", c.id)
                        .put("agent", c.agent)
                        .put("branch", c.branch)
                        .put("to", c.to)
                        .put("state", c.state.name().toLowerCase())
                        .put("started_at", c.startedAt.toString())
                        .put("ended_at", c.endedAt == null ? null : c.endedAt.toString())
                        .put("transferred_to", c.transferredTo)));
    return new JsonObject()
        .put("company_id", company.companyId())
        .put("agents", agentArray)
        .put("calls", callArray);
  }

  /**
   * The live call a {@code bgapi} job acts on, or null when there is none.
   *
   * @throws Failure execute_failed for an empty call_id, which the reference server refuses
   */
  private Call acceptedJob(String callId) {
    if (callId == null || callId.isEmpty()) {
      throw StatusType.EXECUTE_FAILED.failure("empty call_id");
    }
    Call call = calls.get(callId);
    return call != null && call.state.live() ? call : null;
  }

  private static String noLiveCall(String command, String callId) {
    return command
        + " of "
        + callId
        + ", which is not a live call: bgapi accepts the job, which fails on the PBX";
  }

  private void finish(Call call, CallState end) {
    call.state = end;
    call.endedAt = clock.now();
    Agent agent = agents.get(call.agent);
    if (agent != null) {
      agent.outboundCount++;
      agent.outboundDuration +=
          Math.max(0, Duration.between(call.startedAt, call.endedAt).toSeconds());
    }
  }
}
