package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.vocom.VocomApi.response;
import static dev.integrationsandbox.vocom.VocomTestData.AGENT_LIST;
import static dev.integrationsandbox.vocom.VocomTestData.BARBARA;
import static dev.integrationsandbox.vocom.VocomTestData.BREAK_LIST;
import static dev.integrationsandbox.vocom.VocomTestData.CALL;
import static dev.integrationsandbox.vocom.VocomTestData.DEV;
import static dev.integrationsandbox.vocom.VocomTestData.DIALER_REPORT;
import static dev.integrationsandbox.vocom.VocomTestData.FEEDBACK;
import static dev.integrationsandbox.vocom.VocomTestData.HOLD;
import static dev.integrationsandbox.vocom.VocomTestData.LANCHE;
import static dev.integrationsandbox.vocom.VocomTestData.LOGIN;
import static dev.integrationsandbox.vocom.VocomTestData.LOGOUT;
import static dev.integrationsandbox.vocom.VocomTestData.OTHER_COMPANY;
import static dev.integrationsandbox.vocom.VocomTestData.QUEUE;
import static dev.integrationsandbox.vocom.VocomTestData.RETRIEVE;
import static dev.integrationsandbox.vocom.VocomTestData.RETURN_BREAK;
import static dev.integrationsandbox.vocom.VocomTestData.SEED_AUTHORIZATION;
import static dev.integrationsandbox.vocom.VocomTestData.SET_BREAK;
import static dev.integrationsandbox.vocom.VocomTestData.TABS_REPORT;
import static dev.integrationsandbox.vocom.VocomTestData.TERMINATE;
import static dev.integrationsandbox.vocom.VocomTestData.TRANSFER;
import static dev.integrationsandbox.vocom.VocomTestData.agent;
import static dev.integrationsandbox.vocom.VocomTestData.call;
import static dev.integrationsandbox.vocom.VocomTestData.queue;
import static dev.integrationsandbox.vocom.VocomTestData.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.ProjectSandbox;
import dev.integrationsandbox.junit.AllowContractViolations;
import dev.integrationsandbox.junit.IntegrationSandbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Vocom interact_cti over HTTP, as a CTI integration drives it through an agent's day. */
@Timeout(30)
class VocomFlowTest {

  @RegisterExtension static final IntegrationSandbox sandbox = ProjectSandbox.extension();

  VocomApi vocom;

  @BeforeEach
  void api() {
    vocom = VocomApi.in(sandbox);
  }

  static void ok(String command, JsonObject r) {
    assertEquals("ok", r.getString("status"), r.encode());
    assertEquals("", r.getString("status_type"));
    assertEquals(command, r.getString("command"));
  }

  static void failed(String command, String statusType, JsonObject r) {
    assertEquals("error", r.getString("status"), r.encode());
    assertEquals(statusType, r.getString("status_type"));
    assertEquals(command, r.getString("command"));
  }

  @Test
  void theSeedsCurlExampleReturnsItsFourBreaks() {
    String seedBody =
        "{\"agent\": \"DEV\", \"company_id\": \"894343d2-3f02-4c02-909b-a0bfa57c0a93\"}";
    JsonObject r = response(vocom.post(BREAK_LIST, SEED_AUTHORIZATION, Buffer.buffer(seedBody)));
    ok("break", r);
    assertEquals(DEV, r.getString("agent"));
    JsonArray breaks = r.getJsonArray("result");
    assertEquals(4, breaks.size());
    assertEquals(
        List.of("Lanche", "Almoço", "Banheiro", "Feedback"),
        breaks.stream().map(b -> ((JsonObject) b).getString("break_name")).toList());
    JsonObject lanche = breaks.getJsonObject(0);
    assertEquals(LANCHE, lanche.getString("break_id"));
    assertEquals("5", lanche.getString("break_timeout"));
    assertEquals("1", lanche.getString("break_digit"));
  }

