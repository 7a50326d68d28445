package dev.integrationsandbox.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What replay holds in memory is bounded: recordings past {@code --replay-max-size} or {@code
 * --replay-max-exchanges} stop the start with one line naming the limit, before they are read
 * whole.
 */
@Timeout(60)
class RecordingLimitsTest {

  @TempDir Path dir;
  Vertx vertx;
  Path folder;

  @BeforeEach
  void recordTenExchanges() throws Exception {
    vertx = Vertx.vertx();
    folder = Files.createDirectory(dir.resolve("rec"));
    LargeRecording.write(folder.resolve("exchanges-20260115T100000.000Z-0001.jsonl"), 10);
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aFolderLargerThanTheSizeLimitIsRefusedNamingIt() throws Exception {
    long size = Files.size(folder.resolve("exchanges-20260115T100000.000Z-0001.jsonl"));
    Exception refused =
        assertThrows(Exception.class, () -> start("--replay-max-size", "1KiB").await());
    assertEquals(
        "--replay-from: the recordings are "
            + size
            + " bytes, more than --replay-max-size 1KiB (raise it, and the heap with it, or"
            + " replay fewer files)",
        refused.getMessage());
  }

  @Test
  void moreExchangesOfTheReplayedVendorsThanTheLimitAreRefusedNamingIt() {
    Exception refused =
        assertThrows(Exception.class, () -> start("--replay-max-exchanges", "2").await());
    assertEquals(
        "--replay-from: the recordings hold more than --replay-max-exchanges 2 exchanges of the"
            + " replayed vendors (raise it, and the heap with it, or replay fewer files)",
        refused.getMessage());
  }

  /** The ten exchanges hold three of PostCenter (every fourth). */
  @Test
  void exchangesOfVendorsNotReplayedDoNotCount() {
    TestSandbox sandbox = start("--replay-max-exchanges", "3").await();
    try {
      assertEquals(
          LargeRecording.ticketId(8),
          sandbox
              .client()
              .get(LargeRecording.ticketPath(8))
              .send()
              .await()
              .bodyAsJsonObject()
              .getString("id"));
    } finally {
      sandbox.stop().await();
    }
  }

  private io.vertx.core.Future<TestSandbox> start(String... limit) {
    String[] args = new String[limit.length + 4];
    args[0] = "--mode";
    args[1] = "postcenter=replay";
    args[2] = "--replay-from";
    args[3] = folder.toString();
    System.arraycopy(limit, 0, args, 4, limit.length);
    return TestSandbox.start(vertx, args);
  }
}
