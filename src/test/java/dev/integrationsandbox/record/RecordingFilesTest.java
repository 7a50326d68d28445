package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listing reads a file's ends and counts its lines, never more than its scan limit. */
class RecordingFilesTest {

  @TempDir Path dir;

  private static String line(int i, String padding) {
    return new JsonObject()
        .put("format", "integration-sandbox/1")
        .put("id", "ex-" + i)
        .put("at", Instant.ofEpochSecond(1_767_000_000L + i).toString())
        .put("vendor", "btg")
        .put("response", new JsonObject().put("body", new JsonObject().put("at", "not this")))
        .put("padding", padding)
        .encode();
  }

  @Test
  void aFilePastTheScanLimitGetsAnEstimateAndItsLastExchangesTime() throws Exception {
    Path file = dir.resolve("exchanges-big.jsonl");
    String padding = "x".repeat(1000);
    int lines = (int) (RecordingFiles.SCAN_MAX_BYTES * 1.25 / 1200);
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < lines; i++) {
        out.write(line(i, padding));
        out.write('\n');
      }
    }
    assertTrue(Files.size(file) > RecordingFiles.SCAN_MAX_BYTES);
    JsonObject d =
        RecordingFiles.describe(new RecordingFiles.Source(file, RecordingFiles.Role.RECORD));
    assertFalse(d.getBoolean("linesExact"));
    assertEquals(lines, d.getLong("lines"), lines * 0.02);
    assertEquals(Instant.ofEpochSecond(1_767_000_000L).toString(), d.getString("firstAt"));
    assertEquals(
        Instant.ofEpochSecond(1_767_000_000L + lines - 1).toString(), d.getString("lastAt"));
  }

  @Test
  void aTornLastLineCountsAndGivesItsTime() throws Exception {
    Path file = dir.resolve("exchanges-torn.jsonl");
    String torn = line(2, "y");
    Files.writeString(
        file, line(0, "") + "\n" + line(1, "") + "\n" + torn.substring(0, torn.length() - 10));
    JsonObject d =
        RecordingFiles.describe(new RecordingFiles.Source(file, RecordingFiles.Role.REPLAY));
    assertEquals(3, d.getInteger("lines"));
    assertTrue(d.getBoolean("linesExact"));
    assertEquals(Instant.ofEpochSecond(1_767_000_002L).toString(), d.getString("lastAt"));
  }
}
