package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.vocom.VocomTestData.BARBARA;
import static dev.integrationsandbox.vocom.VocomTestData.BREAK_LIST;
import static dev.integrationsandbox.vocom.VocomTestData.CALL;
import static dev.integrationsandbox.vocom.VocomTestData.DEV;
import static dev.integrationsandbox.vocom.VocomTestData.SEED_AUTHORIZATION;
import static dev.integrationsandbox.vocom.VocomTestData.agent;
import static dev.integrationsandbox.vocom.VocomTestData.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configured latency of {@code call_services} delays the answer without holding up other
 * requests: clients rehearse the real ten-second call while the event loop stays free.
 */
@Timeout(30)
class VocomLatencyTest {

  @TempDir Path dir;
  Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void close() {
    vertx.close().await();
  }

  /** Starts a sandbox with {@code latency} as Vocom's latency option. */
  Future<TestSandbox> startWithLatency(String latency) throws IOException {
    Path config = dir.resolve("sandbox.yaml");
    Files.writeString(config, "vendors:\n  vocom:\n    latency:\n      " + latency + "\n");
    return TestSandbox.start(vertx, "--config", config.toString());
  }

  @Test
  void callServicesWaitsForItsConfiguredLatencyWhileOthersAnswerAtOnce() throws IOException {
    TestSandbox sandbox = startWithLatency("callServices: PT0.6S").await();
    try {
      VocomApi vocom = new VocomApi(sandbox);
      long start = System.nanoTime();
      Future<Integer> slowStatus =
          vocom
              .send(CALL, SEED_AUTHORIZATION, call(BARBARA, "2008", "1199999999").toBuffer())
              .map(r -> r.statusCode());
      Future<Long> slow = slowStatus.map(status -> System.nanoTime() - start);
      Future<Long> fast =
          vocom
              .send(BREAK_LIST, SEED_AUTHORIZATION, agent(DEV).toBuffer())
              .map(r -> System.nanoTime() - start);
      Future.all(slow, fast).await();
      sandbox.verifyContracts().await();

      assertEquals(200, slowStatus.result());
      assertTrue(slow.result() >= TimeUnit.MILLISECONDS.toNanos(600), "call_services waited");
      assertTrue(fast.result() < slow.result(), "get_break_list did not wait behind call_services");
    } finally {
      sandbox.stop().await();
    }
  }

  @Test
  void anUnknownOperationInTheLatencyOptionStopsStartUp() throws IOException {
    Future<TestSandbox> started = startWithLatency("dialNow: PT1S");
    Throwable e = assertThrows(Throwable.class, started::await);
    assertTrue(e.getMessage().contains("dialNow"), e.getMessage());
  }
}
