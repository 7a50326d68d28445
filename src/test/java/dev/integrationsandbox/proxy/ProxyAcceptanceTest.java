package dev.integrationsandbox.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.record.RecordingReader;
import dev.integrationsandbox.support.BrazilianDocument;
import dev.integrationsandbox.vocom.VocomApi;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Sandbox A in proxy mode in front of sandbox B in emulate mode, over TLS with a self-signed
 * certificate that A trusts only through {@code --upstream-trust}: the emulator is its own fake
 * vendor, and each vendor's whole flow must work through A as it works against B.
 */
@Timeout(60)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProxyAcceptanceTest {

  /** Every credential and token the flows sent or received: none may reach a recording. */
  static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  /**
   * Each sandbox has its own Vert.x: two servers asking one Vert.x for port 0 share one random
   * port, and A would then answer some of B's connections.
   */
  static Vertx vertx;

  static Vertx upstreamVertx;
  static SelfSignedCertificate certificate;
  static TestSandbox upstream;
  static TestSandbox proxy;
  static Path recordings;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    upstreamVertx = Vertx.vertx();
    certificate = SelfSignedCertificate.create("localhost");
    upstream =
        TestSandbox.start(
                upstreamVertx,
                "--tls-cert",
                certificate.certificatePath(),
                "--tls-key",
                certificate.privateKeyPath())
            .await();
    recordings = Files.createTempDirectory("proxy-recordings");
    String b = "https://localhost:" + upstream.port();
    proxy =
        TestSandbox.start(
                vertx,
                "--mode",
                "btg=proxy,postcenter=proxy,hubsoft=proxy,vocom=proxy",
                "--upstream",
                "btg=" + b + ",postcenter=" + b + ",hubsoft=" + b + ",vocom=" + b,
                "--upstream-trust",
                certificate.certificatePath(),
                "--record-dir",
                recordings.toString(),
                "--mask-personal-data")
            .await();
  }

  @AfterAll
  static void stop() {
    proxy.stop().await();
    upstream.stop().await();
    certificate.delete();
    vertx.close().await();
    upstreamVertx.close().await();
  }

  @Test
  void btgsWholeFlowWorksThroughTheProxy() {
    BtgApi btg = new BtgApi(proxy).signedIn();
    SECRETS.add(btg.token());
    SECRETS.add(BtgTestData.SECRET);
    SECRETS.add(
        Base64.getEncoder()
            .encodeToString(
                (BtgTestData.CLIENT + ":" + BtgTestData.SECRET).getBytes(StandardCharsets.UTF_8)));
    assertEquals(200, btg.info().statusCode());
    JsonObject ticket = btg.openTicket(BtgTestData.CPF);
    assertEquals("OPEN", ticket.getString("status"));
    HttpResponse<Buffer> closed = btg.close(BtgTestData.CPF, ticket.getString("id"));
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    assertEquals(
        401, new BtgApi(proxy).as("not-a-token").info().statusCode(), "the upstream decides");
  }

  @Test
  void postCentersWholeFlowWorksThroughTheProxy() {
    String ticket = "/v2/ticket/5cb8eeeb0715437c9126715e/";
    HttpResponse<Buffer> before = postCenter(HttpMethod.GET, ticket);
    assertEquals(200, before.statusCode(), before.bodyAsString());
    HttpResponse<Buffer> close = postCenter(HttpMethod.POST, ticket + "close/");
    assertEquals(200, close.statusCode(), close.bodyAsString());
    assertEquals(400, postCenter(HttpMethod.POST, ticket + "close/").statusCode());
    JsonObject after = postCenter(HttpMethod.GET, ticket).bodyAsJsonObject();
    assertTrue(after.encode().contains("\"is_closed\":true"), after.encode());
  }

  @Test
  void hubSoftsWholeFlowWorksThroughTheProxy() {
    JsonObject grant =
        new JsonObject()
            .put("grant_type", "password")
            .put("client_id", "89")
            .put("client_secret", "sandbox-hubsoft-secret")
            .put("username", "api@iptelecom.sandbox")
            .put("password", "sandbox-hubsoft-password");
    HttpResponse<Buffer> token = proxy.client().post("/oauth/token").sendJsonObject(grant).await();
    assertEquals(200, token.statusCode(), token.bodyAsString());
    String bearer = token.bodyAsJsonObject().getString("access_token");
    SECRETS.addAll(
        List.of(
            bearer,
            token.bodyAsJsonObject().getString("refresh_token"),
            "sandbox-hubsoft-secret",
            "sandbox-hubsoft-password"));
    JsonObject opened =
        proxy
            .client()
            .post("/api/v1/integracao/atendimento")
            .bearerTokenAuthentication(bearer)
            .sendJsonObject(
                new JsonObject()
                    .put("id_cliente_servico", "11000")
                    .put("descricao", "Aberto pelo proxy")
                    .put("nome", "Maria da Silva")
                    .put("telefone", "37999112233")
                    .put("email", "maria@example.com.br"))
            .await()
            .bodyAsJsonObject();
    assertEquals("success", opened.getString("status"), opened.encode());
    long id = opened.getJsonObject("atendimento").getLong("id_atendimento");
    JsonObject closed =
        proxy
            .client()
            .put("/api/v1/integracao/atendimento/" + id)
            .bearerTokenAuthentication(bearer)
            .sendJsonObject(
                new JsonObject()
                    .put("fechar_atendimento", true)
                    .put("parametros", new JsonObject().put("id_ligacao", "1233882731973123")))
            .await()
            .bodyAsJsonObject();
    assertEquals("success", closed.getString("status"), closed.encode());
  }

  @Test
  void vocomsWholeFlowWorksThroughTheProxy() {
    VocomApi vocom = new VocomApi(proxy);
    SECRETS.add(VocomTestData.API_KEY);
    SECRETS.add(VocomTestData.SEED_AUTHORIZATION.substring("Basic ".length()));
    JsonObject dev = VocomTestData.agent(VocomTestData.DEV);
    assertEquals(
        "ok", vocom.cti(VocomTestData.LOGIN, dev.copy().put("branch", "2000")).getString("status"));
    assertEquals("ok", vocom.cti(VocomTestData.BREAK_LIST, dev).getString("status"));
    assertEquals(
        "ok",
        vocom.cti(VocomTestData.LOGOUT, dev.copy().put("branch", "2000")).getString("status"));
    assertFalse(
        "ok"
            .equals(
                VocomApi.response(
                        vocom.post(VocomTestData.LOGIN, "Basic d3Jvbmc6d3Jvbmc=", dev.toBuffer()))
                    .getString("status")));
  }

  /** After the flows, before any other sandbox uses the upstream. */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void everyExchangeIsRecordedOnceAndNoLineHoldsASecret() throws Exception {
    SECRETS.add("sandbox-postcenter-key");
    List<JsonObject> lines = settledRecording();
    int served = journaled(proxy);
    assertEquals(served, journaled(upstream), "every request went through to the upstream");
    assertTrue(served >= 15, "the flows made " + served + " requests");
    assertEquals(served, lines.size(), "one line per exchange");
    assertEquals(
        served, lines.stream().map(l -> l.getString("id")).distinct().count(), "each once");
    Validator format =
        Validator.create(
            JsonSchema.of(
                new JsonObject(Files.readString(Path.of("contracts/recording.schema.json")))),
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("app:///")
                .setOutputFormat(OutputFormat.Basic));
    for (JsonObject line : lines) {
      OutputUnit checked = format.validate(line);
      assertTrue(checked.getValid(), () -> checked.getErrors() + " in " + line.encode());
      assertEquals("proxy", line.getString("mode"));
      String text = line.encode();
      for (String secret : SECRETS) {
        assertFalse(text.contains(secret), "a recorded line holds a secret: " + text);
      }
    }
    Set<String> maskedDocuments = new java.util.HashSet<>();
    for (JsonObject line : lines) {
      String text = line.encode();
      for (String personal :
          List.of(BtgTestData.CPF, "maria@example.com.br", "Maria da Silva", "37999112233")) {
        assertFalse(text.contains(personal), personal + " recorded unmasked: " + text);
      }
      var m =
          java.util.regex.Pattern.compile("/customers/(\\d{11})/")
              .matcher(line.getJsonObject("request").getString("uri"));
      if (m.find()) {
        maskedDocuments.add(m.group(1));
      }
    }
    assertEquals(1, maskedDocuments.size(), "one masked CPF across the flow: " + maskedDocuments);
    assertTrue(BrazilianDocument.isValid(maskedDocuments.iterator().next()));
    JsonObject token =
        lines.stream()
            .filter(l -> "createToken".equals(l.getString("operation")))
            .findFirst()
            .orElseThrow();
    assertEquals(200, token.getJsonObject("response").getInteger("status"));
    assertEquals(
        "***",
        token.getJsonObject("response").getJsonObject("body").getString("access_token"),
        "the shape stays, the token goes");
  }

  /**
   * Vocom's agent name ({@code DEV}) has no format that detection could find: it is masked because
   * the contract marks the field, in requests and in the answers that echo it, and to the same fake
   * in every line, so the login, the break list and the logout stay one agent's.
   */
  @Test
  @Order(Integer.MAX_VALUE - 2)
  void aFieldTheContractMarksIsMaskedThoughNoFormatGivesItAway() throws Exception {
    Set<Object> agents = new java.util.HashSet<>();
    int vocomLines = 0;
    for (JsonObject line : settledRecording()) {
      if (!"vocom".equals(line.getString("vendor"))) {
        continue;
      }
      vocomLines++;
      assertFalse(line.encode().contains("\"DEV\""), line.encode());
      agents.add(line.getJsonObject("request").getJsonObject("body").getValue("agent"));
      Object answer = line.getJsonObject("response").getValue("body");
      if (answer instanceof JsonObject body && body.getJsonObject("response") != null) {
        agents.add(body.getJsonObject("response").getValue("agent"));
      }
    }
    assertTrue(vocomLines >= 4, "the Vocom flow made " + vocomLines + " requests");
    assertEquals(1, agents.size(), "one agent, one fake, requests and answers: " + agents);
    assertTrue(String.valueOf(agents.iterator().next()).matches("\\p{L}+ \\p{L}+"), "" + agents);
  }

  /** The recording once every exchange the proxy served is in it. */
  private static List<JsonObject> settledRecording() throws Exception {
    int served = 0;
    int forwarded = -1;
    List<JsonObject> lines = List.of();
    for (int i = 0; i < 50 && (served != forwarded || lines.size() < served); i++) {
      Thread.sleep(100);
      served = journaled(proxy);
      forwarded = journaled(upstream);
      lines = RecordingReader.readFolder(recordings);
    }
    return lines;
  }

  /** Exchanges in a sandbox's journal (the answer is sent just before it is journaled). */
  private static int journaled(TestSandbox sandbox) {
    return sandbox.server().sandbox().journal().latest(e -> true, Integer.MAX_VALUE).size();
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void withUpstreamCredentialsHeldByTheSandboxLocalAppsUseDummyOnes() {
    Vertx own = Vertx.vertx();
    try {
      String b = "https://localhost:" + upstream.port();
      TestSandbox holding =
          TestSandbox.start(
                  own,
                  Map.of(
                      "SANDBOX_UPSTREAM_BTG_CLIENT_ID", BtgTestData.CLIENT,
                      "SANDBOX_UPSTREAM_BTG_CLIENT_SECRET", BtgTestData.SECRET,
                      "SANDBOX_UPSTREAM_HUBSOFT_CLIENT_ID", "89",
                      "SANDBOX_UPSTREAM_HUBSOFT_CLIENT_SECRET", "sandbox-hubsoft-secret",
                      "SANDBOX_UPSTREAM_HUBSOFT_USERNAME", "api@iptelecom.sandbox",
                      "SANDBOX_UPSTREAM_HUBSOFT_PASSWORD", "sandbox-hubsoft-password"),
                  "--mode",
                  "btg=proxy,hubsoft=proxy",
                  "--upstream",
                  "btg=" + b + ",hubsoft=" + b,
                  "--upstream-trust",
                  certificate.certificatePath())
              .await();
      BtgApi dummy = new BtgApi(holding).as("dummy-token-of-a-local-app");
      HttpResponse<Buffer> info = dummy.info();
      assertEquals(200, info.statusCode(), info.bodyAsString());
      String issued = new BtgApi(holding).issueToken("local-app", "not-the-real-secret");
      assertEquals(3, issued.split("\\.").length, "the sandbox's upstream token, a JWT");
      HttpResponse<Buffer> hubsoft =
          holding
              .client()
              .get("/api/v1/integracao/atendimento/todos?pagina=0&itens_por_pagina=5")
              .bearerTokenAuthentication("dummy")
              .send()
              .await();
      assertEquals(200, hubsoft.statusCode(), hubsoft.bodyAsString());
      assertEquals(
          "success", hubsoft.bodyAsJsonObject().getString("status"), hubsoft.bodyAsString());
      holding.stop().await();
    } finally {
      own.close().await();
    }
  }

  private static HttpResponse<Buffer> postCenter(HttpMethod method, String uri) {
    return proxy
        .client()
        .request(method, uri)
        .putHeader("Authorization", "Key sandbox-postcenter-key")
        .send()
        .await();
  }
}
