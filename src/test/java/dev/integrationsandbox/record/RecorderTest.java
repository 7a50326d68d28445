package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.Exchange.Captured;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder's files: one line per exchange, rotation, refusals, and torn lines on reading. */
class RecorderTest {

  @TempDir Path folder;

  static Exchange exchange(String responseBody) {
    return exchange(responseBody, "application/json");
  }

  static Exchange exchange(String responseBody, String contentType) {
    return new Exchange(
        UUID.randomUUID().toString(),
        Instant.parse("2026-11-23T12:00:00Z"),
        "postcenter",
        "getTicket",
        Mode.PROXY,
        HttpMethod.GET,
        "/v2/ticket/583dcb2855d0a46e438d0206/",
        MultiMap.caseInsensitiveMultiMap().add("Authorization", "Key pc-key-000111"),
        Captured.EMPTY,
        200,
        contentType,
        MultiMap.caseInsensitiveMultiMap(),
        Captured.of(Buffer.buffer(responseBody), 1 << 20),
        List.of(),
        null,
        List.of(),
        1_500_000,
        "default");
  }

  @Test
  void eachExchangeIsOneLineAndFilesRotateAtTheirSize() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Recorder recorder =
        new Recorder(
            folder, new Redactor(Set.of()), null, 1000, 4096, Duration.ofSeconds(1), registry);
    for (int i = 0; i < 10; i++) {
      recorder.onExchange(
          exchange("{\"id\":\"" + i + "\",\"subject\":\"" + "x".repeat(200) + "\"}"));
    }
    recorder.close().toCompletionStage().toCompletableFuture().get();
    List<JsonObject> lines = RecordingReader.readFolder(folder);
    assertEquals(10, lines.size());
    assertEquals("0", lines.get(0).getJsonObject("response").getJsonObject("body").getString("id"));
    assertEquals("9", lines.get(9).getJsonObject("response").getJsonObject("body").getString("id"));
    assertTrue(RecordingReader.files(folder).size() >= 3, "rotated past 1000 bytes");
    for (Path file : RecordingReader.files(folder)) {
      assertTrue(Files.size(file) <= 1000 || Files.readAllLines(file).size() == 1);
    }
    assertEquals(
        "***",
        lines.get(0).getJsonObject("request").getJsonObject("headers").getString("authorization"));
    assertEquals(10.0, registry.counter("sandbox_recording_lines").count());
  }

  @Test
  void aLineStillHoldingASeenSecretIsRefusedAndCounted() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Recorder recorder =
        new Recorder(
            folder, new Redactor(Set.of()), null, 1 << 20, 4096, Duration.ofSeconds(1), registry);
    recorder.onExchange(exchange("{\"subject\":\"customer pasted pc-key-000111 here\"}"));
    recorder.onExchange(exchange("{\"subject\":\"fine\"}"));
    recorder.close().toCompletionStage().toCompletableFuture().get();
    assertEquals(1, RecordingReader.readFolder(folder).size());
    assertEquals(1.0, registry.counter("sandbox_recording_refused").count());
  }

  /**
   * Lines are written token by token, but what they hold must be what the redactor and the mask
   * make of the body as a whole: replay matches live requests redacted and masked that way.
   */
  @Test
  void eachBodyIsRecordedAsTheRedactorAndTheMaskShowIt() throws Exception {
    Redactor redactor = new Redactor(Set.of("configured-secret-value"));
    PersonalDataMask mask = PersonalDataMask.withRandomKey();
    String[][] bodies = {
      {
        "{\"auth\":{\"password\":\"p4ssw0rd-1\"},\"tokens\":[\"a\",{\"id_token\":1}]}",
        "application/json"
      },
      {
        "[\"Bearer abcdefghijkl\", \"eyJhbGciOi.eyJzdWIiOi.sig\", 12.5, true, null]",
        "application/json"
      },
      {
        "{\"nome\":\"Maria da Silva\",\"telefone\":\"37999112233\",\"n\":{\"cpf\":\"52998224725\"}}",
        "application/json"
      },
      {
        "{\"note\":\"configured-secret-value inside\",\"email\":\"maria@example.com.br\"}",
        "text/plain"
      },
      {"{\"password\":\"hunter2-long\", broken", "application/json"},
      {"{\"a\":1} {\"b\":2}", "application/json"},
      {
        "client_id=abc&client_secret=s3cr3t-value&nome=Jo%C3%A3o",
        "application/x-www-form-urlencoded"
      },
      {
        "{\"telefone\":37999112233,\"cpf\":52998224725,\"id\":42,\"big\":12345678901234567890}",
        "application/json"
      },
      {"   ", "application/json"},
      {"\"just a string with 529.982.247-25\"", "application/json"},
      {"x".repeat(5000), "text/plain"}
    };
    Recorder recorder =
        new Recorder(
            folder,
            redactor,
            mask,
            1 << 20,
            4096,
            Duration.ofSeconds(1),
            new SimpleMeterRegistry());
    for (String[] body : bodies) {
      recorder.onExchange(exchange(body[0], body[1]));
    }
    recorder.close().toCompletionStage().toCompletableFuture().get();
    List<JsonObject> lines = RecordingReader.readFolder(folder);
    assertEquals(bodies.length, lines.size());
    for (int i = 0; i < bodies.length; i++) {
      Object expected = mask.json(redactor.body(Buffer.buffer(bodies[i][0]), bodies[i][1], 4096));
      assertEquals(expected, lines.get(i).getJsonObject("response").getValue("body"), bodies[i][0]);
    }
    String all = Files.readString(RecordingReader.files(folder).get(0));
    for (String secret :
        List.of(
            "p4ssw0rd-1",
            "configured-secret-value",
            "hunter2-long",
            "s3cr3t-value",
            "Maria",
            "37999112233",
            "52998224725")) {
      assertFalse(all.contains(secret), secret);
    }
  }

  /**
   * Exchanges waiting for a writer that falls behind are bounded in bytes, not only in number: 100
   * one-megabyte answers offered at once keep at most {@link Recorder#QUEUED_BYTES_MAX}, and each
   * is either written or counted as dropped.
   */
  @Test
  void theExchangesWaitingForTheWriterAreBoundedInBytes() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Recorder recorder =
        new Recorder(
            folder, new Redactor(Set.of()), null, 1L << 30, 4096, Duration.ofSeconds(1), registry);
    String large = "\"" + "x".repeat(1 << 20) + "\"";
    int offered = 100;
    for (int i = 0; i < offered; i++) {
      recorder.onExchange(exchange(large));
      assertTrue(
          recorder.queuedBytes() <= Recorder.QUEUED_BYTES_MAX,
          "waiting: " + recorder.queuedBytes() + " bytes");
    }
    recorder.close().toCompletionStage().toCompletableFuture().get();
    double dropped = registry.get("sandbox_recording_dropped").counter().count();
    assertEquals(offered, RecordingReader.readFolder(folder).size() + (int) dropped);
    assertEquals(0, recorder.queuedBytes());
  }

  @Test
  void aTornLastLineIsSkippedButABrokenMiddleLineIsAnError() throws IOException {
    Path file = folder.resolve("exchanges-20261123T120000.000Z-0001.jsonl");
    Files.writeString(
        file, "{\"id\":\"a\"}\n{\"id\":\"b\"}\n{\"id\":\"c\",\"resp", StandardCharsets.UTF_8);
    assertEquals(2, RecordingReader.readFolder(folder).size());
    Files.writeString(file, "\n{\"id\":\"d\"}\n", StandardOpenOption.APPEND);
    assertThrows(IOException.class, () -> RecordingReader.readFolder(folder));
  }
}
