package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Parallel tests on one sandbox each in a world of their own: selected by a path prefix or a
 * header, isolated in state, clock and tokens, listed and bounded by the admin API.
 */
@Timeout(60)
class WorldsTest {

  @RegisterExtension
  static final SandboxExtension extension =
      new SandboxExtension(
          "--max-worlds", "40", "--vendor-option", "vocom.latency.callServices=PT0S");

  static final String TICKETS = "/v2/btg-tickets/customers/" + BtgTestData.CPF + "/tickets";

  static TestSandbox sandbox() {
    return extension.sandbox();
  }

  static WebClient client() {
    return sandbox().client();
  }

  static Future<String> token(String world) {
    return client()
        .post("/__worlds/" + world + BtgTestData.TOKEN)
        .basicAuthentication(BtgTestData.CLIENT, BtgTestData.SECRET)
        .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials"))
        .map(r -> r.bodyAsJsonObject().getString("access_token"));
  }

  static Future<HttpResponse<Buffer>> cti(String world, String path, JsonObject body) {
    return client()
        .post(path)
        .putHeader("X-Sandbox-World", world)
        .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
        .sendJsonObject(body);
  }

  /** A BTG create-and-close and a Vocom agent's call, all in one world. */
  static Future<Void> flow(String world) {
    String prefix = "/__worlds/" + world;
    JsonObject agent = VocomTestData.agent("DEV").put("branch", "2000");
    return token(world)
        .compose(
            token ->
                client()
                    .post(prefix + TICKETS)
                    .bearerTokenAuthentication(token)
                    .putHeader("createdBy", BtgTestData.OPERATOR)
                    .sendJsonObject(BtgTestData.newTicket())
                    .compose(
                        created ->
                            client()
                                .delete(
                                    prefix
                                        + TICKETS
                                        + "/"
                                        + created.bodyAsJsonObject().getString("id"))
                                .bearerTokenAuthentication(token)
                                .send()))
        .compose(closed -> cti(world, "/interact_cti/agent/login/", agent))
        .compose(
            in -> cti(world, "/interact_cti/call/call_services/", agent.copy().put("to", "1199")))
        .compose(
            call ->
                cti(
                    world,
                    "/interact_cti/call/call_terminate/",
                    agent
                        .copy()
                        .put(
                            "call_id",
                            call.bodyAsJsonObject()
                                .getJsonObject("response")
                                .getString("call_id"))))
        .mapEmpty();
  }

  static JsonObject state(String world) {
    return client().get("/__sandbox/state?world=" + world).send().await().bodyAsJsonObject();
  }

  static long closedTickets(JsonObject state) {
    JsonArray tickets =
        state.getJsonObject("btg").getJsonObject("tickets").getJsonArray(BtgTestData.CLIENT);
    return tickets == null
        ? 0
        : tickets.stream()
            .map(JsonObject.class::cast)
            .filter(t -> "CLOSED".equals(t.getString("status")))
            .count();
  }

  /** DEV's {@code outbound_count} in the seed company, as the vendor writes it (a string). */
  static String outboundCalls(JsonObject state) {
    return state
        .getJsonObject("vocom")
        .getJsonObject(VocomTestData.COMPANY)
        .getJsonArray("agents")
        .stream()
        .map(JsonObject.class::cast)
        .filter(a -> "DEV".equals(a.getString("name")))
        .findFirst()
        .orElseThrow()
        .getString("outbound_count");
  }

  @Test
  void thirtyTwoParallelFlowsEachSeeOnlyTheirOwnWorld() {
    long closedAtFixtures = closedTickets(state("default"));
    List<Future<Void>> flows = new ArrayList<>();
    for (int i = 0; i < 32; i++) {
      flows.add(flow("flow-" + i));
    }
    Future.all(flows).await();
    for (int i = 0; i < 32; i++) {
      JsonObject world = state("flow-" + i);
      assertEquals(closedAtFixtures + 1, closedTickets(world), "flow-" + i);
      assertEquals("1", outboundCalls(world), "one call in flow-" + i);
    }
    assertEquals(closedAtFixtures, closedTickets(state("default")), "the default world untouched");
    assertEquals("0", outboundCalls(state("default")));
  }

  @Test
  void coverageIsReportedPerWorld() {
    token("covered").await();
    JsonObject world =
        client().get("/__sandbox/coverage?world=covered").send().await().bodyAsJsonObject();
    JsonObject other =
        client().get("/__sandbox/coverage?world=untouched").send().await().bodyAsJsonObject();
    assertEquals("covered", world.getString("world"));
    assertNotEquals(world.encode().replace("covered", ""), other.encode().replace("untouched", ""));
  }

  @Test
  void aTokenOfOneWorldMeansNothingInAnother() {
    String token = token("alpha").await();
    HttpResponse<Buffer> here =
        client()
            .get("/__worlds/alpha" + BtgTestData.INFO)
            .bearerTokenAuthentication(token)
            .send()
            .await();
    assertEquals(200, here.statusCode());
    HttpResponse<Buffer> elsewhere =
        client()
            .get("/__worlds/beta" + BtgTestData.INFO)
            .bearerTokenAuthentication(token)
            .send()
            .await();
    assertEquals(401, elsewhere.statusCode());
    assertEquals(new JsonObject().put("message", "Unauthorized"), elsewhere.bodyAsJsonObject());
  }

  @Test
  void eachWorldHasItsOwnClock() {
    client().post("/__sandbox/worlds").sendJsonObject(new JsonObject().put("name", "late")).await();
    HttpResponse<Buffer> moved =
        client()
            .post("/__sandbox/clock?world=late")
            .sendJsonObject(new JsonObject().put("set", "2030-01-01T00:00:00Z"))
            .await();
    assertEquals(200, moved.statusCode());
    String late =
        client()
            .get("/__sandbox/clock?world=late")
            .send()
            .await()
            .bodyAsJsonObject()
            .getString("now");
    String now =
        client().get("/__sandbox/clock").send().await().bodyAsJsonObject().getString("now");
    assertEquals("2030", late.substring(0, 4));
    assertNotEquals("2030", now.substring(0, 4));
  }

  @Test
  void worldsAreListedDeletedAndBounded() {
    client().post("/__sandbox/worlds").sendJsonObject(new JsonObject().put("name", "gone")).await();
    JsonArray listed =
        client().get("/__sandbox/worlds").send().await().bodyAsJsonObject().getJsonArray("worlds");
    assertEquals(
        1, listed.stream().filter(w -> ((JsonObject) w).getString("name").equals("gone")).count());
    assertEquals(204, client().delete("/__sandbox/worlds/gone").send().await().statusCode());
    assertEquals(404, client().get("/__sandbox/clock?world=gone").send().await().statusCode());
    HttpResponse<Buffer> bad =
        client()
            .post("/__sandbox/worlds")
            .sendJsonObject(new JsonObject().put("name", "no spaces/allowed"))
            .await();
    assertEquals(400, bad.statusCode());
    for (int i = 0; i < 40; i++) {
      client()
          .post("/__sandbox/worlds")
          .sendJsonObject(new JsonObject().put("name", "fill-" + i))
          .await();
    }
    HttpResponse<Buffer> refused =
        client().get("/__worlds/one-too-many" + BtgTestData.INFO).send().await();
    assertEquals(503, refused.statusCode());
    assertEquals(
        true, refused.bodyAsJsonObject().containsKey("message"), "in the gateway's dialect");
    for (int i = 0; i < 40; i++) {
      client().delete("/__sandbox/worlds/fill-" + i).send().await();
    }
  }
}
