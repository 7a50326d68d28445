package dev.integrationsandbox.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.contract.ContractDocument;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The admin API under /__sandbox/, as a test suite in CI drives it. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class AdminApiTest {

  TestSandbox sandbox;

  @BeforeEach
  void start(Vertx vertx, VertxTestContext ctx) {
    TestSandbox.start(vertx, "--admin-token", "s3cret")
        .onComplete(
            ctx.succeeding(
                s -> {
                  sandbox = s;
                  ctx.completeNow();
                }));
  }

  @AfterEach
  void stop(VertxTestContext ctx) {
    sandbox.stop().onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void healthListsEveryVendorWithItsModeAndOperations(VertxTestContext ctx) {
    sandbox
        .client()
        .get("/__sandbox/health")
        .send()
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode());
                          JsonObject body = r.bodyAsJsonObject();
                          assertEquals("UP", body.getString("status"));
                          JsonObject btg = body.getJsonObject("vendors").getJsonObject("btg");
                          assertEquals("emulate", btg.getString("mode"));
                          assertEquals(9, btg.getInteger("operations"));
                          assertEquals(
                              13,
                              body.getJsonObject("vendors")
                                  .getJsonObject("vocom")
                                  .getInteger("operations"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void theClockAdvancesSetsAndFreezes(VertxTestContext ctx) {
    Instant before = Instant.now();
    sandbox
        .client()
        .post("/__sandbox/clock")
        .sendJsonObject(new JsonObject().put("advance", "PT1H"))
        .compose(
            r -> {
              ctx.verify(
                  () -> {
                    Instant now = Instant.parse(r.bodyAsJsonObject().getString("now"));
                    assertTrue(Duration.between(before, now).toMinutes() >= 59);
                  });
              return sandbox
                  .client()
                  .post("/__sandbox/clock")
                  .sendJsonObject(new JsonObject().put("freeze", true));
            })
        .compose(
            r ->
                sandbox
                    .client()
                    .post("/__sandbox/clock")
                    .sendJsonObject(new JsonObject().put("set", "2026-01-01T09:00:00Z")))
        .compose(r -> sandbox.client().get("/__sandbox/clock").send())
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(
                              new JsonObject()
                                  .put("now", "2026-01-01T09:00:00Z")
                                  .put("frozen", true),
                              r.bodyAsJsonObject());
                          ctx.completeNow();
                        })));
  }

  @Test
  void badClockRequestsAreClearErrors(VertxTestContext ctx) {
    var client = sandbox.client();
    client
        .post("/__sandbox/clock")
        .sendJsonObject(new JsonObject().put("advance", "an hour"))
        .compose(
            r -> {
              ctx.verify(() -> assertEquals(400, r.statusCode()));
              return client
                  .post("/__sandbox/clock")
                  .sendJsonObject(new JsonObject().put("advance", "PT1H").put("freeze", true));
            })
        .compose(
            r -> {
              ctx.verify(() -> assertEquals(400, r.statusCode()));
              return client
                  .post("/__sandbox/clock")
                  .sendBuffer(io.vertx.core.buffer.Buffer.buffer("{nope"));
            })
        .compose(
            r -> {
              ctx.verify(() -> assertEquals(400, r.statusCode()));
              return client
                  .post("/__sandbox/clock")
                  .sendJsonObject(new JsonObject().put("freeze", "yes"));
            })
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(400, r.statusCode());
                          assertTrue(r.bodyAsJsonObject().getString("error").contains("freeze"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void theJournalFiltersByVendorOperationAndStatusNewestFirst(VertxTestContext ctx) {
    var client = sandbox.client();
    sandbox
        .btgToken()
        .compose(
            t ->
                client
                    .get("/v2/btg-tickets/customers/tickets/info")
                    .bearerTokenAuthentication(t)
                    .send())
        .compose(r -> client.get("/v2/btg-tickets/customers/tickets/info").send())
        .compose(r -> client.get("/__sandbox/journal?vendor=btg&operation=getTicketsInfo").send())
        .compose(
            r -> {
              ctx.verify(
                  () -> {
                    JsonArray all = r.bodyAsJsonObject().getJsonArray("exchanges");
                    assertEquals(2, all.size());
                    assertEquals(401, all.getJsonObject(0).getInteger("status"), "newest first");
                    assertEquals(200, all.getJsonObject(1).getInteger("status"));
                  });
              return client.get("/__sandbox/journal?status=401&limit=1").send();
            })
        .compose(
            r -> {
              ctx.verify(
                  () -> {
                    JsonArray found = r.bodyAsJsonObject().getJsonArray("exchanges");
                    assertEquals(1, found.size());
                    JsonObject e = found.getJsonObject(0);
                    assertEquals("UNAUTHORIZED: no Authorization header", e.getString("error"));
                    assertEquals("emulate", e.getString("mode"));
                  });
              return client.get("/__sandbox/journal?operation=createToken").send();
            })
        .compose(
            r -> {
              ctx.verify(
                  () -> {
                    JsonObject e = r.bodyAsJsonObject().getJsonArray("exchanges").getJsonObject(0);
                    String shown = e.encode();
                    assertEquals(
                        "***",
                        e.getJsonObject("request")
                            .getJsonObject("headers")
                            .getString("authorization"));
                    assertEquals(
                        "***",
                        e.getJsonObject("response")
                            .getJsonObject("body")
                            .getString("access_token"));
                    assertFalse(shown.contains("sandbox-btg-secret"));
                    assertFalse(shown.contains("eyJ"), "no token in the journal");
                  });
              return client.get("/__sandbox/journal?limit=0").send();
            })
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(400, r.statusCode());
                          ctx.completeNow();
                        })));
  }

  @Test
  void resetOfAnUnknownVendorIsABadRequest(VertxTestContext ctx) {
    sandbox
        .client()
        .post("/__sandbox/reset?vendor=acme")
        .send()
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(400, r.statusCode());
                          assertTrue(r.bodyAsJsonObject().getString("error").contains("acme"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aWrongAdminTokenIsRefusedAndTheRightOneAccepted(VertxTestContext ctx) {
    sandbox
        .client()
        .get("/__sandbox/clock")
        .putHeader(AdminRoutes.TOKEN_HEADER, "guess")
        .send()
        .compose(
            r -> {
              ctx.verify(() -> assertEquals(401, r.statusCode()));
              return sandbox
                  .client()
                  .get("/__sandbox/clock")
                  .putHeader(AdminRoutes.TOKEN_HEADER, "s3cret")
                  .send();
            })
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode());
                          ctx.completeNow();
                        })));
  }

  @Test
  void adminAnswersFollowTheAdminContract(Vertx vertx, VertxTestContext ctx) {
    var client = sandbox.client();
    java.nio.file.Path file = java.nio.file.Path.of("contracts/sandbox-admin.yaml");
    vertx
        .executeBlocking(() -> ContractDocument.read(file))
        .compose(doc -> io.vertx.openapi.contract.OpenAPIContract.from(vertx, doc.loadable()))
        .map(contract -> io.vertx.openapi.validation.ResponseValidator.create(vertx, contract))
        .compose(
            validator -> {
              java.util.function.BiFunction<
                      String,
                      io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer>,
                      io.vertx.core.Future<?>>
                  check =
                      (op, r) ->
                          validator.validate(
                              io.vertx.openapi.validation.ValidatableResponse.create(
                                  r.statusCode(),
                                  r.body(),
                                  r.getHeader("Content-Type") == null
                                      ? null
                                      : r.getHeader("Content-Type").split(";")[0]),
                              op);
              return client
                  .get("/__sandbox/health")
                  .send()
                  .compose(r -> check.apply("getHealth", r))
                  .compose(v -> client.get("/__sandbox/clock").send())
                  .compose(r -> check.apply("getClock", r))
                  .compose(
                      v ->
                          client
                              .post("/__sandbox/clock")
                              .sendJsonObject(new JsonObject().put("advance", "PT1M")))
                  .compose(r -> check.apply("setClock", r))
                  .compose(v -> client.post("/__sandbox/clock").sendJsonObject(new JsonObject()))
                  .compose(r -> check.apply("setClock", r))
                  .compose(v -> client.post("/__sandbox/reset?vendor=vocom").send())
                  .compose(r -> check.apply("reset", r))
                  .compose(v -> sandbox.btgToken())
                  .compose(v -> client.get("/__sandbox/journal?limit=5").send())
                  .compose(r -> check.apply("getJournal", r))
                  .compose(v -> client.get("/__sandbox/state?vendor=btg").send())
                  .compose(r -> check.apply("getState", r))
                  .compose(v -> client.get("/__sandbox/metrics").send())
                  .compose(r -> check.apply("getMetrics", r))
                  .compose(
                      v ->
                          client
                              .get("/__sandbox/health")
                              .putHeader(AdminRoutes.TOKEN_HEADER, "guess")
                              .send())
                  .compose(r -> check.apply("getHealth", r))
                  .compose(v -> client.delete("/__sandbox/journal").send())
                  .compose(r -> check.apply("clearJournal", r));
            })
        .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  void onlyLoopbackAddressesCountAsLocal() {
    assertTrue(AdminRoutes.isLoopback("127.0.0.1"));
    assertTrue(AdminRoutes.isLoopback("127.8.9.10"));
    assertTrue(AdminRoutes.isLoopback("0:0:0:0:0:0:0:1"));
    assertFalse(AdminRoutes.isLoopback("10.0.0.7"));
    assertFalse(AdminRoutes.isLoopback("172.17.0.1"));
  }

  @Test
  void metricsCountRequestsByVendorOperationModeAndStatus(VertxTestContext ctx) {
    var client = sandbox.client();
    sandbox
        .btgToken()
        .compose(
            t ->
                client
                    .get("/v2/btg-tickets/customers/tickets/info")
                    .bearerTokenAuthentication(t)
                    .send())
        .compose(
            r ->
                client
                    .get("/v2/btg-tickets/customers/tickets/info")
                    .bearerTokenAuthentication("x")
                    .send())
        .compose(
            r ->
                client
                    .post("/interact_cti/agent/login/")
                    .putHeader("Authorization", TestSandbox.VOCOM_SEED_AUTH)
                    .sendJsonObject(new JsonObject()))
        .compose(r -> client.get("/__sandbox/metrics").send())
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode());
                          assertTrue(r.getHeader("Content-Type").startsWith("text/plain"));
                          String text = r.bodyAsString();
                          assertTrue(
                              text.contains(
                                  "sandbox_requests_total{mode=\"emulate\",operation=\"getTicketsInfo\",status=\"200\",vendor=\"btg\"} 1.0"),
                              text);
                          assertTrue(
                              text.contains(
                                  "sandbox_requests_total{mode=\"emulate\",operation=\"getTicketsInfo\",status=\"401\",vendor=\"btg\"} 1.0"));
                          assertTrue(text.contains("sandbox_request_duration_seconds_bucket{"));
                          assertTrue(
                              text.contains(
                                  "sandbox_contract_violations_total{in=\"request\",operation=\"agentLogin\",vendor=\"vocom\"} 1.0"),
                              "the login without keys broke the contract");
                          ctx.completeNow();
                        })));
  }
}
