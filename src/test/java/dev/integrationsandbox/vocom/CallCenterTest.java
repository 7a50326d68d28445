package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.vocom.VocomTestData.FEEDBACK;
import static dev.integrationsandbox.vocom.VocomTestData.LANCHE;
import static dev.integrationsandbox.vocom.VocomTestWorld.assertFails;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.vocom.CallCenter.AgentInfo;
import dev.integrationsandbox.vocom.CallCenter.CallState;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallCenterTest {

  private final VocomTestWorld world = new VocomTestWorld();
  private final CallCenter pbx = world.seedCompany();

  private AgentStatus status(String agent) {
    return pbx.agent(agent).orElseThrow().status();
  }

  @Test
  void anAgentsWholeDayMovesThroughTheStatusesAndCounters() {
    assertEquals(AgentStatus.LOGGED_OUT, status("DEV"));
    assertNull(pbx.agent("DEV").orElseThrow().firstLogin());

    assertDoesNotThrow(() -> pbx.login("DEV"));
    assertEquals(AgentStatus.AVAILABLE, status("DEV"));
    assertEquals(VocomTestWorld.START.getEpochSecond(), pbx.agent("DEV").get().firstLogin());

    assertEquals(4, pbx.breakList("DEV").size());
    assertDoesNotThrow(() -> pbx.setBreak("DEV", LANCHE));
    assertEquals(AgentStatus.ON_BREAK, status("DEV"));
    assertEquals(LANCHE, pbx.agent("DEV").get().breakId());
    assertDoesNotThrow(() -> pbx.returnBreak("DEV"));
    assertEquals(AgentStatus.AVAILABLE, status("DEV"));

    String callId = pbx.callServices("DEV", "3000", "1199999999").callId();
    assertEquals(CallState.ACTIVE, pbx.call(callId).orElseThrow().state());
    world.clock.advance(Duration.ofSeconds(20));
    assertDoesNotThrow(() -> pbx.hold(callId));
    assertEquals(CallState.HELD, pbx.call(callId).get().state());
    world.clock.advance(Duration.ofSeconds(15));
    assertDoesNotThrow(() -> pbx.retrieve(callId));
    assertEquals(CallState.ACTIVE, pbx.call(callId).get().state());
    world.clock.advance(Duration.ofSeconds(25));
    assertDoesNotThrow(() -> pbx.terminate(callId));
    assertEquals(CallState.ENDED, pbx.call(callId).get().state());

    String second = pbx.callServices("DEV", "3000", "1188888888").callId();
    world.clock.advance(Duration.ofSeconds(40));
    assertDoesNotThrow(() -> pbx.transfer(second, "2000"));
    assertEquals(CallState.TRANSFERRED, pbx.call(second).get().state());
    assertEquals("2000", pbx.call(second).get().transferredTo());

    AgentInfo dev = pbx.agent("DEV").get();
    assertEquals(2, dev.outboundCount());
    assertEquals(60 + 40, dev.outboundDuration());

    world.clock.advance(Duration.ofHours(4));
    assertTrue(pbx.logout("DEV"));
    assertEquals(AgentStatus.LOGGED_OUT, status("DEV"));

    world.clock.advance(Duration.ofHours(1));
    assertDoesNotThrow(() -> pbx.login("DEV"));
    assertEquals(
        VocomTestWorld.START.getEpochSecond(),
        pbx.agent("DEV").get().firstLogin(),
        "a login within 4 h of the logout continues the session: first_login kept");
    assertEquals(2, pbx.agent("DEV").get().outboundCount(), "and its counters");

    world.clock.advance(Duration.ofHours(4));
    assertTrue(pbx.logout("DEV"));
    world.clock.advance(CallCenter.SESSION_GAP.plusSeconds(1));
    assertDoesNotThrow(() -> pbx.login("DEV"));
    AgentInfo nextDay = pbx.agent("DEV").get();
    assertEquals(
        world.clock.now().getEpochSecond(),
        nextDay.firstLogin(),
        "a login more than 4 h after the logout starts a new session (VENDOR-FACTS 4a)");
    assertEquals(0, nextDay.outboundCount(), "counters from the new session");
    assertEquals(0, nextDay.outboundDuration());
  }

  @Test
  void loginFailsNotFoundForAnUnknownAgentOrOneWithoutQueue() {
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.login("NOBODY"));
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.login("TREINAMENTO.SEM_FILA"));
    assertEquals(AgentStatus.LOGGED_OUT, status("TREINAMENTO.SEM_FILA"));
  }

  /** VENDOR-FACTS 4a: only Logged Out and Available agents log in; any other status is kept. */
  @Test
  void loginOfAnAvailableAgentIsAcceptedAndOfAnAgentOnBreakIsNotFoundAndKeepsTheBreak() {
    Long firstLogin = pbx.agent("SUPORTE.BARBARA").get().firstLogin();
    assertDoesNotThrow(() -> pbx.login("SUPORTE.BARBARA"));
    assertEquals(AgentStatus.AVAILABLE, status("SUPORTE.BARBARA"));
    assertEquals(firstLogin, pbx.agent("SUPORTE.BARBARA").get().firstLogin());
    AgentInfo onBreak = pbx.agent("SUPORTE.CARLOS").get();
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.login("SUPORTE.CARLOS"));
    assertEquals(AgentStatus.ON_BREAK, status("SUPORTE.CARLOS"));
    assertEquals(onBreak, pbx.agent("SUPORTE.CARLOS").get(), "nothing about the agent changes");
    assertEquals("2009", pbx.agent("SUPORTE.CARLOS").get().branch());
  }

  /** The extension comes from the agent's contact: login never rewrites it (VENDOR-FACTS 4a). */
  @Test
  void loginNeverRewritesTheAgentsExtension() {
    pbx.login("DEV");
    assertEquals(AgentStatus.AVAILABLE, status("DEV"));
    assertEquals("2000", pbx.agent("DEV").get().branch());
  }

  @Test
  void logoutOfAnUnknownAgentFailsToExecute() {
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.logout("NOBODY"));
  }

  /** The null status of the answer is asserted in {@code VocomEmulatorTest}. */
  @Test
  void logoutOfAnAgentThatIsNotAvailableIsUndeterminedAndChangesNothing() {
    assertFalse(pbx.logout("SUPORTE.CARLOS"));
    assertEquals(AgentStatus.ON_BREAK, status("SUPORTE.CARLOS"));
    assertFalse(pbx.logout("DEV"));
  }

  /**
   * The reference server answers ok with {@code result:null} for an agent it does not know, and an
   * agent exists only through a queue tier (VENDOR-FACTS 4a).
   */
  @Test
  void breakListIsTheCompanysForAKnownAgentAndNullForAnUnknownOne() {
    assertNull(assertDoesNotThrow(() -> pbx.breakList("NOBODY")));
    assertNull(pbx.breakList("TREINAMENTO.SEM_FILA"), "no queue tier: not an agent of the PBX");
    List<VocomFixtures.BreakType> breaks = pbx.breakList("DEV");
    assertEquals("Lanche", breaks.get(0).breakName());
    assertEquals(breaks, pbx.breakList("SUPORTE.CARLOS"), "whatever the agent's status");
  }

  @Test
  void setBreakFailuresFollowTheVendorsKinds() {
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.setBreak("NOBODY", LANCHE));
    assertFails(
        StatusType.NOT_FOUND_FAILED, () -> pbx.setBreak("SUPORTE.BARBARA", "not-a-break-id"));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.setBreak("DEV", LANCHE));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.setBreak("SUPORTE.CARLOS", FEEDBACK));
    assertEquals(AgentStatus.AVAILABLE, status("SUPORTE.BARBARA"));
  }

  /**
   * {@code state_return_break} sets the agent Available unconditionally and answers ok
   * (VENDOR-FACTS 4a); what was odd comes back as a lint note.
   */
  @Test
  void returnBreakSetsAvailableUnconditionallyAndLintsWhatWasNotABreak() {
    assertNull(pbx.returnBreak("SUPORTE.CARLOS"), "back from a break: nothing odd");
    assertEquals(AgentStatus.AVAILABLE, status("SUPORTE.CARLOS"));
    assertNull(pbx.agent("SUPORTE.CARLOS").get().breakId());
    assertNotNull(pbx.returnBreak("SUPORTE.CARLOS"), "idempotent, but not On Break any more");
    assertEquals(AgentStatus.AVAILABLE, status("SUPORTE.CARLOS"));
    assertNotNull(pbx.returnBreak("DEV"));
    assertEquals(AgentStatus.AVAILABLE, status("DEV"), "even a Logged Out agent");
    assertNotNull(pbx.returnBreak("NOBODY"));
    assertFalse(pbx.agent("NOBODY").isPresent(), "an unknown agent is not created");
  }

  /**
   * call_services originates from {@code user/{branch}} to {@code to} and never reads the agent
   * (VENDOR-FACTS 4a): only a missing channel (empty branch or destination) is execute_failed; an
   * unknown agent, an agent not Available or with a live call is placed and linted.
   */
  @Test
  void callServicesNeedsOnlyABranchAndADestinationAndLintsWhatThePbxDoesNotCheck() {
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("SUPORTE.CARLOS", "", "11999"));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("SUPORTE.BARBARA", "2008", ""));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("SUPORTE.BARBARA", "", ""));

    CallCenter.Placed unknown = pbx.callServices("NOBODY", "3000", "11999");
    assertNotNull(unknown.lint(), "neither extension nor agent known");
    CallCenter.Placed loggedOut = pbx.callServices("DEV", "2000", "11999");
    assertTrue(loggedOut.lint().contains("Logged Out"), loggedOut.lint());
    CallCenter.Placed onBreak = pbx.callServices("SUPORTE.CARLOS", "2009", "11999");
    assertTrue(onBreak.lint().contains("On Break"), onBreak.lint());
    assertEquals(AgentStatus.LOGGED_OUT, status("DEV"), "placing a call changes no status");
    assertEquals(AgentStatus.ON_BREAK, status("SUPORTE.CARLOS"));

    CallCenter.Placed first = pbx.callServices("SUPORTE.BARBARA", "2008", "11999");
    assertNull(first.lint(), "an Available agent at its own extension: nothing odd");
    assertEquals("2008", pbx.call(first.callId()).get().branch());
    CallCenter.Placed second = pbx.callServices("SUPORTE.BARBARA", "2008", "11888");
    assertTrue(second.lint().contains("live call"), second.lint());
    assertEquals(CallState.ACTIVE, pbx.call(second.callId()).get().state());
    pbx.terminate(first.callId());
    pbx.terminate(second.callId());
    assertNull(pbx.callServices("SUPORTE.BARBARA", "2008", "11777").lint());

    String elsewhere = pbx.callServices("DEV", "2008", "11666").callId();
    assertEquals(
        "SUPORTE.BARBARA",
        pbx.call(elsewhere).get().agent(),
        "the call counts for the extension's agent, not the one named");
  }

  /**
   * Hold, retrieve and transfer go through {@code bgapi}, which accepts any non-empty call_id at
   * once (VENDOR-FACTS 4a): only an empty call_id is execute_failed. A job that can do nothing
   * changes nothing and is linted; terminate always answers ok.
   */
  @Test
  void callControlAcceptsAnyNonEmptyCallIdAndChangesOnlyLiveCalls() {
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.hold(""));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.retrieve(""));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.transfer("", "2000"));
    assertDoesNotThrow(() -> pbx.terminate(""), "terminate always answers ok");
    String unknown = "1f74b26a-442a-40ca-83af-847eb7132c2e";
    assertNotNull(assertDoesNotThrow(() -> pbx.hold(unknown)));
    assertNotNull(assertDoesNotThrow(() -> pbx.retrieve(unknown)));
    assertNotNull(assertDoesNotThrow(() -> pbx.transfer(unknown, "2000")));
    assertDoesNotThrow(() -> pbx.terminate(unknown), "terminate always answers ok");
    assertFalse(pbx.call(unknown).isPresent(), "bgapi jobs create no call");

    String id = pbx.callServices("SUPORTE.BARBARA", "2008", "11999").callId();
    assertNotNull(pbx.retrieve(id), "an active call is not held");
    assertEquals(CallState.ACTIVE, pbx.call(id).get().state());
    assertNull(pbx.hold(id));
    assertEquals(CallState.HELD, pbx.call(id).get().state());
    assertNotNull(pbx.hold(id), "already held");
    assertEquals(CallState.HELD, pbx.call(id).get().state());
    assertNotNull(pbx.transfer(id, ""), "an empty destination: the job fails on the PBX");
    assertEquals(CallState.HELD, pbx.call(id).get().state());
    assertNull(pbx.transfer(id, "2001"), "a held call can be transferred");
    assertEquals(CallState.TRANSFERRED, pbx.call(id).get().state());
    assertNotNull(pbx.hold(id), "a transferred call is no longer live");
    assertNotNull(pbx.transfer(id, "2001"));
    assertEquals(CallState.TRANSFERRED, pbx.call(id).get().state());
    assertEquals("2001", pbx.call(id).get().transferredTo());

    long before = pbx.agent("SUPORTE.BARBARA").get().outboundCount();
    assertDoesNotThrow(() -> pbx.terminate(id));
    assertEquals(CallState.TRANSFERRED, pbx.call(id).get().state());
    assertEquals(before, pbx.agent("SUPORTE.BARBARA").get().outboundCount(), "counted once");
  }

  @Test
  void agentListSplitsTheQueueByLoggedInAndLoggedOutAndAnUnknownQueueHasNone() {
    CallCenter.QueueAgents suporte = pbx.agentList("FILA_SUPORTE");
    assertEquals(
        List.of("DESENVOLVIMENTO.LUIZ", "SUPORTE.BARBARA", "SUPORTE.CARLOS"),
        suporte.loggedIn().stream().map(AgentInfo::name).toList());
    assertEquals(List.of("DEV"), suporte.loggedOut().stream().map(AgentInfo::name).toList());

    AgentInfo barbara = suporte.loggedIn().get(1);
    assertEquals(
        new io.vertx.core.json.JsonObject()
            .put("name", "SUPORTE.BARBARA")
            .put("status", "Available")
            .put("branch", "2008")
            .put("first_login", "1578679731")
            .put("answered_count", "13")
            .put("answered_duration", "3300")
            .put("not_answered_count", "108")
            .put("outbound_count", "3")
            .put("outbound_duration", "10"),
        barbara.toJson());

    assertEquals(
        new io.vertx.core.json.JsonObject()
            .put("name", "DEV")
            .put("status", "Logged Out")
            .put("no_answer_count", "0")
            .put("calls_answered", "0")
            .put("ready_time", "0"),
        suporte.loggedOut().get(0).toLoggedOutJson(),
        "logged-out entries have their own field set (VENDOR-FACTS 4a)");

    assertTrue(pbx.agentList("FILA_VAZIA").loggedIn().isEmpty());
    assertTrue(pbx.agentList("FILA_VAZIA").loggedOut().isEmpty());
    CallCenter.QueueAgents unknown =
        assertDoesNotThrow(() -> pbx.agentList("FILA_INEXISTENTE"), "ok for an unknown queue");
    assertTrue(unknown.loggedIn().isEmpty());
    assertTrue(unknown.loggedOut().isEmpty());
  }

  @Test
  void resetRestoresTheFixture() {
    pbx.login("DEV");
    pbx.returnBreak("SUPORTE.CARLOS");
    String id = pbx.callServices("DEV", "2000", "11999").callId();
    pbx.reset();
    assertEquals(AgentStatus.LOGGED_OUT, status("DEV"));
    assertEquals(AgentStatus.ON_BREAK, status("SUPORTE.CARLOS"));
    assertEquals("2000", pbx.agent("DEV").get().branch());
    assertFalse(pbx.call(id).isPresent());
  }
}
