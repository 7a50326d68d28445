package dev.integrationsandbox.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.postcenter.PostCenterApi;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults are a step of the pipeline, not of emulate mode: a PostCenter fault armed on a sandbox
 * that proxies PostCenter, or replays it, answers in PostCenter's dialect, and an edge fault never
 * reaches the upstream.
 */
@Timeout(60)
class FaultsInEveryModeTest {

  private static final String TICKET = "/v2/ticket/" + PostCenterApi.SEED_TICKET + "/";

  private final Vertx upstreamVertx = Vertx.vertx();
  private final Vertx vertx = Vertx.vertx();

  /** Its own Vert.x: two servers listening on port 0 in one Vert.x share the port. */
  private final Vertx replayVertx = Vertx.vertx();

  @AfterEach
  void stop() {
    replayVertx.close().await();
    vertx.close().await();
    upstreamVertx.close().await();
  }

  @Test
  void aFaultHitsProxiedAndReplayedCalls(@TempDir Path dir) {
    TestSandbox upstream = TestSandbox.start(upstreamVertx).await();
    TestSandbox proxy =
        TestSandbox.start(
                vertx,
                "--mode",
                "postcenter=proxy",
                "--upstream",
                "postcenter=http://127.0.0.1:" + upstream.port(),
                "--record-dir",
                dir.toString())
            .await();
    assertEquals(200, get(proxy).statusCode(), "forwarded before any fault");
    int upstreamCalls = journaled(upstream);

    arm(proxy, "throttled");
    HttpResponse<Buffer> throttled = get(proxy);
    assertEquals(429, throttled.statusCode());
    assertEquals(
        new JsonObject().put("status", 429).put("message", "Too Many Requests"),
        throttled.bodyAsJsonObject());
    assertEquals("60", throttled.getHeader("Retry-After"));
    assertEquals(upstreamCalls, journaled(upstream), "an edge fault never reaches the upstream");
    assertEquals(200, get(proxy).statusCode(), "disarmed after one call");

    TestSandbox replay =
        TestSandbox.start(vertx, "--mode", "postcenter=replay", "--replay-from", dir.toString())
            .await();
    System.out.println(
        "PORTS proxy="
            + proxy.port()
            + " replay="
            + replay.port()
            + " upstream="
            + upstream.port());
    assertEquals(200, get(replay).statusCode(), "answered from the recording");
    arm(replay, "serverError");
    HttpResponse<Buffer> failed = get(replay);
    assertEquals(500, failed.statusCode());
    assertEquals(500, failed.bodyAsJsonObject().getInteger("status"));
    List<JsonObject> faulted =
        replay
            .client()
            .get("/__sandbox/journal?vendor=postcenter")
            .send()
            .await()
            .bodyAsJsonObject()
            .getJsonArray("exchanges")
            .stream()
            .map(JsonObject.class::cast)
            .filter(e -> String.valueOf(e.getString("error")).startsWith("FAULT"))
            .toList();
    assertEquals(1, faulted.size(), "the fault is journaled: " + faulted);
    assertTrue(faulted.get(0).getString("error").contains("serverError"), faulted.toString());
  }

  private static HttpResponse<Buffer> get(TestSandbox sandbox) {
    return sandbox
        .client()
        .get(TICKET)
        .putHeader("Authorization", "Key " + PostCenterApi.KEY)
        .timeout(5000)
        .send()
        .await();
  }

  private static void arm(TestSandbox sandbox, String preset) {
    HttpResponse<Buffer> armed =
        sandbox
            .client()
            .post("/__sandbox/faults")
            .sendJsonObject(new JsonObject().put("vendor", "postcenter").put("preset", preset))
            .await();
    assertEquals(201, armed.statusCode(), armed.bodyAsString());
  }

  private static int journaled(TestSandbox sandbox) {
    return sandbox
        .client()
        .get("/__sandbox/journal?vendor=postcenter")
        .send()
        .await()
        .bodyAsJsonObject()
        .getJsonArray("exchanges")
        .size();
  }
}