  @Test
  void anAgentsWholeDay() {
    JsonObject dev = agent(DEV);
    ok("login", vocom.cti(LOGIN, dev.copy().put("branch", "2000")));
    ok("break", vocom.cti(SET_BREAK, dev.copy().put("break_id", FEEDBACK)));
    assertEquals("On Break", statusOf(vocom.agentList(QUEUE), DEV));
    ok("break", vocom.cti(RETURN_BREAK, dev));

    JsonObject call = vocom.cti(CALL, call(DEV, "2000", "1199999999"));
    ok("call_services", call);
    JsonObject onCall = dev.copy().put("call_id", call.getString("call_id"));
    ok("call_hold", vocom.cti(HOLD, onCall));
    ok("call_hold_retrieve", vocom.cti(RETRIEVE, onCall));
    ok("call_hold_retrieve", vocom.cti(RETRIEVE, onCall)); // bgapi: ok, whatever the call's state
    sandbox.clock().advance(Duration.ofMinutes(2));
    ok("call_terminate", vocom.cti(TERMINATE, onCall));
    ok("call_hold", vocom.cti(HOLD, onCall)); // an ended call too; the job does nothing

    JsonObject available = agentIn(vocom.agentList(QUEUE), "logged_in_agents", DEV);
    assertEquals("Available", available.getString("status"));
    assertEquals("2000", available.getString("branch"));
    assertEquals("1", available.getString("outbound_count"));
    assertEquals("120", available.getString("outbound_duration"));

    String second = vocom.cti(CALL, call(DEV, "2000", "1133334444")).getString("call_id");
    ok("call_transfer", vocom.cti(TRANSFER, dev.copy().put("call_id", second).put("to", "2001")));
    assertEquals(
        "2", agentIn(vocom.agentList(QUEUE), "logged_in_agents", DEV).getString("outbound_count"));
    ok("logout", vocom.cti(LOGOUT, dev.copy().put("branch", "2000")));

    JsonObject loggedOut = agentIn(vocom.agentList(QUEUE), "logged_out_agents", DEV);
    assertEquals("Logged Out", loggedOut.getString("status"));
    assertEquals(
        List.of("name", "status", "no_answer_count", "calls_answered", "ready_time"),
        List.copyOf(loggedOut.fieldNames()),
        "logged-out entries have their own field set, without outbound counters (VENDOR-FACTS 4a)");
  }

  /**
   * Slim 3 registers the routes with the slash: {@code /x} is not {@code /x/} (VENDOR-FACTS 4a).
   */
  @Test
  void pathsWithoutTheirTrailingSlashAreSlimsHtml404() {
    HttpResponse<Buffer> r =
        vocom.post("/interact_cti/agent/get_break_list", SEED_AUTHORIZATION, agent(DEV).toBuffer());
    assertEquals(404, r.statusCode(), r.bodyAsString());
    assertEquals("text/html", r.getHeader("Content-Type"));
    assertTrue(r.bodyAsString().contains("<h1>Page Not Found</h1>"), r.bodyAsString());
    ok("break", vocom.cti(BREAK_LIST, agent(DEV)));
  }

  @Test
  @AllowContractViolations("sends a login without its branch")
  void aMissingKeyIsParamsFailed() {
    failed("login", "params_failed", vocom.cti(LOGIN, agent(DEV)));
  }

  @Test
  @AllowContractViolations("sends a body that is not JSON")
  void malformedJsonIsParamsFailedWithHttp200() {
    JsonObject r = response(vocom.post(CALL, SEED_AUTHORIZATION, Buffer.buffer("{\"agent\": ")));
    failed("call_services", "params_failed", r);
    assertEquals("", r.getString("call_id"));
  }

  @Test
  void anOversizedBodyIsParamsFailed() {
    Buffer twoMiB = Buffer.buffer(new byte[2 * 1024 * 1024]);
    failed("break", "params_failed", response(vocom.post(BREAK_LIST, SEED_AUTHORIZATION, twoMiB)));
  }

