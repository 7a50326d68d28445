package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configured latency of {@code call_services} delays the answer without holding up other
 * requests: clients rehearse the real ten-second call while the event loop stays free.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class VocomLatencyTest {

  @Test
  void callServicesWaitsForItsConfiguredLatencyWhileOthersAnswerAtOnce(
      Vertx vertx, VertxTestContext ctx, @TempDir Path dir) throws Exception {
    Path config = dir.resolve("sandbox.yaml");
    Files.writeString(config, "vendors:\n  vocom:\n    latency:\n      callServices: PT0.6S\n");
    JsonObject call =
        new JsonObject()
            .put("agent", "SUPORTE.BARBARA")
            .put("branch", "2008")
            .put("to", "1199999999")
            .put("company_id", VocomFlowTest.COMPANY);
    TestSandbox.start(vertx, "--config", config.toString())
        .compose(
            sandbox -> {
              long start = System.nanoTime();
              var slow =
                  sandbox
                      .client()
                      .post("/interact_cti/call/call_services/")
                      .putHeader("Authorization", VocomFlowTest.SEED_AUTH)
                      .sendJsonObject(call)
                      .map(r -> new long[] {r.statusCode(), System.nanoTime() - start});
              var fast =
                  sandbox
                      .client()
                      .post("/interact_cti/agent/get_break_list/")
                      .putHeader("Authorization", VocomFlowTest.SEED_AUTH)
                      .sendJsonObject(
                          new JsonObject()
                              .put("agent", "DEV")
                              .put("company_id", VocomFlowTest.COMPANY))
                      .map(r -> System.nanoTime() - start);
              return io.vertx.core.Future.all(slow, fast)
                  .compose(all -> sandbox.verifyContracts().compose(v -> sandbox.stop()))
                  .map(v -> new long[] {slow.result()[0], slow.result()[1], fast.result()});
            })
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r[0]);
                          assertTrue(
                              r[1] >= TimeUnit.MILLISECONDS.toNanos(600), "call_services waited");
                          assertTrue(
                              r[2] < r[1], "get_break_list did not wait behind call_services");
                          ctx.completeNow();
                        })));
  }

  @Test
  void anUnknownOperationInTheLatencyOptionStopsStartUp(
      Vertx vertx, VertxTestContext ctx, @TempDir Path dir) throws Exception {
    Path config = dir.resolve("sandbox.yaml");
    Files.writeString(config, "vendors:\n  vocom:\n    latency:\n      dialNow: PT1S\n");
    TestSandbox.start(vertx, "--config", config.toString())
        .onComplete(
            ctx.failing(
                e ->
                    ctx.verify(
                        () -> {
                          assertTrue(e.getMessage().contains("dialNow"), e.getMessage());
                          ctx.completeNow();
                        })));
  }
}
