package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.spi.Failure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LatenciesTest {

  private final Vertx vertx = Vertx.vertx();
  private final Latencies latencies =
      new Latencies(vertx, Map.of(VocomCommand.CALL_SERVICES, Latency.parse("PT0.2S")));

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aFailureWaitsAsLongAsASuccessWould() {
    long start = System.nanoTime();
    Future<String> answer =
        latencies.delay(
            VocomCommand.CALL_SERVICES,
            Future.failedFuture(StatusType.EXECUTE_FAILED.failure("no channel found")));
    Failure failure = assertThrows(Failure.class, answer::await);
    assertEquals("execute_failed", failure.code());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 200);
  }

  @Test
  void aCommandWithoutLatencyIsAnsweredAsItIs() {
    Future<String> answer = Future.succeededFuture("now");
    assertSame(answer, latencies.delay(VocomCommand.GET_BREAK_LIST, answer));
    assertSame(answer, Latencies.NONE.delay(VocomCommand.CALL_SERVICES, answer));
  }

  @Test
  void theStartUpLineNamesEachDelay() {
    assertEquals("latency [callServices=PT0.2S]", latencies.toString());
    assertEquals("no added latency", Latencies.NONE.toString());
  }
}
