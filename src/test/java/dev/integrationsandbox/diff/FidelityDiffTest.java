package dev.integrationsandbox.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.cli.Tools;
import dev.integrationsandbox.record.RecordingReader;
import dev.integrationsandbox.replay.ReplayFlows;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's fidelity diff: each vendor's flow is recorded through a proxy in front of the
 * emulator; the {@code diff} command sends the recording to a fresh emulator of its own and finds
 * no difference, then finds exactly the one field changed in the recording, attributed to the
 * emulator when the changed answer still fits the contract and to the contract when it does not.
 */
@Timeout(120)
class FidelityDiffTest {

  static Path recordings;
  static int exchanges;

  @TempDir Path temp;

  @BeforeAll
  static void record() throws Exception {
    Vertx vertx = Vertx.vertx();
    Vertx upstreamVertx = Vertx.vertx();
    recordings = Files.createTempDirectory("diff-recordings");
    TestSandbox upstream = TestSandbox.start(upstreamVertx).await();
    TestSandbox proxy = ReplayFlows.recordingProxy(vertx, upstream.port(), recordings).await();
    exchanges =
        ReplayFlows.on(proxy, null).btg().size()
            + ReplayFlows.on(proxy, null).postCenter().size()
            + ReplayFlows.on(proxy, null).hubSoft().size()
            + ReplayFlows.on(proxy, null).vocom().size();
    for (int i = 0; i < 50 && RecordingReader.readFolder(recordings).size() < exchanges; i++) {
      Thread.sleep(100);
    }
    proxy.stop().await();
    upstream.stop().await();
    upstreamVertx.close().await();
    vertx.close().await();
    assertEquals(exchanges, RecordingReader.readFolder(recordings).size(), "all recorded");
  }

  @Test
  void aRecordingMadeAgainstTheEmulatorHasNoDifference() throws Exception {
    Path out = temp.resolve("report.json");
    assertEquals(
        0,
        Tools.run(
            new String[] {
              "diff",
              recordings.toString(),
              "--json",
              out.toString(),
              "--vendor-option",
              "vocom.latency.callServices=PT0S"
            }));
    JsonObject report = new JsonObject(Files.readString(out));
    assertEquals(List.of(), report.getJsonArray("differences").getList(), report.encodePrettily());
    assertEquals(exchanges, report.getInteger("exchanges"));
    for (Object o : report.getJsonArray("operations")) {
      assertEquals(1.0, ((JsonObject) o).getDouble("fidelity"), o.toString());
    }
    assertTrue(
        operations(report).containsAll(List.of("btg", "postcenter", "hubsoft", "vocom")),
        report.encode());
  }

  @Test
  void aFieldChangedToAnotherContractValueIsTheEmulatorsDifference() throws Exception {
    JsonObject report = diffAfter(ticket -> ticket.put("status", "CLOSED"), 1);
    JsonObject difference = only(report);
    assertEquals("/status", difference.getString("pointer"));
    assertEquals("enum", difference.getString("kind"));
    assertEquals("CLOSED", difference.getString("recorded"));
    assertEquals("OPEN", difference.getString("emulator"));
    assertEquals("EMULATOR", difference.getString("attribution"));
  }

  @Test
  void aFieldThatBreaksTheContractIsTheContractsDifference() throws Exception {
    JsonObject report = diffAfter(ticket -> ticket.put("status", 7), 1);
    JsonObject difference = only(report);
    assertEquals("/status", difference.getString("pointer"));
    assertEquals("type", difference.getString("kind"));
    assertEquals("CONTRACT", difference.getString("attribution"));
  }

  /**
   * The vendor issued another ticket id than the emulator does: the client sent the vendor's id
   * back, and the diff sends the emulator's own in its place, so closing the ticket still agrees.
   */
  @Test
  void idsLearnedFromARecordedAnswerAreSentAsTheEmulatorsOwn() throws Exception {
    List<JsonObject> lines = RecordingReader.readFolder(recordings);
    String vendorsId = "0f0f0f0f-1111-4222-8333-444444444444";
    for (JsonObject line : lines) {
      if ("createTicket".equals(line.getString("operation"))) {
        String emulatorsId = line.getJsonObject("response").getJsonObject("body").getString("id");
        line.getJsonObject("response").getJsonObject("body").put("id", vendorsId);
        for (JsonObject later : lines) {
          JsonObject request = later.getJsonObject("request");
          request.put("uri", request.getString("uri").replace(emulatorsId, vendorsId));
        }
      }
    }
    Path file = temp.resolve("other-ids.jsonl");
    Files.writeString(
        file, lines.stream().map(JsonObject::encode).collect(Collectors.joining("\n")) + "\n");
    Path out = temp.resolve("other-ids.json");
    assertEquals(0, Tools.run(new String[] {"diff", file.toString(), "--json", out.toString()}));
    assertTrue(Files.readString(out).contains("\"closeTicket\""));
  }

  @Test
  void aMissingRecordingIsBadInput() {
    assertEquals(2, Tools.run(new String[] {"diff", temp.resolve("none.jsonl").toString()}));
  }

  @Test
  void aTargetThatDoesNotAnswerIsBadInputToo() {
    assertEquals(
        2,
        Tools.run(new String[] {"diff", recordings.toString(), "--against", "http://127.0.0.1:1"}));
  }

  /** Diffs the recording after changing the body of BTG's recorded ticket creation. */
  private JsonObject diffAfter(Consumer<JsonObject> change, int expectedExit) throws Exception {
    List<JsonObject> lines = RecordingReader.readFolder(recordings);
    JsonObject created =
        lines.stream()
            .filter(l -> "btg".equals(l.getString("vendor")))
            .filter(l -> "createTicket".equals(l.getString("operation")))
            .findFirst()
            .orElseThrow();
    change.accept(created.getJsonObject("response").getJsonObject("body"));
    Path file = temp.resolve("changed.jsonl");
    Files.writeString(
        file, lines.stream().map(JsonObject::encode).collect(Collectors.joining("\n")) + "\n");
    Path out = temp.resolve("changed.json");
    assertEquals(
        expectedExit, Tools.run(new String[] {"diff", file.toString(), "--json", out.toString()}));
    return new JsonObject(Files.readString(out));
  }

  private static JsonObject only(JsonObject report) {
    JsonArray differences = report.getJsonArray("differences");
    assertEquals(1, differences.size(), report.encodePrettily());
    return differences.getJsonObject(0);
  }

  private static List<String> operations(JsonObject report) {
    return report.getJsonArray("operations").stream()
        .map(o -> ((JsonObject) o).getString("vendor"))
        .distinct()
        .toList();
  }
}
