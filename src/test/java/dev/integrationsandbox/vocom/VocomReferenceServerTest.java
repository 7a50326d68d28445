package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference PHP server's rules (VENDOR-FACTS §4a) over HTTP, as a client meets them. The
 * sandbox runs with {@code call_services}' ten-second default turned off ({@link #NO_LATENCY}),
 * which is how any fast suite on the default fixtures should start it.
 */
@Timeout(60)
class VocomReferenceServerTest {

  /** The flags that turn call_services' default 10 s off: a YAML with one line of latency. */
  static final String[] NO_LATENCY = {"--config", noLatencyConfig().toString()};

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension(NO_LATENCY);

  static final String COMPANY = VocomTestData.COMPANY;

  static Path noLatencyConfig() {
    try {
      Path file = Files.createTempFile("vocom-no-latency", ".yaml");
      file.toFile().deleteOnExit();
      Files.writeString(file, "vendors:\n  vocom:\n    latency:\n      callServices: PT0S\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<Buffer> post(String path, String body) {
    return extension
        .sandbox()
        .client()
        .post(path)
        .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .await();
  }

  static JsonObject cti(String path, JsonObject body) {
    HttpResponse<Buffer> r = post(path, body.encode());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject().getJsonObject("response");
  }

  static JsonObject agent(String name) {
    return new JsonObject().put("agent", name).put("company_id", COMPANY);
  }

  static void assertStatus(String status, String statusType, JsonObject response) {
    assertEquals(status, response.getString("status"), response.encode());
    assertEquals(statusType, response.getString("status_type"), response.encode());
  }

  static JsonObject queue(String name, String company) {
    return cti(
        "/interact_cti/get_agent_list/",
        new JsonObject().put("queue", name).put("company_id", company));
  }

  static JsonObject entry(JsonObject list, String half, String name) {
    Object agents = list.getJsonObject("result").getValue(half);
    if (!(agents instanceof JsonArray array)) {
      return null;
    }
    return array.stream()
        .map(JsonObject.class::cast)
        .filter(a -> name.equals(a.getString("name")))
        .findFirst()
        .orElse(null);
  }

  @Test
  void theSeedsTabsExampleSentVerbatimAnswersExactlyAsPrinted() {
    String request =
        """
        {
          "date_begin": "2020-09-02 00:00:00",
          "date_end": "2020-09-02 23:59:59",
          "company_id": "00-f779-4215-96cd-bbb"
        }""";
    String printed =
        """
        {"response":{"list":[{"direction":"dialer-inbound","agent":"Teste",\
        "tab_name":"Telefone Ocupado / Não atende","destination":"08888889999",\
        "mailing_name":"TESTE","start_epoch":"2020-09-02 18:03:12"},\
        {"direction":"dialer-inbound","agent":"Teste","tab_name":"Telefone Ocupado / Não atende",\
        "destination":"08888889999","mailing_name":"TESTE","start_epoch":"2020-09-02 18:01:50"}],\
        "command":"list","status":"ok","status_type":""}}""";
    HttpResponse<Buffer> r = post("/tabs/list_all/", request);
    assertEquals(200, r.statusCode());
    assertEquals(printed, r.bodyAsString());
  }

  @Test
  void theSeedsDialerExampleSentVerbatimAnswersExactlyAsPrinted() {
    String request =
        """
        {
          "date_begin": "2020-09-03 00:00",
          "date_end": "2020-09-03 23:59",
          "destination": "",
          "mailing": "",
          "hangup_cause": "",
          "company_id": "bbbb-f779-4215-96cd-9999"
        }""";
    String printed =
        """
        {"response":{"list":[{"mailing_name":"BASE1","mailing_key":"9998",\
        "destination":"01199999999","date_time_start":"2020-09-03 18:00:00",\
        "ringing_duration":"00:00:19","answer_time":"--:--:--","queue":null,"agent":null,\
        "agent_answer_duration":"--:--:--","hangup_cause":"SUBSCRIBER_ABSENT"},\
        {"mailing_name":"BASE1","mailing_key":"9999","destination":"01199999998",\
        "date_time_start":"2020-09-03 17:59:59","ringing_duration":"00:00:45",\
        "answer_time":"--:--:--","queue":null,"agent":null,"agent_answer_duration":"--:--:--",\
        "hangup_cause":"NO_ANSWER"}],"command":"list","count":2,"status":"ok",\
        "status_type":""}}""";
    HttpResponse<Buffer> r = post("/dialer/list_all/", request);
    assertEquals(printed, r.bodyAsString());
  }

  @Test
  void loginWhileOnABreakIsNotFoundFailedAndKeepsTheBreak() {
    JsonObject carlos = agent("SUPORTE.CARLOS").put("branch", "2009");
    assertStatus("error", "not_found_failed", cti("/interact_cti/agent/login/", carlos));
    assertEquals(
        "On Break",
        entry(queue("FILA_SUPORTE", COMPANY), "logged_in_agents", "SUPORTE.CARLOS")
            .getString("status"));
  }

  @Test
  void loginNeverRewritesTheExtension() {
    assertStatus("ok", "", cti("/interact_cti/agent/login/", agent("DEV").put("branch", "2050")));
    assertEquals(
        "2000",
        entry(queue("FILA_SUPORTE", COMPANY), "logged_in_agents", "DEV").getString("branch"));
  }

  @Test
  void aLoginMoreThanFourHoursAfterTheLogoutStartsANewSession() {
    JsonObject luiz = agent("DESENVOLVIMENTO.LUIZ").put("branch", "2001");
    assertStatus("ok", "", cti("/interact_cti/agent/logout/", luiz));
    extension
        .sandbox()
        .client()
        .post("/__sandbox/clock")
        .sendJsonObject(new JsonObject().put("advance", "PT4H1S"))
        .await();
    assertStatus("ok", "", cti("/interact_cti/agent/login/", luiz));
    JsonObject me =
        entry(queue("FILA_SUPORTE", COMPANY), "logged_in_agents", "DESENVOLVIMENTO.LUIZ");
    assertTrue(Long.parseLong(me.getString("first_login")) > 1578675600L, me.encode());
    assertEquals("0", me.getString("answered_count"));
    assertEquals("0", me.getString("outbound_count"));
  }

  @Test
  void anUnknownCompanyIdIsNoAuthenticationError() {
    JsonObject call =
        new JsonObject().put("agent", "DEV").put("call_id", "c1").put("company_id", "nope");
    assertStatus("ok", "", cti("/interact_cti/call/call_terminate/", call));
    assertStatus("error", "execute_failed", cti("/interact_cti/call/call_hold/", call));
    assertStatus(
        "error",
        "execute_failed",
        cti("/interact_cti/call/call_transfer/", call.copy().put("to", "2000")));
    assertStatus(
        "ok", "", cti("/interact_cti/agent/get_break_list/", agent("DEV").put("company_id", "x")));
  }

  @Test
  void anotherTenantsCompanyIdIsAnUnknownDomainNotItsData() {
    JsonObject other = queue("FILA_VENDAS", VocomTestData.OTHER_COMPANY);
    assertStatus("ok", "", other);
    assertEquals("", other.getJsonObject("result").getValue("logged_in_agents"));
  }

  @Test
  void anUnknownQueueIsOkWithEmptyStrings() {
    JsonObject r = queue("FILA_QUE_NAO_EXISTE", COMPANY);
    assertStatus("ok", "", r);
    assertEquals(
        new JsonObject().put("logged_out_agents", "").put("logged_in_agents", ""),
        r.getJsonObject("result"));
  }

  @Test
  void holdRetrieveAndTransferOfAnyCallIdAreOkAndLinted() {
    JsonObject call = agent("DEV").put("call_id", "no-such-call");
    assertStatus("ok", "", cti("/interact_cti/call/call_hold/", call));
    assertStatus("ok", "", cti("/interact_cti/call/call_hold_retrieve/", call));
    assertStatus("ok", "", cti("/interact_cti/call/call_transfer/", call.copy().put("to", "2000")));
    assertStatus(
        "error", "execute_failed", cti("/interact_cti/call/call_hold/", call.put("call_id", "")));
    var latest = extension.sandbox().server().sandbox().journal().latest(e -> true, 4);
    assertTrue(
        latest.stream().filter(e -> !e.notes().isEmpty()).count() >= 3,
        "the odd call controls are linted");
  }

  @Test
  void clickToCallByAnAgentOnABreakIsPlacedAndLinted() {
    JsonObject call = agent("SUPORTE.CARLOS").put("branch", "2009").put("to", "1199999999");
    JsonObject r = cti("/interact_cti/call/call_services/", call);
    assertStatus("ok", "", r);
    assertEquals(36, r.getString("call_id").length());
    var latest = extension.sandbox().server().sandbox().journal().latest(e -> true, 1).get(0);
    assertTrue(latest.notes().get(0).contains("On Break"), latest.notes().toString());
  }

  @Test
  void presenceIsAllTheParameterCheckAndNumbersComeBackAsNumbers() {
    JsonObject r =
        cti(
            "/interact_cti/agent/state_return_break/",
            new JsonObject().put("agent", 42).putNull("company_id"));
    assertStatus("ok", "", r);
    assertEquals(42, r.getValue("agent"));
    JsonObject empty =
        cti(
            "/interact_cti/agent/get_break_list/",
            new JsonObject().put("agent", "").put("company_id", ""));
    assertStatus("ok", "", empty);
    assertNull(empty.getValue("result"));
  }

  @Test
  void loggedOutAgentsHaveTheirOwnFieldSet() {
    JsonObject dev = entry(queue("FILA_SUPORTE", COMPANY), "logged_out_agents", "DEV");
    assertEquals(
        new JsonObject()
            .put("name", "DEV")
            .put("status", "Logged Out")
            .put("no_answer_count", "0")
            .put("calls_answered", "0")
            .put("ready_time", "0"),
        dev);
  }

  @Test
  void returningFromABreakMakesEvenALoggedOutAgentAvailable() {
    assertStatus("ok", "", cti("/interact_cti/agent/state_return_break/", agent("DEV")));
    assertEquals(
        "Available",
        entry(queue("FILA_SUPORTE", COMPANY), "logged_in_agents", "DEV").getString("status"));
  }

  @Test
  void aPathUnderTheVendorWithoutARouteIsSlimsHtml404() {
    HttpResponse<Buffer> r = post("/interact_cti/agent/no_such_command/", "{}");
    assertEquals(404, r.statusCode());
    assertEquals("text/html", r.getHeader("Content-Type"));
    assertTrue(r.bodyAsString().contains("<h1>Page Not Found</h1>"), r.bodyAsString());
  }
}