  @Test
  void noApiKeyIsAuthenticationFailedEvenWithBadParameters() {
    JsonObject r = response(vocom.post(BREAK_LIST, null, Buffer.buffer("{}")));
    failed("break", "authentication_failed", r);
    assertEquals("", r.getString("result"));
  }

  @Test
  void anUnknownApiKeyIsAuthenticationFailed() {
    String wrong = "Basic " + Base64.getEncoder().encodeToString("api_key:nope".getBytes());
    failed(
        "break",
        "authentication_failed",
        response(vocom.post(BREAK_LIST, wrong, agent(DEV).toBuffer())));
  }

  /**
   * Tenants are API keys, and another tenant's company_id is only an unknown domain of this key's
   * PBX (VENDOR-FACTS 4a): no authentication error, and none of the other tenant's data.
   */
  @Test
  void anotherCompanysIdIsAnUnknownDomainThatShowsNoneOfItsData() {
    JsonObject breaks = vocom.cti(BREAK_LIST, agent(DEV).put("company_id", OTHER_COMPANY));
    ok("break", breaks);
    assertEquals(
        List.of("Lanche", "Almoço", "Banheiro", "Feedback"),
        breaks.getJsonArray("result").stream()
            .map(b -> ((JsonObject) b).getString("break_name"))
            .toList(),
        "breaks never read company_id: this key's own DEV, not the other tenant's");

    JsonObject theirQueue =
        vocom.cti(AGENT_LIST, queue("FILA_VENDAS").put("company_id", OTHER_COMPANY));
    ok("agent_list", theirQueue);
    assertEquals("", theirQueue.getJsonObject("result").getValue("logged_in_agents"));
    assertEquals("", theirQueue.getJsonObject("result").getValue("logged_out_agents"));

    JsonObject theirTabs =
        vocom.cti(
            TABS_REPORT,
            report("2020-01-01 00:00:00", "2030-12-31 23:59:59").put("company_id", OTHER_COMPANY));
    ok("list", theirTabs);
    assertTrue(theirTabs.getJsonArray("list").isEmpty(), theirTabs.encode());

    failed(
        "call_hold",
        "execute_failed",
        vocom.cti(HOLD, agent(DEV).put("call_id", "c1").put("company_id", OTHER_COMPANY)));
  }

  @Test
  void anUnknownAgentIsNotFoundFailed() {
    JsonObject r = vocom.cti(LOGIN, agent("NINGUEM").put("branch", "2000"));
    failed("login", "not_found_failed", r);
    assertEquals("NINGUEM", r.getString("agent"));
  }

  @Test
  void anUnknownBreakIsNotFoundFailed() {
    failed(
        "break", "not_found_failed", vocom.cti(SET_BREAK, agent(BARBARA).put("break_id", "nope")));
  }

  @Test
  void aBreakForALoggedOutAgentIsExecuteFailed() {
    failed("break", "execute_failed", vocom.cti(SET_BREAK, agent(DEV).put("break_id", FEEDBACK)));
  }

  /** Hold goes through bgapi, which accepts any non-empty call_id (VENDOR-FACTS 4a). */
  @Test
  void holdingAnUnknownCallIsOkButAnEmptyCallIdIsExecuteFailed() {
    ok(
        "call_hold",
        vocom.cti(HOLD, agent(DEV).put("call_id", "0b6d0d3e-1111-4222-8333-444455556666")));
    failed("call_hold", "execute_failed", vocom.cti(HOLD, agent(DEV).put("call_id", "")));
  }

