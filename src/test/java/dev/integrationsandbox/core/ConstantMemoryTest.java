package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.ChildSandbox;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's and the Docker image's JVM flags (a 160 MB heap) with the default body limit and
 * journal: a sandbox that keeps every body it was sent runs out of memory after about 80 requests
 * of 1 MB. This runs the real server in a child JVM with those flags and sends 300.
 */
class ConstantMemoryTest {

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void threeHundredOneMegabyteRequestsFitTheRecommendedHeap(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ChildSandbox sandbox = ChildSandbox.start(dir)) {
      WebClient client = sandbox.client(vertx);
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
      String output = sandbox.output();
      assertFalse(output.contains("OutOfMemoryError"), output);
      assertFalse(output.contains("ERROR"), output);
    } finally {
      vertx.close().await();
    }
  }
}
