package dev.integrationsandbox.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spy mode in front of an emulator: the recorded request is answered from the recording (a body the
 * emulator would never send proves it), the others go to the upstream and are recorded; what was
 * answered from the recording is not written to it again.
 */
@Timeout(60)
class SpyModeTest {

  static final String TICKET = "/v2/ticket/5cb8eeeb0715437c9126715e/";

  @Test
  void whatIsRecordedIsReplayedAndOnlyTheRestForwardedAndRecorded(@TempDir Path dir)
      throws Exception {
    Path recording = dir.resolve("known.jsonl");
    JsonObject recordedAnswer = new JsonObject().put("id", "from-the-recording");
    Files.writeString(
        recording,
        ReplayModeTest.line("r1", "GET", TICKET, null, 200, recordedAnswer)
                .put("vendor", "postcenter")
                .encode()
            + "\n");
    Path grown = Files.createDirectory(dir.resolve("grown"));
    Vertx upstreamVertx = Vertx.vertx();
    Vertx vertx = Vertx.vertx();
    TestSandbox upstream = TestSandbox.start(upstreamVertx).await();
    TestSandbox spy =
        TestSandbox.start(
                vertx,
                "--mode",
                "postcenter=spy",
                "--upstream",
                "postcenter=http://127.0.0.1:" + upstream.port(),
                "--replay-from",
                recording.toString(),
                "--record-dir",
                grown.toString())
            .await();
    try {
      HttpResponse<Buffer> known = send(spy, HttpMethod.GET, TICKET);
      assertEquals(recordedAnswer, known.bodyAsJsonObject());
      HttpResponse<Buffer> close = send(spy, HttpMethod.POST, TICKET + "close/");
      assertEquals(200, close.statusCode(), close.bodyAsString());
      assertEquals(
          new JsonObject().put("status", 200).put("message", "Ok"), close.bodyAsJsonObject());
      String upstreamTicket = send(upstream, HttpMethod.GET, TICKET).bodyAsString();
      assertTrue(upstreamTicket.contains("\"is_closed\":true"), "the upstream closed it");
      JsonObject progress = spy.client().get("/__sandbox/replay").send().await().bodyAsJsonObject();
      assertEquals(1, progress.getJsonArray("vendors").getJsonObject(0).getInteger("servedCount"));
      List<JsonObject> lines = List.of();
      for (int i = 0; i < 50 && lines.isEmpty(); i++) {
        Thread.sleep(100);
        lines = RecordingReader.readFolder(grown);
      }
      // one writer thread writes in order: a recorded GET would come before the close
      assertEquals(
          List.of("POST " + TICKET + "close/"),
          lines.stream()
              .map(
                  l ->
                      l.getJsonObject("request").getString("method")
                          + " "
                          + l.getJsonObject("request").getString("uri"))
              .toList());
      assertEquals("spy", lines.get(0).getString("mode"));
    } finally {
      spy.stop().await();
      upstream.stop().await();
      vertx.close().await();
      upstreamVertx.close().await();
    }
  }

  private static HttpResponse<Buffer> send(TestSandbox sandbox, HttpMethod method, String uri) {
    return sandbox
        .client()
        .request(method, uri)
        .putHeader("Authorization", "Key sandbox-postcenter-key")
        .send()
        .await();
  }
}
