package dev.integrationsandbox.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.cli.Tools;
import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's acceptance: each vendor's flow is recorded through sandbox A in proxy mode in front of
 * sandbox B in emulate mode; B and A stop; sandbox C replays the recording, and the same client
 * flow, sending back the ids it learned, sees the same answers in the same order.
 */
@Timeout(60)
class ReplayAcceptanceTest {

  static Vertx vertx;
  static Path recordings;
  static TestSandbox replay;
  static List<String> btg;
  static List<String> postCenter;
  static List<String> hubSoft;
  static List<String> vocom;
  static JsonObject adminHar;

  @BeforeAll
  static void recordThenReplay() throws Exception {
    vertx = Vertx.vertx();
    Vertx upstreamVertx = Vertx.vertx();
    recordings = Files.createTempDirectory("replay-recordings");
    TestSandbox upstream = TestSandbox.start(upstreamVertx).await();
    TestSandbox proxy = ReplayFlows.recordingProxy(vertx, upstream.port(), recordings).await();
    btg = ReplayFlows.on(proxy, null).btg();
    postCenter = ReplayFlows.on(proxy, null).postCenter();
    hubSoft = ReplayFlows.on(proxy, null).hubSoft();
    vocom = ReplayFlows.on(proxy, null).vocom();
    int served = btg.size() + postCenter.size() + hubSoft.size() + vocom.size();
    for (int i = 0; i < 50 && RecordingReader.readFolder(recordings).size() < served; i++) {
      Thread.sleep(100);
    }
    HttpResponse<Buffer> har = proxy.client().get("/__sandbox/recording.har").send().await();
    assertEquals(200, har.statusCode(), har.bodyAsString());
    adminHar = har.bodyAsJsonObject();
    proxy.stop().await();
    upstream.stop().await();
    upstreamVertx.close().await();
    assertEquals(served, RecordingReader.readFolder(recordings).size(), "all recorded");
    replay =
        TestSandbox.start(
                vertx,
                "--mode",
                "btg=replay,postcenter=replay,hubsoft=replay,vocom=replay",
                "--replay-from",
                recordings.toString())
            .await();
  }

  @AfterAll
  static void stop() {
    replay.stop().await();
    vertx.close().await();
  }

  @Test
  void btgsFlowGetsTheRecordedAnswersInOrderWithItsTicketId() {
    assertSameFlow(btg, "btg-flow", ReplayFlows::btg);
    assertTrue(btg.get(2).contains("\"status\":\"OPEN\""), btg.get(2));
    assertTrue(btg.get(4).startsWith("4"), "closing twice was refused: " + btg.get(4));
  }

  @Test
  void postCentersFlowGetsTheRecordedAnswersInOrder() {
    assertSameFlow(postCenter, "postcenter-flow", ReplayFlows::postCenter);
  }

  @Test
  void hubSoftsFlowGetsTheRecordedAnswersInOrderWithItsAtendimentoId() {
    assertSameFlow(hubSoft, "hubsoft-flow", ReplayFlows::hubSoft);
  }

  @Test
  void vocomsFlowGetsTheRecordedAnswersInOrder() {
    assertSameFlow(vocom, "vocom-flow", ReplayFlows::vocom);
  }

  /**
   * In a world of its own the flow starts at the recording's beginning; again in the same world it
   * gets each request's last answer; after a reset of that world, the beginning again. Tokens are
   * the one thing that differs: the recording never held them, and the replay issues its own.
   */
  private static void assertSameFlow(
      List<String> recorded, String world, Function<ReplayFlows, List<String>> flow) {
    List<String> replayed = flow.apply(ReplayFlows.on(replay, world));
    assertEquals(withoutTokens(recorded), withoutTokens(replayed));
    for (String answer : replayed) {
      assertFalse(answer.contains("\"***\""), "a token was issued, not the mark: " + answer);
    }
    List<String> again = flow.apply(ReplayFlows.on(replay, world));
    assertEquals(
        withoutTokens(recorded).get(recorded.size() - 1),
        withoutTokens(again).get(again.size() - 1));
    HttpResponse<Buffer> reset =
        replay.client().post("/__sandbox/reset?world=" + world).send().await();
    assertEquals(200, reset.statusCode(), reset.bodyAsString());
    assertEquals(withoutTokens(recorded), withoutTokens(flow.apply(ReplayFlows.on(replay, world))));
  }

