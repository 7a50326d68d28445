package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's and the Docker image's JVM flags (a 160 MB heap) with the default body limit and
 * journal: a sandbox that keeps every body it was sent runs out of memory after about 80 requests
 * of 1 MB. This runs the real server in a child JVM with those flags and sends 300.
 */
class ConstantMemoryTest {

  private static final Pattern READY = Pattern.compile("ready in \\d+ ms on http://[^:]+:(\\d+)");

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void threeHundredOneMegabyteRequestsFitTheRecommendedHeap(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("sandbox.log");
    Process sandbox =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m",
                "-Xmx160m",
                "-XX:MaxGCPauseMillis=5",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.integrationsandbox.Main",
                "--port",
                "0",
                "--host",
                "127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    Vertx vertx = Vertx.vertx();
    try {
      int port = awaitPort(sandbox, log);
      WebClient client =
          WebClient.create(vertx, new WebClientOptions().setDefaultPort(port).setKeepAlive(true));
      Buffer megabyte = Buffer.buffer(new byte[1_000_000]);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        statuses.add(
            client
                .post(VocomTestData.LOGIN)
                .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
                .putHeader("Content-Type", "application/json")
                .sendBuffer(megabyte)
                .await()
                .statusCode());
      }
      assertTrue(statuses.stream().allMatch(s -> s == 200), "Vocom answers 200, even to junk");
      assertEquals(
          200, client.get("/__sandbox/health").send().await().statusCode(), "still answering");
      String output = Files.readString(log, StandardCharsets.UTF_8);
      assertFalse(output.contains("OutOfMemoryError"), output);
      assertFalse(output.contains("ERROR"), output);
    } finally {
      sandbox.destroy();
      sandbox.waitFor(10, TimeUnit.SECONDS);
      vertx.close().await();
    }
  }

  private static int awaitPort(Process sandbox, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!sandbox.isAlive()) {
        throw new AssertionError("sandbox exited: " + Files.readString(log));
      }
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          Matcher m = READY.matcher(line);
          if (m.find()) {
            return Integer.parseInt(m.group(1));
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("sandbox did not start: " + Files.readString(log));
  }
}
