package dev.integrationsandbox.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.record.PersonalDataMask;
import dev.integrationsandbox.record.RecordingReader;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recording lifecycle commands, run as the jar runs them, on files in a temporary folder. */
class RecordingToolsTest {

  static final String CPF = "52998224725";

  @Test
  void eraseRemovesEveryExchangeAboutTheDocumentMaskedOrNot(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("mask.key");
    Files.write(key, "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    String masked = PersonalDataMask.withKeyFile(key).text(CPF);
    assertFalse(masked.equals(CPF));
    Path rec = Files.createDirectory(dir.resolve("rec"));
    Files.write(
        rec.resolve("exchanges-20260101T000000Z-1.jsonl"),
        List.of(
            line("masked", "/customers/" + masked + "/tickets", null),
            line("punctuated", "/other", new JsonObject().put("doc", "529.982.247-25")),
            line("someone-else", "/customers/11144477735/tickets", null)),
        StandardCharsets.UTF_8);
    String out =
        run(
            "erase",
            rec.toString(),
            "--document",
            "529.982.247-25",
            "--mask-key-file",
            key.toString());
    assertTrue(out.contains("removed masked (btg createTicket"), out);
    assertTrue(out.contains("removed punctuated"), out);
    assertTrue(out.contains("removed 2 exchanges"), out);
    assertEquals(
        List.of("someone-else"),
        RecordingReader.readFolder(rec).stream().map(l -> l.getString("id")).toList());
  }

  @Test
  void eraseRefusesSomethingThatIsNoDocument(@TempDir Path dir) {
    assertEquals(2, Tools.run(new String[] {"erase", dir.toString(), "--document", "123"}));
  }

  @Test
  void expireDeletesTheFilesWrittenBeforeTheLimit(@TempDir Path dir) throws Exception {
    Path old = dir.resolve("exchanges-20250101T000000Z-1.jsonl");
    Path recent = dir.resolve("exchanges-20260101T000000Z-1.jsonl");
    Files.writeString(old, line("a", "/x", null) + "\n");
    Files.writeString(recent, line("b", "/x", null) + "\n");
    Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(40))));
    String out = run("expire", dir.toString(), "--older-than", "P30D");
    assertTrue(out.contains("removed " + old.getFileName()), out);
    assertTrue(out.contains("removed 1 files"), out);
    assertFalse(Files.exists(old));
    assertTrue(Files.exists(recent));
  }

  private static String line(String id, String uri, Object body) {
    return new JsonObject()
        .put("format", 1)
        .put("id", id)
        .put("at", "2026-01-01T00:00:00Z")
        .put("vendor", "btg")
        .put("operation", "createTicket")
        .put("request", new JsonObject().put("method", "POST").put("uri", uri).put("body", body))
        .put("response", new JsonObject().put("status", 200))
        .encode();
  }

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, Tools.run(args));
    } finally {
      System.setOut(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
