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
 * state_return_break → Available → logout → Logged Out. Calls: call_services (Available agent only)
 * → active ⇄ held (call_hold / call_hold_retrieve) → transferred or ended, and the agent's outbound
 * counters move when the call leaves the agent.
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

    /** The vendor's shape: every value a string, {@code first_login} null if never logged in. */
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
  }

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
    String branch;
    AgentStatus status;
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
    this.reports = new Reports(company.tabs(), company.dialer());
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

  // ---- agent commands

  /**
   * Logs the agent into its queues; the agent becomes Available whatever its status was (as
   * mod_callcenter does when told "Available" again). A non-empty {@code branch} becomes the
   * agent's extension.
   */
  public synchronized void login(String agentName, String branch) {
    Agent agent = agents.get(agentName);
    if (agent == null) {
      throw StatusType.NOT_FOUND_FAILED.failure("no agent " + agentName);
    }
    if (agent.queues.isEmpty()) {
      throw StatusType.NOT_FOUND_FAILED.failure("agent " + agentName + " has no queue tier");
    }
    if (branch != null && !branch.isEmpty()) {
      agent.branch = branch;
    }
    agent.status = AgentStatus.AVAILABLE;
    agent.breakId = null;
    if (agent.firstLogin == null) {
      agent.firstLogin = clock.now().getEpochSecond();
    }
  }

  /**
   * Logs an Available agent out. An unknown agent is an execute failure; a known agent that is not
   * Available stays as it is, and the reference implementation then answers with a null status.
   *
   * @return whether the agent was logged out
   */
  public synchronized boolean logout(String agentName, String branch) {
    Agent agent = agents.get(agentName);
    if (agent == null) {
      throw StatusType.EXECUTE_FAILED.failure("no agent " + agentName);
    }
    if (agent.status != AgentStatus.AVAILABLE) {
      return false;
    }
    agent.status = AgentStatus.LOGGED_OUT;
    agent.breakId = null;
    return true;
  }

  /** The break types the agent may take (the company's list, whatever the agent's status). */
  public synchronized List<BreakType> breakList(String agentName) {
    if (!agents.containsKey(agentName)) {
      throw StatusType.NOT_FOUND_FAILED.failure("no agent " + agentName);
    }
    return company.breaks();
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
   * Brings an agent back from break. Already Available is fine (nothing to do); a Logged Out agent
   * cannot return from a break it never took.
   */
  public synchronized void returnBreak(String agentName) {
    Agent agent = agents.get(agentName);
    if (agent == null) {
      throw StatusType.NOT_FOUND_FAILED.failure("no agent " + agentName);
    }
    if (agent.status == AgentStatus.LOGGED_OUT) {
      throw StatusType.EXECUTE_FAILED.failure("agent " + agentName + " is Logged Out");
    }
    agent.status = AgentStatus.AVAILABLE;
    agent.breakId = null;
  }

  // ---- call commands

  /**
   * Click-to-call: the agent's extension calls {@code to}. Needs an Available agent with no live
   * call and a destination; otherwise the PBX finds no channel. Returns the new {@code call_id}.
   */
  public synchronized String callServices(String agentName, String branch, String to) {
    Agent agent = agents.get(agentName);
    if (agent == null) {
      throw noChannel("no agent " + agentName);
    }
    if (agent.status != AgentStatus.AVAILABLE) {
      throw noChannel("agent " + agentName + " is " + agent.status.wire());
    }
    if (to == null || to.isBlank()) {
      throw noChannel("empty destination");
    }
    boolean busy =
        calls.values().stream().anyMatch(c -> c.agent.equals(agentName) && c.state.live());
    if (busy) {
      throw noChannel("agent " + agentName + " is on a call");
    }
    String id = callIds.get();
    String from = branch == null || branch.isEmpty() ? agent.branch : branch;
    calls.put(id, new Call(id, agentName, from, to, clock.now()));
    forgetOldEndedCalls();
    return id;
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

  /** Blind transfer to {@code to}; the call leaves the agent, who may then dial again. */
  public synchronized void transfer(String callId, String to) {
    Call live = live(callId);
    if (to == null || to.isBlank()) {
      throw StatusType.EXECUTE_FAILED.failure("transfer without destination");
    }
    live.transferredTo = to;
    finish(live, CallState.TRANSFERRED);
  }

  /** Puts an active call on hold. */
  public synchronized void hold(String callId) {
    Call live = live(callId);
    if (live.state != CallState.ACTIVE) {
      throw StatusType.EXECUTE_FAILED.failure("call " + callId + " is already held");
    }
    live.state = CallState.HELD;
  }

  /** Takes a held call off hold. */
  public synchronized void retrieve(String callId) {
    Call live = live(callId);
    if (live.state != CallState.HELD) {
      throw StatusType.EXECUTE_FAILED.failure("call " + callId + " is not held");
    }
    live.state = CallState.ACTIVE;
  }

  // ---- queries

  /** The queue's agents split by logged in (any status but Logged Out) and logged out. */
  public synchronized QueueAgents agentList(String queue) {
    if (!company.queues().contains(queue)) {
      throw StatusType.NOT_FOUND_FAILED.failure("no queue " + queue);
    }
    List<AgentInfo> members =
        agents.values().stream().filter(a -> a.queues.contains(queue)).map(Agent::info).toList();
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

  private Call live(String callId) {
    Call call = calls.get(callId);
    if (call == null) {
      throw StatusType.EXECUTE_FAILED.failure("no call " + callId);
    }
    if (!call.state.live()) {
      throw StatusType.EXECUTE_FAILED.failure(
          "call " + callId + " is " + call.state.name().toLowerCase());
    }
    return call;
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
