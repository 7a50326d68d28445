package dev.integrationsandbox.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.contract.ContractDocument;
import dev.integrationsandbox.vocom.VocomApi;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The admin API under /__sandbox/, as a test suite in CI drives it. Each test has a sandbox of its
 * own, started with an admin token: the metrics and the journal count from zero. As under {@link
 * dev.integrationsandbox.SandboxExtension}, every vendor answer is held to its contract after each
 * test.
 */
@Timeout(30)
class AdminApiTest {

  static final String ADMIN_TOKEN = "s3cret";

  static Vertx vertx;
  TestSandbox sandbox;
  WebClient client;
  BtgApi btg;

  @BeforeAll
  static void vertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void closeVertx() {
    vertx.close().await();
  }

  @BeforeEach
  void start() {
    sandbox = TestSandbox.start(vertx, "--admin-token", ADMIN_TOKEN).await();
    client = sandbox.client();
    btg = new BtgApi(sandbox);
  }

  @AfterEach
  void stop() {
    try {
      sandbox.verifyContracts().await();
    } finally {
      sandbox.stop().await();
    }
  }

  @Test
  void healthListsEveryVendorWithItsModeAndOperations() {
    HttpResponse<Buffer> r = client.get("/__sandbox/health").send().await();
    assertEquals(200, r.statusCode());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals("UP", body.getString("status"));
    JsonObject btg = body.getJsonObject("vendors").getJsonObject("btg");
    assertEquals("emulate", btg.getString("mode"));
    assertEquals(operationsIn("btg-tickets.yaml"), btg.getInteger("operations"));
    assertEquals(
        operationsIn("vocom.yaml"),
        body.getJsonObject("vendors").getJsonObject("vocom").getInteger("operations"));
  }

  /** How many operations the contract file declares, as vertx-openapi loads it. */
  static int operationsIn(String contract) {
    Path file = Path.of("contracts", contract);
    ContractDocument doc = vertx.executeBlocking(() -> ContractDocument.read(file)).await();
    int operations = OpenAPIContract.from(vertx, doc.loadable()).await().operations().size();
    assertTrue(operations > 0, contract + " declares no operation");
    return operations;
  }

  @Test
  void theClockAdvancesSetsAndFreezes() {
    Instant before = Instant.now();
    HttpResponse<Buffer> advanced = sandbox.clock(new JsonObject().put("advance", "PT1H"));
    Instant now = Instant.parse(advanced.bodyAsJsonObject().getString("now"));
    assertTrue(Duration.between(before, now).toMinutes() >= 59);
    sandbox.clock(new JsonObject().put("freeze", true));
    sandbox.clock(new JsonObject().put("set", "2026-01-01T09:00:00Z"));
    assertEquals(
        new JsonObject().put("now", "2026-01-01T09:00:00Z").put("frozen", true),
        client.get("/__sandbox/clock").send().await().bodyAsJsonObject());
  }

