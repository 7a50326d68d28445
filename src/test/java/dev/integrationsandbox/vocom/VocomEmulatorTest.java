package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.vocom.VocomTestData.COMPANY;
import static dev.integrationsandbox.vocom.VocomTestData.OTHER_API_KEY;
import static dev.integrationsandbox.vocom.VocomTestData.OTHER_COMPANY;
import static dev.integrationsandbox.vocom.VocomTestData.SEED_AUTHORIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.vocom.VocomPipeline.Answer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The emulator and the dialect together, through the pipeline's steps but without a server: the
 * exact answers a client gets, with pinned call ids and the world's state at hand.
 */
@Timeout(30)
class VocomEmulatorTest {

  private static Vertx vertx;
  private static Contract contract;

  @BeforeAll
  static void loadContract() {
    vertx = Vertx.vertx();
    contract = VocomPipeline.contract(vertx);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private final VocomPipeline pipeline = new VocomPipeline(new VocomTestWorld(), contract);
  private final VocomEmulator vocom = pipeline.emulator();

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private Answer seed(VocomCommand command, JsonObject body) {
    return pipeline.send(command, SEED_AUTHORIZATION, body);
  }

  private static JsonObject body(String... keysAndValues) {
    JsonObject o = new JsonObject();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      o.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return o;
  }

  private static JsonObject response(String json) {
    return new JsonObject().put("response", new JsonObject(json));
  }

  @Test
  void theApiKeyIsThePasswordOfTheBasicHeader() {
    assertEquals(Optional.of(VocomTestData.API_KEY), VocomEmulator.apiKeyFrom(SEED_AUTHORIZATION));
    assertEquals(Optional.of("k"), VocomEmulator.apiKeyFrom(basic("anything", "k")));
    assertEquals(Optional.of("k:x"), VocomEmulator.apiKeyFrom(basic("", "k:x")));
    assertEquals(
        Optional.of("k"), VocomEmulator.apiKeyFrom("bAsIc " + basic("u", "k").substring(6)));
    assertEquals(Optional.empty(), VocomEmulator.apiKeyFrom(null));
    assertEquals(Optional.empty(), VocomEmulator.apiKeyFrom("Bearer abc"));
    assertEquals(Optional.empty(), VocomEmulator.apiKeyFrom("Basic !!!"));
  }

  @Test
  void theSeedRequestsGetTheSeedAnswers() {
    assertEquals(
        response(
            "{\"agent\":\"DEV\",\"command\":\"login\",\"status\":\"ok\",\"status_type\":\"\"}"),
        seed(
                VocomCommand.AGENT_LOGIN,
                body("agent", "DEV", "branch", "2000", "company_id", COMPANY))
            .body());

    JsonObject breaks =
        seed(VocomCommand.GET_BREAK_LIST, body("agent", "DEV", "company_id", COMPANY)).response();
    assertEquals("break", breaks.getString("command"));
    assertEquals(
        new JsonArray(
            "[{\"break_id\":\"0c8a9f1f-b49d-42d5-9b6b-2c108619aa7c\",\"break_name\":\"Lanche\","
                + "\"break_timeout\":\"5\",\"break_digit\":\"1\"},"
                + "{\"break_id\":\"44b57078-d82c-4aa0-8b9a-a17bfc8d0674\",\"break_name\":\"Almoço\","
                + "\"break_timeout\":\"90\",\"break_digit\":\"2\"},"
                + "{\"break_id\":\"64d9fc6f-0324-4d1d-8368-599908f909b4\",\"break_name\":\"Banheiro\","
                + "\"break_timeout\":\"0\",\"break_digit\":\"4\"},"
                + "{\"break_id\":\"816b6751-0592-44dc-a311-b870f7850750\",\"break_name\":\"Feedback\","
                + "\"break_timeout\":\"0\",\"break_digit\":\"3\"}]"),
        breaks.getJsonArray("result"));

    Answer call =
        seed(
            VocomCommand.CALL_SERVICES,
            body("agent", "DEV", "branch", "3000", "to", "1199999999", "company_id", COMPANY));
    assertTrue(call.ok(), "DEV logged in above: " + call.diagnostic());
    assertEquals("00000000-0000-4000-8000-000000000001", call.response().getString("call_id"));
  }

  @Test
  void getAgentListAnswersTheSeedShapeWithEmptyStringsForEmptyHalves() {
    vocom.company(COMPANY).get().logout("DESENVOLVIMENTO.LUIZ");
    JsonObject r =
        seed(VocomCommand.GET_AGENT_LIST, body("queue", "FILA_SUPORTE", "company_id", COMPANY))
            .response();
    assertEquals("FILA_SUPORTE", r.getString("queue"));
    assertEquals("agent_list", r.getString("command"));
    assertEquals(2, r.getJsonObject("result").getJsonArray("logged_out_agents").size());

    JsonObject empty =
        seed(VocomCommand.GET_AGENT_LIST, body("queue", "FILA_VAZIA", "company_id", COMPANY))
            .response();
    assertEquals("", empty.getJsonObject("result").getValue("logged_in_agents"));
    assertEquals("", empty.getJsonObject("result").getValue("logged_out_agents"));
  }

  @Test
  void authenticationIsCheckedBeforeParameters() {
    Answer r = pipeline.send(VocomCommand.AGENT_LOGIN, null, new JsonObject());
    assertEquals(
        response(
            "{\"agent\":null,\"command\":\"login\",\"status\":\"error\","
                + "\"status_type\":\"authentication_failed\"}"),
        r.body());
    assertNotNull(r.diagnostic());
    assertEquals(
        "authentication_failed",
        pipeline
            .send(VocomCommand.AGENT_LOGIN, basic("api_key", "wrong"), body("agent", "DEV"))
            .statusType());
  }

  /** The check is {@code array_keys} presence (VENDOR-FACTS 4a): null and "" are present. */
  @Test
  void aMissingKeyFailsParamsButANullOrAnEmptyValuePasses() {
    Answer missing = seed(VocomCommand.AGENT_LOGIN, body("agent", "DEV", "company_id", COMPANY));
    assertEquals("params_failed", missing.statusType());
    assertEquals("DEV", missing.response().getString("agent"));
    assertEquals("params_failed", seed(VocomCommand.AGENT_LOGIN, null).statusType());

    Answer nullBranch =
        seed(VocomCommand.AGENT_LOGIN, body("agent", "DEV", "branch", null, "company_id", COMPANY));
    assertTrue(nullBranch.ok(), "a null value is a present key: " + nullBranch.diagnostic());
    Answer empty =
        seed(VocomCommand.AGENT_LOGIN, body("agent", "DEV", "branch", "", "company_id", COMPANY));
    assertTrue(empty.ok());
  }

  /**
   * A key opens its own PBX only. Login never reads {@code company_id} (VENDOR-FACTS 4a), so
   * another company's key naming this company logs in its own DEV; for the commands that read it,
   * this company's id is an unknown domain of that PBX: no channel, no agents.
   */
  @Test
  void aKeyOfAnotherCompanyActsOnItsOwnPbxOnly() {
    String otherAuth = basic("api_key", OTHER_API_KEY);
    Answer r =
        pipeline.send(
            VocomCommand.AGENT_LOGIN,
            otherAuth,
            body("agent", "DEV", "branch", "2000", "company_id", COMPANY));
    assertTrue(r.ok(), r.diagnostic());
    assertEquals(AgentStatus.LOGGED_OUT, vocom.company(COMPANY).get().agent("DEV").get().status());
    assertEquals(
        AgentStatus.AVAILABLE, vocom.company(OTHER_COMPANY).get().agent("DEV").get().status());

    Answer call =
        pipeline.send(
            VocomCommand.CALL_SERVICES,
            otherAuth,
            body("agent", "DEV", "branch", "2000", "to", "11", "company_id", COMPANY));
    assertEquals("execute_failed", call.statusType());
    assertEquals("", call.response().getString("call_id"));
    assertTrue(vocom.company(COMPANY).get().snapshot().getJsonArray("calls").isEmpty());

    JsonObject list =
        pipeline
            .send(
                VocomCommand.GET_AGENT_LIST,
                otherAuth,
                body("queue", "FILA_SUPORTE", "company_id", COMPANY))
            .response();
    assertEquals("ok", list.getString("status"));
    assertEquals(
        new JsonObject().put("logged_out_agents", "").put("logged_in_agents", ""),
        list.getJsonObject("result"),
        "none of this company's agents");
  }

  /**
   * Tenants don't see each other: another tenant's call_id is no call here (bgapi accepts the job,
   * which does nothing), and another tenant's company_id is an unknown domain that shows none of
   * its data (VENDOR-FACTS 4a).
   */
  @Test
  void tenantsDoNotSeeEachOther() {
    String otherAuth = basic("api_key", OTHER_API_KEY);
    assertTrue(
        pipeline
            .send(
                VocomCommand.AGENT_LOGIN,
                otherAuth,
                body("agent", "DEV", "branch", "3000", "company_id", OTHER_COMPANY))
            .ok());
    assertEquals(
        AgentStatus.AVAILABLE, vocom.company(OTHER_COMPANY).get().agent("DEV").get().status());
    assertEquals(AgentStatus.LOGGED_OUT, vocom.company(COMPANY).get().agent("DEV").get().status());

    String callId =
        pipeline
            .send(
                VocomCommand.CALL_SERVICES,
                otherAuth,
                body("agent", "DEV", "branch", "3000", "to", "11", "company_id", OTHER_COMPANY))
            .response()
            .getString("call_id");
    Answer hold =
        seed(
            VocomCommand.CALL_HOLD, body("agent", "DEV", "call_id", callId, "company_id", COMPANY));
    assertTrue(hold.ok(), "bgapi accepts any call_id: " + hold.diagnostic());
    assertEquals(1, hold.reply().lintNotes().size(), "a call of another company is unknown here");
    assertEquals(
        CallCenter.CallState.ACTIVE,
        vocom.company(OTHER_COMPANY).get().call(callId).get().state(),
        "and stays untouched");
    assertEquals(
        "execute_failed",
        seed(
                VocomCommand.CALL_HOLD,
                body("agent", "DEV", "call_id", callId, "company_id", OTHER_COMPANY))
            .statusType(),
        "another tenant's company_id is an unknown domain");
    assertEquals(
        CallCenter.CallState.ACTIVE, vocom.company(OTHER_COMPANY).get().call(callId).get().state());

    JsonObject noSuchQueueHere =
        seed(VocomCommand.GET_AGENT_LIST, body("queue", "FILA_VENDAS", "company_id", COMPANY))
            .response();
    JsonObject otherDomain =
        seed(VocomCommand.GET_AGENT_LIST, body("queue", "FILA_VENDAS", "company_id", OTHER_COMPANY))
            .response();
    for (JsonObject list : new JsonObject[] {noSuchQueueHere, otherDomain}) {
      assertEquals("ok", list.getString("status"), list.encode());
      assertEquals(
          new JsonObject().put("logged_out_agents", "").put("logged_in_agents", ""),
          list.getJsonObject("result"),
          "none of the other tenant's agents");
    }
  }

  @Test
  void eachCommandRendersItsOwnErrorShape() {
    assertEquals(
        response(
            "{\"agent\":null,\"command\":\"break\",\"result\":\"\",\"status\":\"error\","
                + "\"status_type\":\"params_failed\"}"),
        seed(VocomCommand.GET_BREAK_LIST, body("company_id", COMPANY)).body());
    assertEquals(
        response(
            "{\"agent\":\"NOBODY\",\"command\":\"call_services\",\"call_id\":\"\","
                + "\"status\":\"error\",\"status_type\":\"execute_failed\"}"),
        seed(
                VocomCommand.CALL_SERVICES,
                body("agent", "NOBODY", "branch", "", "to", "2", "company_id", COMPANY))
            .body());
    assertEquals(
        response(
            "{\"agent\":null,\"command\":\"agent_list\",\"status\":\"error\","
                + "\"status_type\":\"params_failed\"}"),
        seed(VocomCommand.GET_AGENT_LIST, body("company_id", COMPANY)).body());
    assertEquals(
        response(
            "{\"list\":\"\",\"command\":\"list\",\"status\":\"error\","
                + "\"status_type\":\"params_failed\"}"),
        seed(
                VocomCommand.TABS_LIST_ALL,
                body("date_begin", "02/09/2020", "date_end", "", "company_id", COMPANY))
            .body());
    assertEquals(
        response(
            "{\"agent\":\"DEV\",\"command\":\"break\",\"status\":\"error\","
                + "\"status_type\":\"execute_failed\"}"),
        seed(
                VocomCommand.STATE_SET_BREAK,
                body("agent", "DEV", "break_id", VocomTestData.LANCHE, "company_id", COMPANY))
            .body());
  }

  @Test
  void logoutOfAnAgentOnBreakAnswersWithNullStatus() {
    Answer r =
        seed(
            VocomCommand.AGENT_LOGOUT,
            body("agent", "SUPORTE.CARLOS", "branch", "2009", "company_id", COMPANY));
    assertEquals(
        response(
            "{\"agent\":\"SUPORTE.CARLOS\",\"command\":\"logout\",\"status\":null,"
                + "\"status_type\":null}"),
        r.body());
    assertNull(r.status());
    assertNotNull(r.diagnostic());
  }

  @Test
  void aCallGoesThroughTheHttpShapedCommands() {
    seed(VocomCommand.AGENT_LOGIN, body("agent", "DEV", "branch", "2000", "company_id", COMPANY));
    Answer placed =
        seed(
            VocomCommand.CALL_SERVICES,
            body("agent", "DEV", "branch", "3000", "to", "1199999999", "company_id", COMPANY));
    assertEquals(
        response(
            "{\"agent\":\"DEV\",\"command\":\"call_services\","
                + "\"call_id\":\"00000000-0000-4000-8000-000000000001\",\"status\":\"ok\","
                + "\"status_type\":\"\"}"),
        placed.body());
    String id = placed.response().getString("call_id");
    for (VocomCommand c :
        new VocomCommand[] {
          VocomCommand.CALL_HOLD, VocomCommand.CALL_HOLD_RETRIEVE, VocomCommand.CALL_TERMINATE
        }) {
      Answer r = seed(c, body("agent", "DEV", "call_id", id, "company_id", COMPANY));
      assertTrue(r.ok(), c + ": " + r.diagnostic());
      assertEquals(c.command(), r.response().getString("command"));
    }
    Answer transfer =
        seed(
            VocomCommand.CALL_TRANSFER,
            body("agent", "DEV", "call_id", id, "to", "2000", "company_id", COMPANY));
    assertTrue(transfer.ok(), "bgapi accepts a job for an ended call (VENDOR-FACTS 4a)");
    assertEquals(1, transfer.reply().lintNotes().size(), "and the sandbox lints it");
    assertEquals(CallCenter.CallState.ENDED, vocom.company(COMPANY).get().call(id).get().state());
  }

  @Test
  void dialerReportAnswersListCommandAndCount() {
    JsonObject r =
        seed(
                VocomCommand.DIALER_LIST_ALL,
                body(
                    "date_begin", "2020-09-03 00:00",
                    "date_end", "2020-09-03 23:59",
                    "destination", "",
                    "mailing", "",
                    "hangup_cause", "",
                    "company_id", COMPANY))
            .response();
    assertEquals("list", r.getString("command"));
    assertEquals(3, r.getInteger("count"));
    assertEquals(3, r.getJsonArray("list").size());
    assertTrue(
        r.getJsonArray("list").stream()
            .allMatch(o -> !((JsonObject) o).containsKey(Reports.MAILING_ID)),
        "the mailing uuid is not part of the vendor's record");
  }

  @Test
  void resetBringsEveryCompanyBack() {
    seed(VocomCommand.AGENT_LOGIN, body("agent", "DEV", "branch", "2000", "company_id", COMPANY));
    vocom.reset();
    assertEquals(AgentStatus.LOGGED_OUT, vocom.company(COMPANY).get().agent("DEV").get().status());
    assertEquals(
        VocomTestWorld.FIXTURES.companies().keySet(), vocom.snapshot().fieldNames(), "every one");
  }

  @Test
  void commandsAreFoundByPathAndOperationId() {
    assertEquals(13, VocomCommand.values().length);
    for (VocomCommand c : VocomCommand.values()) {
      assertEquals(Optional.of(c), VocomCommand.byPath(c.path()));
      assertEquals(Optional.of(c), VocomCommand.byOperationId(c.operationId()));
      assertTrue(c.path().endsWith("/"));
    }
    assertEquals(Optional.empty(), VocomCommand.byPath("/interact_cti/agent/login"));
  }

  /** The emulator alone, as the pipeline calls it once the key and the contract let a call by. */
  private Future<Reply> handleSeed(VocomCommand command, JsonObject body) {
    Call call = pipeline.call(command, SEED_AUTHORIZATION, body);
    return vocom.handle(call, vocom.authenticate(call));
  }

  @Test
  void requiredKeysAreTheContractsToCheckNotTheEmulators() {
    Reply reply =
        handleSeed(VocomCommand.AGENT_LOGIN, body("agent", "DEV", "company_id", COMPANY)).await();
    assertEquals("ok", ((JsonObject) reply.json()).getJsonObject("response").getString("status"));
  }

  @Test
  void theEmulatorThrowsItsFailuresWithTheVendorsStatusType() {
    Future<Reply> answer =
        handleSeed(
            VocomCommand.AGENT_LOGIN,
            body("agent", "NOBODY", "branch", "2000", "company_id", COMPANY));
    Failure failure = assertThrows(Failure.class, answer::await);
    assertEquals(Failure.Kind.NOT_FOUND, failure.kind());
    assertEquals("not_found_failed", failure.code());

    Failure unknownKey =
        assertThrows(
            Failure.class,
            () -> vocom.authenticate(pipeline.call(VocomCommand.GET_BREAK_LIST, null, null)));
    assertEquals(Failure.Kind.UNAUTHORIZED, unknownKey.kind());
  }
}
