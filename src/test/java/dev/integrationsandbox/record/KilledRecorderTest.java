package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.ChildSandbox;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recording sandbox killed with {@code kill -9} right after its last answer keeps every exchange
 * it answered, since an answer goes out only once its line is in the operating system's hands. A
 * writer that looked at its queue every few milliseconds lost the exchanges of those milliseconds,
 * and one woken at once still lost the last one when the kill came before it ran.
 */
class KilledRecorderTest {

  static final int ROUNDS = 5;
  static final int EXCHANGES = 40;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void aKilledSandboxLosesAtMostTheExchangeInFlight(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Path recordings = Files.createDirectories(dir.resolve("rec-" + round));
        ChildSandbox sandbox =
            ChildSandbox.start(
                dir, "--record-dir", recordings.toString(), "--mode", "vocom=emulate");
        WebClient client =
            WebClient.create(
                vertx, new WebClientOptions().setDefaultPort(sandbox.port()).setKeepAlive(true));
        for (int i = 0; i < EXCHANGES; i++) {
          assertEquals(
              200,
              client
                  .post(VocomTestData.LOGIN)
                  .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
                  .sendJsonObject(new JsonObject().put("agent", "DEV"))
                  .await()
                  .statusCode());
        }
        sandbox.process().destroyForcibly();
        assertTrue(sandbox.process().waitFor(30, TimeUnit.SECONDS));
        client.close();
        long lines = recordedLines(recordings);
        assertEquals(EXCHANGES, lines, "round " + round + ": every answered exchange recorded");
      }
    } finally {
      vertx.close().await();
    }
  }

  private static long recordedLines(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      long lines = 0;
      for (Path file : files.toList()) {
        List<String> read = Files.readAllLines(file);
        lines += read.stream().filter(l -> l.endsWith("}")).count();
      }
      return lines;
    }
  }
}