  @Test
  @AllowContractViolations("asks for an agent list without a queue")
  void anAgentListErrorEchoesANullAgentAndAnUnknownQueueIsOk() {
    JsonObject r = vocom.cti(AGENT_LIST, new JsonObject().put("company_id", VocomTestData.COMPANY));
    failed("agent_list", "params_failed", r);
    assertTrue(r.containsKey("agent"));
    assertNull(r.getValue("agent"));
    assertFalse(r.containsKey("queue"), r.encode());

    JsonObject unknown = vocom.cti(AGENT_LIST, queue("NAO_EXISTE"));
    ok("agent_list", unknown);
    assertEquals("NAO_EXISTE", unknown.getString("queue"));
    assertEquals(
        new JsonObject().put("logged_out_agents", "").put("logged_in_agents", ""),
        unknown.getJsonObject("result"));
  }

  @Test
  void aReportOfABusyDayIsCappedAt2000Records() {
    JsonObject r = vocom.cti(TABS_REPORT, report("2026-01-15 00:00:00", "2026-01-15 23:59:59"));
    ok("list", r);
    assertEquals(2000, r.getJsonArray("list").size());
    assertFalse(r.containsKey("count"), "the tabs report has no count, as the seed prints it");
  }

  @Test
  void theDialerReportIsCappedToo() {
    JsonObject r = vocom.cti(DIALER_REPORT, report("2026-01-15 00:00", "2026-01-15 23:59"));
    assertEquals(2000, r.getInteger("count"));
  }

  @Test
  void theTabsReportFiltersByItsDateRangeWithBothEndsIncluded() {
    JsonObject r = vocom.cti(TABS_REPORT, report("2020-09-02 18:02:00", "2020-09-02 23:59:58"));
    ok("list", r);
    JsonArray list = r.getJsonArray("list");
    assertEquals(1, list.size(), list.encode());
    assertEquals("2020-09-02 18:03:12", list.getJsonObject(0).getString("start_epoch"));

    JsonObject both = vocom.cti(TABS_REPORT, report("2020-09-02 18:03:12", "2020-09-02 23:59:59"));
    assertEquals(2, both.getJsonArray("list").size(), both.encode());
  }

  @Test
  void theDialerReportFiltersByHangupCauseAndDestination() {
    JsonObject day = report("2020-09-03 00:00", "2020-09-03 23:59");
    JsonObject noAnswer = vocom.cti(DIALER_REPORT, day.copy().put("hangup_cause", "NO_ANSWER"));
    assertEquals(1, noAnswer.getInteger("count"));
    assertEquals(
        "01199999998", noAnswer.getJsonArray("list").getJsonObject(0).getString("destination"));

    JsonObject toOne = vocom.cti(DIALER_REPORT, day.copy().put("destination", "01199999999"));
    assertEquals(1, toOne.getInteger("count"));
    assertEquals(
        "SUBSCRIBER_ABSENT", toOne.getJsonArray("list").getJsonObject(0).getString("hangup_cause"));

    JsonObject ofMailing =
        vocom.cti(DIALER_REPORT, day.copy().put("mailing", "3f9a2c64-7d1b-4e85-a0c2-6b4d8e1f9a37"));
    assertTrue(ofMailing.getInteger("count") >= 1);
    ofMailing
        .getJsonArray("list")
        .forEach(
            rec -> {
              assertEquals("BASE1", ((JsonObject) rec).getString("mailing_name"));
              assertTrue(!((JsonObject) rec).containsKey("mailing_id"));
            });
  }

  @Test
  void aBadReportDateIsParamsFailed() {
    failed(
        "list",
        "params_failed",
        vocom.cti(TABS_REPORT, report("02/09/2020", "2020-09-02 23:59:59")));
  }

  static String statusOf(JsonObject agentList, String name) {
    return agentIn(agentList, "logged_in_agents", name).getString("status");
  }

  static JsonObject agentIn(JsonObject agentList, String group, String name) {
    Object agents = agentList.getJsonObject("result").getValue(group);
    assertTrue(agents instanceof JsonArray, group + " is " + agents);
    return ((JsonArray) agents)
        .stream()
            .map(JsonObject.class::cast)
            .filter(a -> a.getString("name").equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " not in " + group + ": " + agents));
  }
}