  static List<String> withoutTokens(List<String> answers) {
    return answers.stream().map(a -> TOKEN.matcher(a).replaceAll("\"$1\":\"(token)\"")).toList();
  }

  static final Pattern TOKEN = Pattern.compile("\"(access_token|refresh_token)\":\"[^\"]*\"");

  @Test
  void aChangedBodyFieldGetsANearMissNamingIt() {
    HttpResponse<Buffer> miss =
        ReplayFlows.on(replay, "near-miss")
            .authorized(HttpMethod.POST, "/api/v1/integracao/atendimento", "Bearer ***")
            .sendJsonObject(ReplayFlows.hubSoftTicket("Outra descrição"))
            .await();
    assertEquals(404, miss.statusCode(), miss.bodyAsString());
    String header = miss.getHeader(ReplayMode.MISS_HEADER);
    assertTrue(header != null && header.contains("body /descricao"), String.valueOf(header));
    JsonObject closest = miss.bodyAsJsonObject().getJsonArray("closest").getJsonObject(0);
    assertEquals(
        List.of(
            new JsonObject()
                .put("in", "body")
                .put("where", "/descricao")
                .put("recorded", "Aberto pelo proxy")),
        closest.getJsonArray("differences").getList().stream()
            .map(d -> d instanceof JsonObject o ? o : new JsonObject((java.util.Map) d))
            .toList());
    String journal =
        replay
            .client()
            .get("/__sandbox/journal/" + miss.getHeader("X-Sandbox-Exchange-Id"))
            .send()
            .await()
            .bodyAsString();
    assertTrue(journal.contains("replay miss"), journal);
  }

  @Test
  void aChangedPathOrQueryIsNamedToo() {
    HttpResponse<Buffer> otherCpf =
        ReplayFlows.on(replay, "near-miss-path")
            .authorized(HttpMethod.GET, BtgTestData.INFO + "?page=2", "Bearer ***")
            .send()
            .await();
    assertEquals(404, otherCpf.statusCode());
    assertTrue(
        otherCpf.getHeader(ReplayMode.MISS_HEADER).contains("query page"),
        otherCpf.getHeader(ReplayMode.MISS_HEADER));
    HttpResponse<Buffer> otherTicket =
        ReplayFlows.on(replay, "near-miss-path")
            .authorized(
                HttpMethod.DELETE,
                BtgTestData.ticket(BtgTestData.CPF, "6f1c1e0a-0000-4000-8000-000000000000"),
                "Bearer x")
            .send()
            .await();
    assertEquals(404, otherTicket.statusCode(), otherTicket.bodyAsString());
    assertTrue(
        otherTicket.getHeader(ReplayMode.MISS_HEADER).contains(": path"),
        otherTicket.getHeader(ReplayMode.MISS_HEADER));
  }

