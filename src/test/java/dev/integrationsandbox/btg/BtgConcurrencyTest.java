package dev.integrationsandbox.btg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** State transitions under concurrent requests from many connections on every event loop. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class BtgConcurrencyTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  TestSandbox sandbox;

  @BeforeEach
  void sandbox() {
    sandbox = extension.sandbox();
  }

  @Test
  void ofAHundredConcurrentClosesExactlyOneSucceeds(VertxTestContext ctx) {
    String tickets = "/v2/btg-tickets/customers/52998224725/tickets";
    sandbox
        .btgToken()
        .compose(
            token ->
                sandbox
                    .client()
                    .post(tickets)
                    .bearerTokenAuthentication(token)
                    .putHeader("createdBy", "Maria")
                    .sendJsonObject(
                        new JsonObject()
                            .put("phoneAreaCode", "11")
                            .put("phoneNumber", "999998888")
                            .put("channel", "PHONE")
                            .put("type", "OUTBOUND"))
                    .compose(
                        created -> {
                          String path = tickets + "/" + created.bodyAsJsonObject().getString("id");
                          List<Future<HttpResponse<Buffer>>> closes = new ArrayList<>();
                          for (int i = 0; i < 100; i++) {
                            closes.add(
                                sandbox
                                    .client()
                                    .delete(path)
                                    .addQueryParam("additionalInfo", "close " + i)
                                    .bearerTokenAuthentication(token)
                                    .send());
                          }
                          return Future.all(closes).map(all -> closes);
                        }))
        .compose(
            closes -> {
              ctx.verify(
                  () -> {
                    long ok = closes.stream().filter(f -> f.result().statusCode() == 200).count();
                    long rejected =
                        closes.stream().filter(f -> f.result().statusCode() == 422).count();
                    assertEquals(1, ok);
                    assertEquals(99, rejected);
                  });
              return sandbox.client().get("/__sandbox/state?vendor=btg").send().map(r -> closes);
            })
        .onComplete(
            ctx.succeeding(
                closes ->
                    ctx.verify(
                        () -> {
                          HttpResponse<Buffer> winner =
                              closes.stream()
                                  .map(Future::result)
                                  .filter(r -> r.statusCode() == 200)
                                  .findFirst()
                                  .orElseThrow();
                          String closedAt = winner.bodyAsJsonObject().getString("closedAt");
                          String info =
                              winner
                                  .bodyAsJsonObject()
                                  .getJsonObject("metadata")
                                  .getString("additionalInfo");
                          JsonObject stored =
                              sandbox
                                  .server()
                                  .sandbox()
                                  .vendor("btg")
                                  .orElseThrow()
                                  .emulator()
                                  .snapshot()
                                  .getJsonObject("tickets")
                                  .getJsonArray("sandbox-btg")
                                  .stream()
                                  .map(JsonObject.class::cast)
                                  .filter(
                                      t ->
                                          t.getString("id")
                                              .equals(winner.bodyAsJsonObject().getString("id")))
                                  .findFirst()
                                  .orElseThrow();
                          assertEquals("CLOSED", stored.getString("status"));
                          assertEquals(
                              closedAt,
                              stored.getString("closedAt"),
                              "closed once: the winner's close is kept");
                          assertEquals(
                              info, stored.getJsonObject("metadata").getString("additionalInfo"));
                          ctx.completeNow();
                        })));
  }
}