  @Test
  void badClockRequestsAreClearErrors() {
    assertEquals(400, sandbox.clock(new JsonObject().put("advance", "an hour")).statusCode());
    assertEquals(
        400,
        sandbox.clock(new JsonObject().put("advance", "PT1H").put("freeze", true)).statusCode());
    assertEquals(
        400,
        client.post("/__sandbox/clock").sendBuffer(Buffer.buffer("{nope")).await().statusCode());
    HttpResponse<Buffer> r = sandbox.clock(new JsonObject().put("freeze", "yes"));
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("error").contains("freeze"));
  }

  @Test
  void theJournalFiltersByVendorOperationAndStatusNewestFirst() {
    btg.signedIn().info();
    btg.info();

    JsonArray all =
        journal("/__sandbox/journal?vendor=btg&operation=getTicketsInfo").getJsonArray("exchanges");
    assertEquals(2, all.size());
    assertEquals(401, all.getJsonObject(0).getInteger("status"), "newest first");
    assertEquals(200, all.getJsonObject(1).getInteger("status"));

    JsonArray found = journal("/__sandbox/journal?status=401&limit=1").getJsonArray("exchanges");
    assertEquals(1, found.size());
    JsonObject unauthorized = found.getJsonObject(0);
    assertEquals("UNAUTHORIZED: no Authorization header", unauthorized.getString("error"));
    assertEquals("emulate", unauthorized.getString("mode"));

    JsonObject e =
        journal("/__sandbox/journal?operation=createToken")
            .getJsonArray("exchanges")
            .getJsonObject(0);
    String shown = e.encode();
    assertEquals(
        "***", e.getJsonObject("request").getJsonObject("headers").getString("authorization"));
    assertEquals(
        "***", e.getJsonObject("response").getJsonObject("body").getString("access_token"));
    assertFalse(shown.contains(BtgTestData.SECRET));
    assertFalse(shown.contains("eyJ"), "no token in the journal");

    assertEquals(400, client.get("/__sandbox/journal?limit=0").send().await().statusCode());
  }

  @Test
  void theJournalWithoutBodiesKeepsEverythingButTheHeadersAndBodies() {
    btg.signedIn().info();
    JsonObject full =
        journal("/__sandbox/journal?operation=getTicketsInfo&limit=1")
            .getJsonArray("exchanges")
            .getJsonObject(0);
    JsonObject brief =
        journal("/__sandbox/journal?operation=getTicketsInfo&limit=1&bodies=false")
            .getJsonArray("exchanges")
            .getJsonObject(0);
    assertTrue(full.containsKey("response"));
    full.remove("request");
    full.remove("response");
    assertEquals(full, brief);
    HttpResponse<Buffer> unclear = client.get("/__sandbox/journal?bodies=maybe").send().await();
    assertEquals(400, unclear.statusCode());
    assertTrue(unclear.bodyAsString().contains("bodies must be true or false"));
  }

  JsonObject journal(String uri) {
    return client.get(uri).send().await().bodyAsJsonObject();
  }

  @Test
  void resetOfAnUnknownVendorIsABadRequest() {
    HttpResponse<Buffer> r = sandbox.reset("acme");
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("error").contains("acme"));
  }

  @Test
  void aWrongAdminTokenIsRefusedAndTheRightOneAccepted() {
    assertEquals(401, getWithAdminToken("/__sandbox/clock", "guess").statusCode());
    assertEquals(200, getWithAdminToken("/__sandbox/clock", ADMIN_TOKEN).statusCode());
  }

  HttpResponse<Buffer> getWithAdminToken(String uri, String token) {
    return client.get(uri).putHeader(AdminRoutes.TOKEN_HEADER, token).send().await();
  }

  @Test
  void adminAnswersFollowTheAdminContract() {
    Path file = Path.of("contracts/sandbox-admin.yaml");
    ContractDocument doc = vertx.executeBlocking(() -> ContractDocument.read(file)).await();
    ResponseValidator validator =
        ResponseValidator.create(vertx, OpenAPIContract.from(vertx, doc.loadable()).await());
    AdminContract admin = new AdminContract(validator);

    admin.check("getHealth", client.get("/__sandbox/health").send().await());
    admin.check("getClock", client.get("/__sandbox/clock").send().await());
    admin.check("setClock", sandbox.clock(new JsonObject().put("advance", "PT1M")));
    admin.check("setClock", sandbox.clock(new JsonObject()));
    admin.check("reset", sandbox.reset("vocom"));
    btg.signedIn();
    admin.check("getJournal", client.get("/__sandbox/journal?limit=5").send().await());
    admin.check("getState", client.get("/__sandbox/state?vendor=btg").send().await());
    admin.check("getMetrics", client.get("/__sandbox/metrics").send().await());
    admin.check("getAbout", client.get("/__sandbox/about").send().await());
    admin.check("getHealth", getWithAdminToken("/__sandbox/health", "guess"));
    admin.check("clearJournal", client.delete("/__sandbox/journal").send().await());
    JsonObject throttle = new JsonObject().put("vendor", "btg").put("preset", "throttled");
    HttpResponse<Buffer> armed = client.post("/__sandbox/faults").sendJsonObject(throttle).await();
    admin.check("armFault", armed);
    admin.check(
        "armFault",
        client.post("/__sandbox/faults").sendJsonObject(throttle.copy().put("times", 0)).await());
    admin.check("listFaults", client.get("/__sandbox/faults").send().await());
    String fault = "/__sandbox/faults/" + armed.bodyAsJsonObject().getString("id");
    admin.check("disarmFault", client.delete(fault).send().await());
    admin.check("disarmFault", client.delete(fault).send().await());
    admin.check("disarmFaults", client.delete("/__sandbox/faults").send().await());
  }

  /**
   * Holds admin answers to {@code contracts/sandbox-admin.yaml}, failing on the first that strays.
   */
  record AdminContract(ResponseValidator validator) {
    void check(String operationId, HttpResponse<Buffer> r) {
      String type = r.getHeader("Content-Type");
      validator
          .validate(
              ValidatableResponse.create(
                  r.statusCode(), r.body(), type == null ? null : type.split(";")[0]),
              operationId)
          .await();
    }
  }

  @Test
  void onlyLoopbackAddressesCountAsLocal() {
    assertTrue(AdminGuard.isLoopback("127.0.0.1"));
    assertTrue(AdminGuard.isLoopback("127.8.9.10"));
    assertTrue(AdminGuard.isLoopback("0:0:0:0:0:0:0:1"));
    assertFalse(AdminGuard.isLoopback("10.0.0.7"));
    assertFalse(AdminGuard.isLoopback("172.17.0.1"));
  }

  @Test
  void metricsCountRequestsByVendorOperationModeAndStatus() {
    btg.signedIn().info();
    btg.as("x").info();
    new VocomApi(sandbox)
        .post(VocomTestData.LOGIN, VocomTestData.SEED_AUTHORIZATION, new JsonObject().toBuffer());

    HttpResponse<Buffer> r = client.get("/__sandbox/metrics").send().await();
    assertEquals(200, r.statusCode());
    assertTrue(r.getHeader("Content-Type").startsWith("text/plain"));
    String text = r.bodyAsString();
    assertTrue(
        text.contains(
            "sandbox_requests_total{mode=\"emulate\",operation=\"getTicketsInfo\",status=\"200\",vendor=\"btg\"} 1.0"),
        text);
    assertTrue(
        text.contains(
            "sandbox_requests_total{mode=\"emulate\",operation=\"getTicketsInfo\",status=\"401\",vendor=\"btg\"} 1.0"));
    assertTrue(text.contains("sandbox_request_duration_seconds_bucket{"));
    assertTrue(
        text.contains(
            "sandbox_contract_violations_total{in=\"request\",operation=\"agentLogin\",vendor=\"vocom\"} 1.0"),
        "the login without keys broke the contract");
  }
}
