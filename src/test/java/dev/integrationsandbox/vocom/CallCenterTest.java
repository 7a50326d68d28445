package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.vocom.VocomTestData.FEEDBACK;
import static dev.integrationsandbox.vocom.VocomTestData.LANCHE;
import static dev.integrationsandbox.vocom.VocomTestWorld.assertFails;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    world.clock.advance(Duration.ofHours(8));
    assertTrue(pbx.logout("DEV"));
    assertEquals(AgentStatus.LOGGED_OUT, status("DEV"));

    world.clock.advance(Duration.ofHours(16));
    assertDoesNotThrow(() -> pbx.login("DEV"));
    assertEquals(
        VocomTestWorld.START.getEpochSecond(),
        pbx.agent("DEV").get().firstLogin(),
        "first_login keeps the first login");
  }

  @Test
  void loginFailsNotFoundForAnUnknownAgentOrOneWithoutQueue() {
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.login("NOBODY"));
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.login("TREINAMENTO.SEM_FILA"));
    assertEquals(AgentStatus.LOGGED_OUT, status("TREINAMENTO.SEM_FILA"));
  }

  @Test
  void loginOfALoggedInAgentIsAcceptedAndLeavesItAvailable() {
    assertDoesNotThrow(() -> pbx.login("SUPORTE.BARBARA"));
    assertEquals(AgentStatus.AVAILABLE, status("SUPORTE.BARBARA"));
    assertDoesNotThrow(() -> pbx.login("SUPORTE.CARLOS"));
    assertEquals(AgentStatus.AVAILABLE, status("SUPORTE.CARLOS"));
    assertEquals("2009", pbx.agent("SUPORTE.CARLOS").get().branch(), "empty branch keeps it");
  }

  @Test
  void loginWithAnotherBranchMovesTheAgentThere() {
    pbx.login("DEV");
    assertEquals("2050", pbx.agent("DEV").get().branch());
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

  @Test
  void breakListNeedsAKnownAgent() {
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.breakList("NOBODY"));
    List<VocomFixtures.BreakType> breaks = pbx.breakList("DEV");
    assertEquals("Lanche", breaks.get(0).breakName());
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

  @Test
  void returnBreakIsIdempotentForAvailableAgentsAndRefusedWhenLoggedOut() {
    assertDoesNotThrow(() -> pbx.returnBreak("SUPORTE.CARLOS"));
    assertDoesNotThrow(() -> pbx.returnBreak("SUPORTE.CARLOS"));
    assertEquals(AgentStatus.AVAILABLE, status("SUPORTE.CARLOS"));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.returnBreak("DEV"));
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.returnBreak("NOBODY"));
  }

  @Test
  void callServicesNeedsAnAvailableAgentWithoutALiveCall() {
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("NOBODY", "3000", "11999"));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("DEV", "3000", "11999"));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("SUPORTE.CARLOS", "", "11999"));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("SUPORTE.BARBARA", "", ""));
    String id = pbx.callServices("SUPORTE.BARBARA", "", "11999").callId();
    assertEquals("2008", pbx.call(id).get().branch(), "empty branch dials from the agent's");
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.callServices("SUPORTE.BARBARA", "", "11888"));
    pbx.terminate(id);
    assertDoesNotThrow(() -> pbx.callServices("SUPORTE.BARBARA", "", "11888"));
  }

  @Test
  void callControlOnUnknownOrFinishedCallsFailsToExecute() {
    for (String unknown : List.of("", "1f74b26a-442a-40ca-83af-847eb7132c2e")) {
      assertFails(StatusType.EXECUTE_FAILED, () -> pbx.hold(unknown));
      assertFails(StatusType.EXECUTE_FAILED, () -> pbx.retrieve(unknown));
      assertFails(StatusType.EXECUTE_FAILED, () -> pbx.transfer(unknown, "2000"));
      assertDoesNotThrow(() -> pbx.terminate(unknown), "terminate always answers ok");
    }
    String id = pbx.callServices("SUPORTE.BARBARA", "2008", "11999").callId();
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.retrieve(id));
    assertDoesNotThrow(() -> pbx.hold(id));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.hold(id));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.transfer(id, ""));
    assertDoesNotThrow(() -> pbx.transfer(id, "2001"), "a held call can be transferred");
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.hold(id));
    assertFails(StatusType.EXECUTE_FAILED, () -> pbx.transfer(id, "2001"));

    long before = pbx.agent("SUPORTE.BARBARA").get().outboundCount();
    assertDoesNotThrow(() -> pbx.terminate(id));
    assertEquals(before, pbx.agent("SUPORTE.BARBARA").get().outboundCount(), "counted once");
  }

  @Test
  void agentListSplitsTheQueueByLoggedInAndLoggedOut() {
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

    assertTrue(pbx.agentList("FILA_VAZIA").loggedIn().isEmpty());
    assertFails(StatusType.NOT_FOUND_FAILED, () -> pbx.agentList("FILA_INEXISTENTE"));
  }

  @Test
  void resetRestoresTheFixture() {
    pbx.login("DEV");
    String id = pbx.callServices("DEV", "", "11999").callId();
    pbx.reset();
    assertEquals(AgentStatus.LOGGED_OUT, status("DEV"));
    assertEquals("2000", pbx.agent("DEV").get().branch());
    assertFalse(pbx.call(id).isPresent());
  }
}
