package dev.integrationsandbox.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.inspector.BtgRecording;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code GET /__sandbox/recordings} and {@code /__sandbox/fidelity} on a real recording of BTG's
 * flow, replayed from, and on a copy of it whose info answer gained a field the emulator never
 * sends.
 */
@Timeout(60)
class RecordingRoutesTest {

  private static Vertx vertx;
  private static TestSandbox sandbox;
  private static Path recording;
  private static Path changed;

  @BeforeAll
  static void start() throws Exception {
    Path folder = BtgRecording.record();
    recording = BtgRecording.file(folder);
    changed = Files.createTempDirectory("changed").resolve("changed.jsonl");
    Files.writeString(
        changed,
        BtgRecording.lines(folder).stream()
            .map(
                line -> {
                  if ("getTicketsInfo".equals(line.getString("operation"))) {
                    line.getJsonObject("response").getJsonObject("body").put("unexpected", true);
                  }
                  return line.encode();
                })
            .collect(Collectors.joining("\n", "", "\n")),
        StandardCharsets.UTF_8);
    vertx = Vertx.vertx();
    sandbox =
        TestSandbox.start(vertx, "--mode", "btg=replay", "--replay-from", folder + "," + changed)
            .await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static HttpResponse<Buffer> fidelity(String file) {
    return sandbox.client().post("/__sandbox/fidelity").addQueryParam("file", file).send().await();
  }

  @Test
  void theListingGivesEachFilesSizeExchangesAndTimeSpan() throws Exception {
    HttpResponse<Buffer> r = sandbox.client().get("/__sandbox/recordings").send().await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray files = r.bodyAsJsonObject().getJsonArray("files");
    assertEquals(2, files.size(), files.encodePrettily());
    JsonObject first = files.getJsonObject(0);
    List<JsonObject> lines = BtgRecording.lines(recording.getParent());
    assertEquals(recording.toString(), first.getString("path"));
    assertEquals("replay", first.getString("role"));
    assertEquals(Files.size(recording), first.getLong("bytes"));
    assertEquals(BtgRecording.EXCHANGES, first.getInteger("lines"));
    assertTrue(first.getBoolean("linesExact"));
    assertEquals(lines.get(0).getString("at"), first.getString("firstAt"));
    assertEquals(lines.get(lines.size() - 1).getString("at"), first.getString("lastAt"));
  }

  @Test
  void anUnchangedRecordingAgreesWithTheEmulatorAndTheReportStays() {
    HttpResponse<Buffer> r = fidelity(recording.toString());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject report = r.bodyAsJsonObject();
    assertEquals(BtgRecording.EXCHANGES, report.getInteger("exchanges"));
    assertEquals(0, report.getInteger("differenceCount"), report.encodePrettily());
    JsonObject info =
        report.getJsonArray("operations").stream()
            .map(JsonObject.class::cast)
            .filter(o -> o.getString("operation").equals("getTicketsInfo"))
            .findFirst()
            .orElseThrow();
    assertEquals(1.0, info.getDouble("fidelity"));
  }

  @Test
  void aChangedFieldIsReportedAtItsPointerAndKeptForThePage() {
    HttpResponse<Buffer> r = fidelity(changed.toString());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonArray differences = r.bodyAsJsonObject().getJsonArray("differences");
    assertEquals(1, differences.size(), differences.encodePrettily());
    assertEquals("/unexpected", differences.getJsonObject(0).getString("pointer"));
    assertEquals("getTicketsInfo", differences.getJsonObject(0).getString("operation"));
    JsonObject last = sandbox.client().get("/__sandbox/fidelity").send().await().bodyAsJsonObject();
    assertEquals(r.bodyAsJsonObject(), last);
  }

  /**
   * Each event loop has its own router: a page that reads the report on another connection, and so
   * maybe another loop, than the one that ran the diff sees the same report.
   */
  @Test
  void theLastReportIsTheSandboxsOnEveryConnection() {
    HttpResponse<Buffer> r = fidelity(recording.toString());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    for (int i = 0; i < 8; i++) {
      WebClient fresh = WebClient.create(vertx, new WebClientOptions().setKeepAlive(false));
      try {
        HttpResponse<Buffer> last =
            fresh.get(sandbox.port(), "localhost", "/__sandbox/fidelity").send().await();
        assertEquals(200, last.statusCode(), "connection " + i + ": " + last.bodyAsString());
        assertEquals(r.bodyAsJsonObject(), last.bodyAsJsonObject());
      } finally {
        fresh.close();
      }
    }
  }

  @Test
  void onlyAListedFileIsDiffed() {
    HttpResponse<Buffer> r = fidelity("/etc/passwd");
    assertEquals(404, r.statusCode());
    assertTrue(r.bodyAsString().contains("no listed recording"), r.bodyAsString());
  }
}
