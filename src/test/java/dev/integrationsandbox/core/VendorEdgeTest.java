package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the vendors' edges (API gateways, web servers) refuse before any operation runs, answered in
 * each vendor's dialect: an outside audit found these answered bare, with HTTP/1.0 status lines, or
 * as 500s.
 */
@Timeout(30)
class VendorEdgeTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  static TestSandbox sandbox() {
    return extension.sandbox();
  }

  static JsonObject message(HttpResponse<Buffer> r) {
    return r.bodyAsJsonObject();
  }

  @Test
  void aUrlPastTheGatewaysLimitIs414InTheGatewaysDialect() {
    String uri = BtgTestData.INFO + "?pad=" + "x".repeat(10_300);
    HttpResponse<Buffer> r = sandbox().client().get(uri).send().await();
    assertEquals(414, r.statusCode());
    assertTrue(message(r).containsKey("message"), r.bodyAsString());
    assertEquals("HTTP_1_1", r.version().name());
  }

  @Test
  void aHeaderBlockPastTheGatewaysLimitIs431InTheGatewaysDialect() {
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .get(BtgTestData.INFO)
            .putHeader("X-Pad", "y".repeat(10_300))
            .send()
            .await();
    assertEquals(431, r.statusCode());
    assertTrue(message(r).containsKey("message"), r.bodyAsString());
  }

  @Test
  void anExpectationOtherThan100ContinueIs417InTheVendorsDialect() {
    HttpResponse<Buffer> r =
        sandbox().client().get(BtgTestData.INFO).putHeader("Expect", "teapot").send().await();
    assertEquals(417, r.statusCode());
    assertTrue(message(r).containsKey("message"), r.bodyAsString());
  }

  /**
   * Vocom's refusals at the HTTP level come from the web server in front of Slim: its error page
   * with the status, never Slim's 404 (which would tell a client the path does not exist) nor an
   * HTTP 200 {@code params_failed} from an application that never ran.
   */
  @Test
  void vocomsWebServerRefusesWithItsOwnStatusAndPage() {
    HttpResponse<Buffer> longUrl =
        sandbox()
            .client()
            .post(VocomTestData.LOGIN + "?pad=" + "x".repeat(20_000))
            .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
            .send()
            .await();
    assertEquals(414, longUrl.statusCode());
    assertTrue(longUrl.getHeader("Content-Type").startsWith("text/html"));
    assertTrue(longUrl.bodyAsString().contains("<title>414 Request-URI Too Long</title>"));

    HttpResponse<Buffer> expect =
        sandbox()
            .client()
            .post(VocomTestData.LOGIN)
            .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
            .putHeader("Expect", "teapot")
            .sendJsonObject(VocomTestData.agent(VocomTestData.DEV))
            .await();
    assertEquals(417, expect.statusCode());
    assertTrue(expect.bodyAsString().contains("Expectation Failed"), expect.bodyAsString());
  }

  @Test
  void aKnownPathWithAnUndeclaredMethodIs405WithAllow() {
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .request(HttpMethod.DELETE, "/v2/ticket/1/close/")
            .putHeader("Authorization", "Key sandbox-postcenter-key")
            .send()
            .await();
    assertEquals(405, r.statusCode(), r.bodyAsString());
    assertEquals("POST", r.getHeader("Allow"));
    assertEquals(405, message(r).getInteger("status"));
  }

  @Test
  void aGetThatCarriesAJsonContentTypeAndAnEmptyObjectIsServed() {
    String token = new BtgApi(sandbox()).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .get(BtgTestData.INFO)
            .putHeader("Authorization", "Bearer " + token)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("{}"))
            .await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  @Test
  void aFormEncodedVocomBodyLargerThanAKilobyteIsReadAsRawJson() {
    JsonObject body =
        VocomTestData.agent("DEV")
            .put("padding", "p".repeat(4_000))
            .put("company_id", VocomTestData.COMPANY);
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .post("/interact_cti/agent/get_break_list/")
            .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
            .putHeader("Content-Type", "application/x-www-form-urlencoded")
            .sendBuffer(body.toBuffer())
            .await();
    assertEquals(200, r.statusCode());
    assertEquals("ok", message(r).getJsonObject("response").getString("status"), r.bodyAsString());
  }

  @Test
  void aBodyOverTheLimitWithABadKeyIsAnAuthenticationFailure() {
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .post("/interact_cti/agent/get_break_list/")
            .putHeader(
                "Authorization",
                "Basic " + java.util.Base64.getEncoder().encodeToString("api_key:wrong".getBytes()))
            .sendBuffer(Buffer.buffer(new byte[2 * 1024 * 1024]))
            .await();
    assertEquals(
        "authentication_failed",
        message(r).getJsonObject("response").getString("status_type"),
        r.bodyAsString());
  }

  @Test
  void aClockMovedPastTheCalendarIsRefusedAndTheVendorsKeepAnswering() {
    for (JsonObject change :
        new JsonObject[] {
          new JsonObject().put("advance", "PT9223372036854775807S"),
          new JsonObject().put("set", "+1000000000-12-31T23:59:59Z"),
          new JsonObject().put("advance", "P365000D")
        }) {
      HttpResponse<Buffer> r = sandbox().clock(change);
      assertEquals(400, r.statusCode(), change + " " + r.bodyAsString());
    }
    String token = new BtgApi(sandbox()).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
    assertFalse(token.isEmpty());
  }

  @Test
  void pathsNoVendorOwnsDoNotShowTheRoutingTable() {
    HttpResponse<Buffer> r = sandbox().client().get("/nowhere").send().await();
    assertEquals(404, r.statusCode());
    assertEquals(new JsonObject().put("message", "Not Found"), message(r));
  }

  @Test
  void everyAnswerNamesItsExchangeInTheJournal() {
    HttpResponse<Buffer> r = sandbox().client().get(BtgTestData.INFO).send().await();
    String id = r.getHeader("X-Sandbox-Exchange-Id");
    HttpResponse<Buffer> entry = sandbox().client().get("/__sandbox/journal/" + id).send().await();
    assertEquals(200, entry.statusCode());
    assertEquals(r.statusCode(), entry.bodyAsJsonObject().getInteger("status"));
  }
}