  @Test
  void anExportedHarValidatesKeepsSecretsMaskedAndReplaysLikeTheRecording(@TempDir Path dir)
      throws Exception {
    Path har = dir.resolve("flows.har");
    assertEquals(0, Tools.run(new String[] {"export-har", recordings.toString(), har.toString()}));
    JsonObject exported = new JsonObject(Files.readString(har));
    Validator schema =
        Validator.create(
            JsonSchema.of(
                new JsonObject(
                    Files.readString(Path.of("src/test/resources/har-1.2.schema.json")))),
            new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("app:///")
                .setOutputFormat(OutputFormat.Basic));
    int recorded = RecordingReader.readFolder(recordings).size();
    for (JsonObject archive : List.of(exported, adminHar)) {
      OutputUnit checked = schema.validate(archive);
      assertTrue(checked.getValid(), () -> String.valueOf(checked.getErrors()));
      assertEquals(recorded, archive.getJsonObject("log").getJsonArray("entries").size());
      String text = archive.encode();
      for (String secret : secrets()) {
        assertFalse(text.contains(secret), "the HAR holds a secret: " + secret);
      }
    }
    TestSandbox fromHar = replayOf(har);
    try {
      assertEquals(withoutTokens(btg), withoutTokens(ReplayFlows.on(fromHar, null).btg()));
      assertEquals(withoutTokens(hubSoft), withoutTokens(ReplayFlows.on(fromHar, null).hubSoft()));
      assertEquals(postCenter, ReplayFlows.on(fromHar, null).postCenter());
      assertEquals(vocom, ReplayFlows.on(fromHar, null).vocom());
    } finally {
      fromHar.stop().await();
      fromHar.vertx().close().await();
    }
  }

  @Test
  void aHarSavedByAnotherToolIsGivenToVendorsByPath(@TempDir Path dir) throws Exception {
    Path har = dir.resolve("browser.har");
    JsonObject archive = adminHar.copy();
    archive
        .getJsonObject("log")
        .getJsonArray("entries")
        .forEach(
            e -> {
              JsonObject entry = (JsonObject) e;
              entry.remove("_vendor");
              entry.remove("_operation");
              entry.remove("_id");
            });
    Files.writeString(har, archive.encode());
    TestSandbox fromHar = replayOf(har);
    try {
      assertEquals(withoutTokens(btg), withoutTokens(ReplayFlows.on(fromHar, null).btg()));
      assertEquals(postCenter, ReplayFlows.on(fromHar, null).postCenter());
    } finally {
      fromHar.stop().await();
      fromHar.vertx().close().await();
    }
  }

  /**
   * A sandbox replaying {@code har}, on a Vert.x of its own: two servers of one Vert.x asking for
   * port 0 share one port, and the other sandbox would answer some of this one's requests.
   */
  private static TestSandbox replayOf(Path har) {
    return TestSandbox.start(
            Vertx.vertx(),
            "--mode",
            "btg=replay,postcenter=replay,hubsoft=replay,vocom=replay",
            "--replay-from",
            har.toString())
        .await();
  }

  /** What the flows sent or were given that no recording or archive may hold. */
  private static List<String> secrets() {
    List<String> found =
        new java.util.ArrayList<>(
            List.of(
                BtgTestData.SECRET,
                "sandbox-hubsoft-secret",
                "sandbox-hubsoft-password",
                "sandbox-postcenter-key",
                dev.integrationsandbox.vocom.VocomTestData.API_KEY));
    for (String answer : List.of(btg.get(0), hubSoft.get(0))) {
      JsonObject grant = new JsonObject(answer.substring(answer.indexOf(' ') + 1));
      found.add(grant.getString("access_token"));
      if (grant.containsKey("refresh_token")) {
        found.add(grant.getString("refresh_token"));
      }
    }
    return found;
  }

  @Test
  void replayProgressSaysWhatWasServedAndWhatNever() {
    ReplayFlows.on(replay, "progress")
        .authorized(HttpMethod.GET, "/v2/ticket/5cb8eeeb0715437c9126715e/", "Key x")
        .send()
        .await();
    JsonObject progress =
        replay.client().get("/__sandbox/replay?world=progress").send().await().bodyAsJsonObject();
    JsonObject pc =
        progress.getJsonArray("vendors").stream()
            .map(JsonObject.class::cast)
            .filter(v -> v.getString("vendor").equals("postcenter"))
            .findFirst()
            .orElseThrow();
    assertEquals(postCenter.size(), pc.getInteger("recorded"));
    assertEquals(1, pc.getInteger("servedCount"), pc.encode());
    assertEquals(postCenter.size() - 1, pc.getInteger("neverServedCount"));
    assertEquals("getTicket", pc.getJsonArray("served").getJsonObject(0).getString("operation"));
  }
}
