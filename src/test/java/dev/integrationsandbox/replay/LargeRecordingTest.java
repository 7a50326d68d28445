package dev.integrationsandbox.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.ChildSandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording of 100,000 exchanges of the four vendors is replayed by a server with the recommended
 * 160 MB heap, and its first, middle and last exchanges are found.
 */
class LargeRecordingTest {

  static final int EXCHANGES = 100_000;

  /** What the loaded recording may keep of the heap, leaving the rest to serving. */
  static final long HEAP_AFTER_LOAD_MAX = 100L * 1024 * 1024;

  private static final Pattern USED = Pattern.compile("garbage-first heap.*used (\\d+)K");

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aHundredThousandExchangesReplayInTheRecommendedHeap(@TempDir Path dir) throws Exception {
    Path recording = LargeRecording.write(dir.resolve("large.jsonl"), EXCHANGES);
    long started = System.nanoTime();
    Vertx vertx = Vertx.vertx();
    try (ChildSandbox sandbox =
        ChildSandbox.start(
            dir,
            "--mode",
            "btg=replay,postcenter=replay,hubsoft=replay,vocom=replay",
            "--replay-from",
            recording.toString())) {
      long startMillis = (System.nanoTime() - started) / 1_000_000;
      WebClient client =
          WebClient.create(
              vertx, new WebClientOptions().setDefaultPort(sandbox.port()).setKeepAlive(true));
      for (int i : new int[] {0, EXCHANGES / 2, EXCHANGES - 4}) {
        JsonObject ticket =
            client.get(LargeRecording.ticketPath(i)).send().await().bodyAsJsonObject();
        assertEquals(LargeRecording.ticketId(i), ticket.getString("id"));
      }
      sandbox.jcmd("GC.run");
      Matcher used = USED.matcher(sandbox.jcmd("GC.heap_info"));
      assertTrue(used.find(), "heap info");
      long heap = Long.parseLong(used.group(1)) * 1024;
      System.out.printf(
          "%d exchanges (%d MB of JSON Lines): ready in %d ms, heap after a full GC %d MB%n",
          EXCHANGES, Files.size(recording) >> 20, startMillis, heap >> 20);
      assertTrue(heap < HEAP_AFTER_LOAD_MAX, "heap after load " + (heap >> 20) + " MB");
      assertFalse(sandbox.output().contains("OutOfMemoryError"), sandbox.output());
    } finally {
      vertx.close().await();
    }
  }
}
