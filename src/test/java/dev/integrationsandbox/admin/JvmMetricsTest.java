package dev.integrationsandbox.admin;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.ChildSandbox;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server binds the JVM's meters a few seconds after it listens, so that they do not slow the
 * first answers; they do reach /__sandbox/metrics. Runs {@code Main} in a child JVM, as users do.
 */
class JvmMetricsTest {

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theJvmMetersAreScrapedSoonAfterStartUp(@TempDir Path dir) throws Exception {
    Vertx vertx = Vertx.vertx();
    try (ChildSandbox sandbox = ChildSandbox.start(dir)) {
      WebClient client = sandbox.client(vertx);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      String metrics = "";
      while (!metrics.contains("jvm_memory_used_bytes") && System.nanoTime() < deadline) {
        Thread.sleep(250);
        metrics = client.get("/__sandbox/metrics").send().await().bodyAsString();
      }
      assertTrue(metrics.contains("jvm_memory_used_bytes"), "no JVM meters in 20 s: " + metrics);
      assertTrue(metrics.contains("jvm_gc_"), "GC meters too");
    } finally {
      vertx.close().await();
    }
  }
}
