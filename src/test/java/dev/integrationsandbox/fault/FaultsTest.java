package dev.integrationsandbox.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.hubsoft.HubSoftApi;
import dev.integrationsandbox.postcenter.PostCenterApi;
import dev.integrationsandbox.vocom.VocomApi;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Faults armed through {@code /__sandbox/faults}, seen by real clients with timeouts: each vendor's
 * presets in its own dialect (and held to its contract after each test), latency past the client's
 * timeout, resets, closes, truncated bodies, N-times and probability faults, worlds, and refused
 * bodies.
 */
@Timeout(60)
class FaultsTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  static final String FAULTS = "/__sandbox/faults";

  static TestSandbox sandbox() {
    return extension.sandbox();
  }

  static WebClient client() {
    return sandbox().client();
  }

  @AfterEach
  void disarm() {
    assertEquals(204, client().delete(FAULTS).send().await().statusCode());
  }

  static HttpResponse<Buffer> arm(JsonObject fault) {
    return client().post(FAULTS).sendJsonObject(fault).await();
  }

  static JsonObject armed(JsonObject fault) {
    HttpResponse<Buffer> r = arm(fault);
    assertEquals(201, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  static JsonObject preset(String vendor, String preset) {
    return new JsonObject().put("vendor", vendor).put("preset", preset);
  }

  static JsonObject kind(String vendor, String kind) {
    return new JsonObject().put("vendor", vendor).put("kind", kind);
  }

  /** A BTG create-ticket request with a client timeout, as an integration would send it. */
  static HttpRequest<Buffer> creating(BtgApi btg, long timeoutMs) {
    return btg.creating(BtgTestData.CPF).timeout(timeoutMs);
  }

  static Future<HttpResponse<Buffer>> create(BtgApi btg, long timeoutMs) {
    return creating(btg, timeoutMs).sendJsonObject(BtgTestData.newTicket());
  }

  static int tickets(BtgApi btg) {
    JsonArray held = btg.storedTickets(BtgTestData.CLIENT);
    return held == null ? 0 : held.size();
  }

  static Throwable failure(Future<?> future) {
    return assertThrows(Throwable.class, () -> future.await());
  }

  @Test
  void btgThrottlingAnswersAtTheGatewayAndCreatesNothing() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    int before = tickets(btg);
    armed(preset("btg", "throttled").put("operation", "createTicket"));

    HttpResponse<Buffer> r = create(btg, 5000).await();

    assertEquals(429, r.statusCode());
    assertEquals(new JsonObject().put("message", "Too Many Requests"), r.bodyAsJsonObject());
    assertEquals("TooManyRequestsException", r.getHeader("x-amzn-ErrorType"));
    assertNotNull(r.getHeader("x-amzn-RequestId"));
    assertEquals(before, tickets(btg), "a throttled call never reaches the API");
    assertEquals(200, create(btg, 5000).await().statusCode(), "armed for one call only");
  }

  @Test
  void btgGatewayTimeoutComesAfterTheTicketWasCreated() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    int before = tickets(btg);
    armed(preset("btg", "gatewayTimeout"));

    HttpResponse<Buffer> r = create(btg, 5000).await();

    assertEquals(504, r.statusCode());
    assertEquals(
        new JsonObject().put("message", "Endpoint request timed out"), r.bodyAsJsonObject());
    assertEquals(before + 1, tickets(btg), "the integration ran; only its answer was lost");
  }

  @Test
  void btgOtherGatewayPresetsSpeakTheGatewaysDialect() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    armed(preset("btg", "quotaExceeded"));
    HttpResponse<Buffer> quota = btg.info();
    assertEquals(429, quota.statusCode());
    assertEquals("Limit Exceeded", quota.bodyAsJsonObject().getString("message"));
    assertEquals("LimitExceededException", quota.getHeader("x-amzn-ErrorType"));

    armed(preset("btg", "badGateway"));
    HttpResponse<Buffer> bad = btg.info();
    assertEquals(502, bad.statusCode());
    assertEquals(new JsonObject().put("message", "Internal server error"), bad.bodyAsJsonObject());
  }

  @Test
  void cognitoOutageHitsTheTokenEndpointNotTheGateway() {
    armed(preset("btg", "cognitoUnavailable"));
    BtgApi btg = new BtgApi(sandbox());
    HttpResponse<Buffer> info = btg.as("not-a-token").info();
    assertEquals(401, info.statusCode(), "the gateway is another host: untouched");

    HttpResponse<Buffer> token =
        btg.requestToken(
            BtgTestData.CLIENT,
            BtgTestData.SECRET,
            BtgApi.form("grant_type", "client_credentials"));

    assertEquals(500, token.statusCode());
    assertEquals(new JsonObject().put("error", "server_error"), token.bodyAsJsonObject());
    assertTrue(token.getHeader("Content-Type").startsWith("application/json"));
  }

  @Test
  void hubSoftRevokedTokenAndMaintenanceAreLaravelsAnswers() {
    HubSoftApi hubsoft = new HubSoftApi(sandbox());
    String token = hubsoft.token();
    armed(preset("hubsoft", "tokenRevoked"));

    HttpResponse<Buffer> revoked =
        hubsoft.send(HttpMethod.POST, HubSoftApi.ATENDIMENTO, token, HubSoftApi.seedBody());
    assertEquals(401, revoked.statusCode());
    assertEquals(new JsonObject().put("message", "Unauthenticated."), revoked.bodyAsJsonObject());

    armed(preset("hubsoft", "maintenance").put("operation", "createToken"));
    HttpResponse<Buffer> down = hubsoft.tokenRequest(HubSoftApi.passwordGrant());
    assertEquals(503, down.statusCode());
    assertEquals(new JsonObject().put("message", "Service Unavailable"), down.bodyAsJsonObject());

    armed(preset("hubsoft", "serverError"));
    HttpResponse<Buffer> broken =
        hubsoft.send(HttpMethod.POST, HubSoftApi.ATENDIMENTO, token, HubSoftApi.seedBody());
    assertEquals(500, broken.statusCode());
    assertEquals(new JsonObject().put("message", "Server Error"), broken.bodyAsJsonObject());
  }

  @Test
  void postCenterPresetsKeepItsStatusAndMessageShape() {
    PostCenterApi postcenter = PostCenterApi.as(sandbox(), PostCenterApi.KEY);
    String ticket = "/v2/ticket/" + PostCenterApi.SEED_TICKET + "/";
    armed(preset("postcenter", "throttled"));

    HttpResponse<Buffer> throttled = postcenter.get(ticket);
    assertEquals(429, throttled.statusCode());
    assertEquals(
        new JsonObject().put("status", 429).put("message", "Too Many Requests"),
        throttled.bodyAsJsonObject());
    assertEquals("60", throttled.getHeader("Retry-After"));

    armed(preset("postcenter", "serverError"));
    HttpResponse<Buffer> broken = postcenter.get(ticket);
    assertEquals(500, broken.statusCode());
    assertEquals(500, broken.bodyAsJsonObject().getInteger("status"));
    assertEquals(200, postcenter.get(ticket).statusCode());
  }

  @Test
  void vocomFailsWithHttp200AndExecuteFailed() {
    armed(preset("vocom", "executeFailed").put("operation", "agentLogin"));

    JsonObject response =
        new VocomApi(sandbox()).cti(VocomTestData.LOGIN, VocomTestData.agent(VocomTestData.DEV));

    assertEquals("error", response.getString("status"));
    assertEquals("execute_failed", response.getString("status_type"));
    assertEquals(VocomTestData.DEV, response.getString("agent"));
    assertEquals("login", response.getString("command"));
  }

  @Test
  void aCustomErrorIsSentAsGiven() {
    armed(
        kind("btg", "error")
            .put("operation", "getTicketsInfo")
            .put("status", 403)
            .put("headers", new JsonObject().put("x-amzn-ErrorType", "AccessDeniedException"))
            .put("body", new JsonObject().put("message", "Forbidden")));

    HttpResponse<Buffer> r = new BtgApi(sandbox()).signedIn().info();

    assertEquals(403, r.statusCode());
    assertEquals(new JsonObject().put("message", "Forbidden"), r.bodyAsJsonObject());
    assertEquals("AccessDeniedException", r.getHeader("x-amzn-ErrorType"));
  }

  @Test
  void latencyLongerThanTheClientsTimeoutIsATimeoutAndChangesNothing() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    int before = tickets(btg);
    armed(kind("btg", "latency").put("latency", "PT1.5S").put("operation", "createTicket"));

    Throwable timedOut = failure(create(btg, 300));
    assertTrue(String.valueOf(timedOut.getMessage()).contains("timeout"), String.valueOf(timedOut));

    sandbox().vertx().timer(1800).await();
    assertEquals(before, tickets(btg), "the client left before the answer: no ticket made");
    JsonObject journaled = latestJournal("createTicket");
    assertEquals(0, journaled.getInteger("status"));
    assertTrue(
        journaled.getString("error").endsWith("the client went away during its latency"),
        journaled.encode());
  }

  @Test
  void latencyShorterThanTheTimeoutDelaysTheNormalAnswer() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    armed(kind("btg", "latency").put("latency", "PT0.4S"));
    long start = System.nanoTime();

    HttpResponse<Buffer> r = create(btg, 5000).await();

    assertEquals(200, r.statusCode());
    assertTrue((System.nanoTime() - start) / 1_000_000 >= 400, "delayed by the fault");
    assertTrue(latestJournal("createTicket").getString("error").contains("delayed PT0.4S"));
  }

  @Test
  void aResetIsAConnectionResetAfterTheTicketWasCreated() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    int before = tickets(btg);
    armed(kind("btg", "reset").put("operation", "createTicket"));

    Throwable reset = failure(create(btg, 5000));

    assertTrue(
        String.valueOf(reset.getMessage()).toLowerCase().contains("reset"), String.valueOf(reset));
    assertEquals(before + 1, tickets(btg));
    JsonObject journaled = latestJournal("createTicket");
    assertEquals(0, journaled.getInteger("status"));
    assertTrue(journaled.getString("error").startsWith("FAULT "), journaled.encode());
  }

  @Test
  void aCloseEndsTheConnectionWithoutAnAnswer() {
    armed(kind("postcenter", "close"));

    Throwable closed =
        failure(
            client()
                .get("/v2/ticket/" + PostCenterApi.SEED_TICKET + "/")
                .putHeader("Authorization", "Key " + PostCenterApi.KEY)
                .timeout(5000)
                .send());

    assertTrue(String.valueOf(closed.getMessage()).contains("closed"), String.valueOf(closed));
  }

  @Test
  void aTruncatedBodyStopsShortOfItsContentLength() {
    armed(kind("hubsoft", "truncate").put("operation", "createToken").put("times", 2));
    HttpClient http =
        sandbox()
            .vertx()
            .createHttpClient(
                new HttpClientOptions()
                    .setDefaultHost("127.0.0.1")
                    .setDefaultPort(sandbox().port()));
    AtomicReference<String> head = new AtomicReference<>();
    try {
      Future<Buffer> body =
          http.request(HttpMethod.POST, "/oauth/token")
              .compose(
                  req ->
                      req.putHeader("Content-Type", "application/json")
                          .idleTimeout(5000)
                          .send(HubSoftApi.passwordGrant().toBuffer()))
              .compose(
                  resp -> {
                    head.set(resp.statusCode() + " " + resp.getHeader("Content-Length"));
                    return resp.body();
                  });

      failure(body);
      String[] statusAndLength = head.get().split(" ");
      assertEquals("200", statusAndLength[0]);
      assertTrue(Integer.parseInt(statusAndLength[1]) > 100, head.get());
    } finally {
      http.close().await();
    }
    Throwable viaWebClient =
        failure(
            client().post("/oauth/token").timeout(5000).sendJsonObject(HubSoftApi.passwordGrant()));
    assertTrue(
        String.valueOf(viaWebClient.getMessage()).contains("closed"), String.valueOf(viaWebClient));
    assertEquals(
        200, new HubSoftApi(sandbox()).tokenRequest(HubSoftApi.passwordGrant()).statusCode());
  }

  /** The operation {@link #callTo} calls, so that a BTG token is still issued normally. */
  static final Map<String, String> OPERATION =
      Map.of(
          "btg", "getTicketsInfo",
          "postcenter", "getTicket",
          "hubsoft", "createToken",
          "vocom", "getAgentList");

  /** One ordinary call to each vendor, with a client timeout. */
  static Future<HttpResponse<Buffer>> callTo(String vendor) {
    return switch (vendor) {
      case "btg" ->
          client()
              .get(BtgTestData.INFO)
              .bearerTokenAuthentication(new BtgApi(sandbox()).signedIn().token())
              .timeout(5000)
              .send();
      case "postcenter" ->
          client()
              .get("/v2/ticket/" + PostCenterApi.SEED_TICKET + "/")
              .putHeader("Authorization", "Key " + PostCenterApi.KEY)
              .timeout(5000)
              .send();
      case "hubsoft" ->
          client().post("/oauth/token").timeout(5000).sendJsonObject(HubSoftApi.passwordGrant());
      default ->
          client()
              .post(VocomTestData.AGENT_LIST)
              .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
              .timeout(5000)
              .sendJsonObject(VocomTestData.queue(VocomTestData.QUEUE));
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"btg", "postcenter", "hubsoft", "vocom"})
  void everyConnectionFaultReachesEveryVendorsClientsAfterItsLatency(String vendor) {
    for (String kind : List.of("reset", "close", "truncate")) {
      armed(kind(vendor, kind).put("latency", "PT0.2S").put("operation", OPERATION.get(vendor)));
      long start = System.nanoTime();

      Throwable cut = failure(callTo(vendor));

      assertTrue((System.nanoTime() - start) / 1_000_000 >= 200, kind + " waits its latency first");
      String message = String.valueOf(cut.getMessage()).toLowerCase();
      assertTrue(message.contains(kind.equals("reset") ? "reset" : "closed"), kind + ": " + cut);
      JsonObject journaled = latestJournal(OPERATION.get(vendor));
      assertEquals(0, journaled.getInteger("status"), kind + " is journaled as an abort");
      assertTrue(journaled.getString("error").startsWith("FAULT "), journaled.getString("error"));
    }
    assertEquals(200, callTo(vendor).await().statusCode(), "each was armed for one call");
  }

  @Test
  void aFaultForTenCallsFailsExactlyTenOfFiftyConcurrentOnes() {
    String token = new BtgApi(sandbox()).signedIn().token();
    armed(preset("btg", "throttled").put("times", 10));
    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(
          client().get(BtgTestData.INFO).bearerTokenAuthentication(token).timeout(10_000).send());
    }
    Future.all(calls).await();

    assertEquals(10, calls.stream().filter(c -> c.result().statusCode() == 429).count());
    assertTrue(listed(null).isEmpty());
  }

  @Test
  void aFaultArmedForThreeCallsFailsThreeAndIsGone() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    String id = armed(preset("btg", "throttled").put("times", 3)).getString("id");

    assertEquals(429, btg.info().statusCode());
    assertEquals(2, listed(null).getJsonObject(0).getInteger("remaining"));
    assertEquals(429, btg.info().statusCode());
    assertEquals(429, btg.info().statusCode());
    assertEquals(200, btg.info().statusCode());
    assertTrue(listed(null).isEmpty(), "used up");
    assertEquals(404, client().delete(FAULTS + "/" + id).send().await().statusCode());
  }

  @Test
  void aProbabilityFaultFailsAboutThatShareOfCalls() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    JsonObject fault = armed(preset("btg", "throttled").put("probability", 0.5));
    assertNull(fault.getValue("remaining"), "no times: unlimited");

    List<Future<HttpResponse<Buffer>>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(btg.request(HttpMethod.GET, BtgTestData.INFO).timeout(10_000).send());
    }
    Future.all(calls).await();
    long throttled = calls.stream().filter(c -> c.result().statusCode() == 429).count();

    assertTrue(throttled > 50 && throttled < 150, throttled + " of 200 throttled at p=0.5");
    assertEquals(1, listed(null).size(), "still armed");
  }

  @Test
  void aWorldsFaultLeavesOtherWorldsAlone() {
    String world = "faulty";
    HttpResponse<Buffer> r =
        client()
            .post(FAULTS + "?world=" + world)
            .sendJsonObject(preset("vocom", "executeFailed").put("times", 5))
            .await();
    assertEquals(201, r.statusCode());
    assertEquals(world, r.bodyAsJsonObject().getString("world"));

    JsonObject untouched = login(null);
    assertEquals(
        "ok", untouched.getString("status"), "the default world is untouched: " + untouched);
    assertEquals("error", login(world).getString("status"));
    assertEquals(1, listed(world).size());
    assertTrue(listed("other").isEmpty());

    assertEquals(204, client().delete("/__sandbox/worlds/" + world).send().await().statusCode());
    assertTrue(listed(world).isEmpty(), "a deleted world takes its faults with it");
    assertEquals("ok", login(world).getString("status"));
  }

  static JsonObject login(String world) {
    var request =
        client()
            .post(VocomTestData.LOGIN)
            .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
            .timeout(5000);
    if (world != null) {
      request.putHeader("X-Sandbox-World", world);
    }
    return VocomApi.response(
        request
            .sendJsonObject(VocomTestData.agent(VocomTestData.DEV).put("branch", "2000"))
            .await());
  }

  @Test
  void listingShowsTheArmedFaultsAndEveryVendorsPresets() {
    JsonObject fault =
        armed(
            kind("hubsoft", "latency")
                .put("latency", "PT2S")
                .put("operation", "createAtendimento")
                .put("times", 4));

    HttpResponse<Buffer> r = client().get(FAULTS).send().await();

    assertEquals(200, r.statusCode());
    JsonObject listed = r.bodyAsJsonObject().getJsonArray("faults").getJsonObject(0);
    assertEquals(fault, listed);
    assertEquals("latency", listed.getString("kind"));
    assertEquals(4, listed.getInteger("remaining"));
    JsonObject presets = r.bodyAsJsonObject().getJsonObject("presets");
    assertTrue(presets.getJsonArray("btg").contains("gatewayTimeout"));
    assertTrue(presets.getJsonArray("hubsoft").contains("tokenRevoked"));
    assertTrue(presets.getJsonArray("vocom").contains("executeFailed"));
    assertTrue(presets.getJsonArray("postcenter").contains("throttled"));
    assertEquals(
        204, client().delete(FAULTS + "/" + fault.getString("id")).send().await().statusCode());
    assertTrue(listed(null).isEmpty());
  }

  @Test
  void faultedCallsAreJournaledAndCounted() {
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    String id = armed(preset("btg", "throttled")).getString("id");
    btg.info();

    JsonObject journaled = latestJournal("getTicketsInfo");
    assertEquals(429, journaled.getInteger("status"));
    assertEquals("FAULT " + id + " error throttled", journaled.getString("error"));
    String metrics = client().get("/__sandbox/metrics").send().await().bodyAsString();
    assertTrue(
        metrics.contains("sandbox_faults_injected_total{kind=\"error\",vendor=\"btg\"}"), metrics);
  }

  @Test
  void coverageNeitherCountsNorExpectsFaultedAnswers() {
    client().delete("/__sandbox/coverage").send().await();
    BtgApi btg = new BtgApi(sandbox()).signedIn();
    armed(preset("btg", "throttled").put("operation", "getTicketsInfo"));
    assertEquals(429, btg.info().statusCode());
    assertEquals(200, btg.info().statusCode());

    JsonObject info =
        client()
            .get("/__sandbox/coverage?vendor=btg")
            .send()
            .await()
            .bodyAsJsonObject()
            .getJsonObject("vendors")
            .getJsonObject("btg")
            .getJsonObject("operations")
            .getJsonObject("getTicketsInfo");

    assertEquals(1, info.getInteger("calls"), info.encode());
    assertFalse(info.encode().contains("429"), "a fault-only answer is not declared: " + info);
  }

  @Test
  void badBodiesAreRefusedNamingTheField() {
    assertRefused(preset("btgg", "throttled"), "did you mean btg");
    assertRefused(preset("btg", "throttld"), "did you mean throttled");
    assertRefused(preset("btg", "throttled").put("operation", "createTickt"), "createTicket");
    assertRefused(preset("btg", "throttled").put("operation", "createToken"), "does not apply");
    assertRefused(preset("btg", "throttled").put("kind", "reset"), "either preset");
    assertRefused(new JsonObject().put("vendor", "btg"), "either preset");
    assertRefused(kind("btg", "explode"), "kind 'explode'");
    assertRefused(kind("btg", "error"), "status");
    assertRefused(kind("btg", "latency"), "latency is required");
    assertRefused(kind("btg", "latency").put("latency", "5s"), "ISO-8601");
    assertRefused(kind("btg", "latency").put("latency", "PT1H"), "PT5M");
    assertRefused(preset("btg", "throttled").put("probability", 2), "probability");
    assertRefused(preset("btg", "throttled").put("times", 0), "times");
    assertRefused(preset("btg", "throttled").put("tims", 2), "did you mean times");
    assertRefused(preset("btg", "throttled").put("world", "a b"), "world");
    assertRefused(preset("btg", "throttled").put("status", 500), "status");
    assertRefused(
        kind("btg", "error")
            .put("status", 500)
            .put("headers", new JsonObject().put("Content-Length", "3")),
        "frames the answer");
    assertRefused(
        kind("btg", "error").put("status", 503).put("body", "x".repeat(Faults.MAX_REQUEST_BYTES)),
        "at most " + Faults.MAX_REQUEST_BYTES + " bytes");
    HttpResponse<Buffer> notJson = client().post(FAULTS).sendBuffer(Buffer.buffer("{")).await();
    assertEquals(400, notJson.statusCode());
    assertTrue(listed(null).isEmpty(), "nothing armed by a refused body");
  }

  static void assertRefused(JsonObject body, String saying) {
    HttpResponse<Buffer> r = arm(body);
    assertEquals(400, r.statusCode(), body.encode());
    String error = r.bodyAsJsonObject().getString("error");
    assertTrue(error.contains(saying), error);
  }

  static JsonArray listed(String world) {
    return client()
        .get(world == null ? FAULTS : FAULTS + "?world=" + world)
        .send()
        .await()
        .bodyAsJsonObject()
        .getJsonArray("faults");
  }

  static JsonObject latestJournal(String operation) {
    return client()
        .get("/__sandbox/journal?limit=1&operation=" + operation)
        .send()
        .await()
        .bodyAsJsonObject()
        .getJsonArray("exchanges")
        .getJsonObject(0);
  }
}
