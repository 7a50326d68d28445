package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Vocom interact_cti over HTTP, as a CTI integration drives it through an agent's day. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class VocomFlowTest {

  static final String SEED_AUTH = TestSandbox.VOCOM_SEED_AUTH;

  static final String COMPANY = "894343d2-3f02-4c02-909b-a0bfa57c0a93";
  static final String OTHER_COMPANY = "5b1d7c2e-8f4a-4e63-9c1d-2a7e0f3b6d58";
  static final String BREAK_FEEDBACK = "816b6751-0592-44dc-a311-b870f7850750";

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  static TestSandbox sandbox;

  @BeforeEach
  void sandbox() {
    sandbox = extension.sandbox();
  }

  static Future<JsonObject> cti(String path, JsonObject body) {
    return raw(path, SEED_AUTH, Buffer.buffer(body.encode())).map(VocomFlowTest::response);
  }

  static Future<HttpResponse<Buffer>> raw(String path, String auth, Buffer body) {
    var request = sandbox.client().post(path).putHeader("Content-Type", "application/json");
    if (auth != null) {
      request.putHeader("Authorization", auth);
    }
    return request.sendBuffer(body);
  }

  static JsonObject response(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), "Vocom answers 200 to everything: " + r.bodyAsString());
    return r.bodyAsJsonObject().getJsonObject("response");
  }

  static JsonObject agent(String name) {
    return new JsonObject().put("agent", name).put("company_id", COMPANY);
  }

  static Consumer<JsonObject> ok(String command) {
    return r -> {
      assertEquals("ok", r.getString("status"), r.encode());
      assertEquals("", r.getString("status_type"));
      assertEquals(command, r.getString("command"));
    };
  }

  static Consumer<JsonObject> failed(String command, String statusType) {
    return r -> {
      assertEquals("error", r.getString("status"), r.encode());
      assertEquals(statusType, r.getString("status_type"));
      assertEquals(command, r.getString("command"));
    };
  }

  static void expect(VertxTestContext ctx, Future<JsonObject> answer, Consumer<JsonObject> check) {
    answer.onComplete(
        ctx.succeeding(
            r ->
                ctx.verify(
                    () -> {
                      check.accept(r);
                      ctx.completeNow();
                    })));
  }

  @Test
  void theSeedsCurlExampleReturnsItsFourBreaks(VertxTestContext ctx) {
    String seedBody =
        "{\"agent\": \"DEV\", \"company_id\": \"894343d2-3f02-4c02-909b-a0bfa57c0a93\"}";
    expect(
        ctx,
        raw("/interact_cti/agent/get_break_list/", SEED_AUTH, Buffer.buffer(seedBody))
            .map(VocomFlowTest::response),
        r -> {
          ok("break").accept(r);
          assertEquals("DEV", r.getString("agent"));
          JsonArray breaks = r.getJsonArray("result");
          assertEquals(4, breaks.size());
          assertEquals(
              List.of("Lanche", "Almoço", "Banheiro", "Feedback"),
              breaks.stream().map(b -> ((JsonObject) b).getString("break_name")).toList());
          JsonObject lanche = breaks.getJsonObject(0);
          assertEquals("0c8a9f1f-b49d-42d5-9b6b-2c108619aa7c", lanche.getString("break_id"));
          assertEquals("5", lanche.getString("break_timeout"));
          assertEquals("1", lanche.getString("break_digit"));
        });
  }

  @Test
  void anAgentsWholeDay(VertxTestContext ctx) {
    JsonObject dev = agent("DEV");
    cti("/interact_cti/agent/login/", dev.copy().put("branch", "2000"))
        .compose(check(ctx, ok("login")))
        .compose(
            r ->
                cti(
                    "/interact_cti/agent/state_set_break/",
                    dev.copy().put("break_id", BREAK_FEEDBACK)))
        .compose(check(ctx, ok("break")))
        .compose(r -> agentList("FILA_SUPORTE"))
        .compose(check(ctx, r -> assertEquals("On Break", statusOf(r, "DEV"))))
        .compose(r -> cti("/interact_cti/agent/state_return_break/", dev))
        .compose(check(ctx, ok("break")))
        .compose(
            r ->
                cti(
                    "/interact_cti/call/call_services/",
                    dev.copy().put("branch", "2000").put("to", "1199999999")))
        .compose(
            call -> {
              ctx.verify(() -> ok("call_services").accept(call));
              String callId = call.getString("call_id");
              JsonObject onCall = dev.copy().put("call_id", callId);
              return cti("/interact_cti/call/call_hold/", onCall)
                  .compose(check(ctx, ok("call_hold")))
                  .compose(r -> cti("/interact_cti/call/call_hold_retrieve/", onCall))
                  .compose(check(ctx, ok("call_hold_retrieve")))
                  .compose(r -> cti("/interact_cti/call/call_hold_retrieve/", onCall))
                  .compose(check(ctx, failed("call_hold_retrieve", "execute_failed")))
                  .compose(r -> advanceClock("PT2M"))
                  .compose(r -> cti("/interact_cti/call/call_terminate/", onCall))
                  .compose(check(ctx, ok("call_terminate")))
                  .compose(r -> cti("/interact_cti/call/call_hold/", onCall))
                  .compose(check(ctx, failed("call_hold", "execute_failed")));
            })
        .compose(r -> agentList("FILA_SUPORTE"))
        .compose(
            check(
                ctx,
                r -> {
                  JsonObject me = agentIn(r, "logged_in_agents", "DEV");
                  assertEquals("Available", me.getString("status"));
                  assertEquals("2000", me.getString("branch"));
                  assertEquals("1", me.getString("outbound_count"));
                  assertEquals("120", me.getString("outbound_duration"));
                }))
        .compose(
            r ->
                cti(
                    "/interact_cti/call/call_services/",
                    dev.copy().put("branch", "2000").put("to", "1133334444")))
        .compose(
            call ->
                cti(
                    "/interact_cti/call/call_transfer/",
                    dev.copy().put("call_id", call.getString("call_id")).put("to", "2001")))
        .compose(check(ctx, ok("call_transfer")))
        .compose(r -> cti("/interact_cti/agent/logout/", dev.copy().put("branch", "2000")))
        .compose(check(ctx, ok("logout")))
        .compose(r -> agentList("FILA_SUPORTE"))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          JsonObject me = agentIn(r, "logged_out_agents", "DEV");
                          assertEquals("Logged Out", me.getString("status"));
                          assertEquals("2", me.getString("outbound_count"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void pathsAnswerWithoutTheirTrailingSlashToo(VertxTestContext ctx) {
    expect(ctx, cti("/interact_cti/agent/get_break_list", agent("DEV")), ok("break"));
  }

  @Test
  void aMissingKeyIsParamsFailed(VertxTestContext ctx) {
    expect(ctx, cti("/interact_cti/agent/login/", agent("DEV")), failed("login", "params_failed"));
  }

  @Test
  void malformedJsonIsParamsFailedWithHttp200(VertxTestContext ctx) {
    expect(
        ctx,
        raw("/interact_cti/call/call_services/", SEED_AUTH, Buffer.buffer("{\"agent\": "))
            .map(VocomFlowTest::response),
        r -> {
          failed("call_services", "params_failed").accept(r);
          assertEquals("", r.getString("call_id"));
        });
  }

  @Test
  void anOversizedBodyIsParamsFailed(VertxTestContext ctx) {
    expect(
        ctx,
        raw(
                "/interact_cti/agent/get_break_list/",
                SEED_AUTH,
                Buffer.buffer(new byte[2 * 1024 * 1024]))
            .map(VocomFlowTest::response),
        failed("break", "params_failed"));
  }

  @Test
  void noApiKeyIsAuthenticationFailedEvenWithBadParameters(VertxTestContext ctx) {
    expect(
        ctx,
        raw("/interact_cti/agent/get_break_list/", null, Buffer.buffer("{}"))
            .map(VocomFlowTest::response),
        r -> {
          failed("break", "authentication_failed").accept(r);
          assertEquals("", r.getString("result"));
        });
  }

  @Test
  void anUnknownApiKeyIsAuthenticationFailed(VertxTestContext ctx) {
    String wrong =
        "Basic " + java.util.Base64.getEncoder().encodeToString("api_key:nope".getBytes());
    expect(
        ctx,
        raw("/interact_cti/agent/get_break_list/", wrong, Buffer.buffer(agent("DEV").encode()))
            .map(VocomFlowTest::response),
        failed("break", "authentication_failed"));
  }

  @Test
  void anotherCompanysIdIsAuthenticationFailed(VertxTestContext ctx) {
    expect(
        ctx,
        cti("/interact_cti/agent/get_break_list/", agent("DEV").put("company_id", OTHER_COMPANY)),
        failed("break", "authentication_failed"));
  }

  @Test
  void anUnknownAgentIsNotFoundFailed(VertxTestContext ctx) {
    expect(
        ctx,
        cti("/interact_cti/agent/login/", agent("NINGUEM").put("branch", "2000")),
        r -> {
          failed("login", "not_found_failed").accept(r);
          assertEquals("NINGUEM", r.getString("agent"));
        });
  }

  @Test
  void anUnknownBreakIsNotFoundFailed(VertxTestContext ctx) {
    expect(
        ctx,
        cti(
            "/interact_cti/agent/state_set_break/",
            agent("SUPORTE.BARBARA").put("break_id", "nope")),
        failed("break", "not_found_failed"));
  }

  @Test
  void aBreakForALoggedOutAgentIsExecuteFailed(VertxTestContext ctx) {
    expect(
        ctx,
        cti("/interact_cti/agent/state_set_break/", agent("DEV").put("break_id", BREAK_FEEDBACK)),
        failed("break", "execute_failed"));
  }

  @Test
  void holdingAnUnknownCallIsExecuteFailed(VertxTestContext ctx) {
    expect(
        ctx,
        cti(
            "/interact_cti/call/call_hold/",
            agent("DEV").put("call_id", "0b6d0d3e-1111-4222-8333-444455556666")),
        failed("call_hold", "execute_failed"));
  }

  @Test
  void anAgentListErrorEchoesANullAgent(VertxTestContext ctx) {
    expect(
        ctx,
        cti(
            "/interact_cti/get_agent_list/",
            new JsonObject().put("queue", "NAO_EXISTE").put("company_id", COMPANY)),
        r -> {
          failed("agent_list", "not_found_failed").accept(r);
          assertTrue(r.containsKey("agent"));
          assertNull(r.getValue("agent"));
        });
  }

  @Test
  void aReportOfABusyDayIsCappedAt2000Records(VertxTestContext ctx) {
    expect(
        ctx,
        cti("/tabs/list_all/", report("2026-01-15 00:00:00", "2026-01-15 23:59:59")),
        r -> {
          ok("list").accept(r);
          assertEquals(2000, r.getJsonArray("list").size());
          assertEquals(2000, r.getInteger("count"));
        });
  }

  @Test
  void theDialerReportIsCappedToo(VertxTestContext ctx) {
    expect(
        ctx,
        cti("/dialer/list_all/", report("2026-01-15 00:00", "2026-01-15 23:59")),
        r -> assertEquals(2000, r.getInteger("count")));
  }

  @Test
  void theTabsReportFiltersByItsDateRangeWithBothEndsIncluded(VertxTestContext ctx) {
    cti("/tabs/list_all/", report("2020-09-02 18:02:00", "2020-09-02 23:59:58"))
        .compose(
            check(
                ctx,
                r -> {
                  ok("list").accept(r);
                  JsonArray list = r.getJsonArray("list");
                  assertEquals(1, list.size(), list.encode());
                  assertEquals(
                      "2020-09-02 18:03:12", list.getJsonObject(0).getString("start_epoch"));
                }))
        .compose(r -> cti("/tabs/list_all/", report("2020-09-02 18:03:12", "2020-09-02 23:59:59")))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(2, r.getJsonArray("list").size(), r.encode());
                          ctx.completeNow();
                        })));
  }

  @Test
  void theDialerReportFiltersByHangupCauseAndDestination(VertxTestContext ctx) {
    cti(
            "/dialer/list_all/",
            report("2020-09-03 00:00", "2020-09-03 23:59").put("hangup_cause", "NO_ANSWER"))
        .compose(
            check(
                ctx,
                r -> {
                  assertEquals(1, r.getInteger("count"));
                  assertEquals(
                      "01199999998",
                      r.getJsonArray("list").getJsonObject(0).getString("destination"));
                }))
        .compose(
            r ->
                cti(
                    "/dialer/list_all/",
                    report("2020-09-03 00:00", "2020-09-03 23:59")
                        .put("destination", "01199999999")))
        .compose(
            check(
                ctx,
                r -> {
                  assertEquals(1, r.getInteger("count"));
                  assertEquals(
                      "SUBSCRIBER_ABSENT",
                      r.getJsonArray("list").getJsonObject(0).getString("hangup_cause"));
                }))
        .compose(
            r ->
                cti(
                    "/dialer/list_all/",
                    report("2020-09-03 00:00", "2020-09-03 23:59")
                        .put("mailing", "3f9a2c64-7d1b-4e85-a0c2-6b4d8e1f9a37")))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertTrue(r.getInteger("count") >= 1);
                          r.getJsonArray("list")
                              .forEach(
                                  rec -> {
                                    assertEquals(
                                        "BASE1", ((JsonObject) rec).getString("mailing_name"));
                                    assertTrue(!((JsonObject) rec).containsKey("mailing_id"));
                                  });
                          ctx.completeNow();
                        })));
  }

  @Test
  void aBadReportDateIsParamsFailed(VertxTestContext ctx) {
    expect(
        ctx,
        cti("/tabs/list_all/", report("02/09/2020", "2020-09-02 23:59:59")),
        failed("list", "params_failed"));
  }

  static JsonObject report(String begin, String end) {
    return new JsonObject()
        .put("date_begin", begin)
        .put("date_end", end)
        .put("company_id", COMPANY);
  }

  static Future<JsonObject> agentList(String queue) {
    return cti(
        "/interact_cti/get_agent_list/",
        new JsonObject().put("queue", queue).put("company_id", COMPANY));
  }

  static Future<Void> advanceClock(String by) {
    return sandbox
        .client()
        .post("/__sandbox/clock")
        .sendJsonObject(new JsonObject().put("advance", by))
        .mapEmpty();
  }

  static String statusOf(JsonObject agentList, String name) {
    return agentIn(agentList, "logged_in_agents", name).getString("status");
  }

  static JsonObject agentIn(JsonObject agentList, String group, String name) {
    Object agents = agentList.getJsonObject("result").getValue(group);
    assertTrue(agents instanceof JsonArray, group + " is " + agents);
    return ((JsonArray) agents)
        .stream()
            .map(JsonObject.class::cast)
            .filter(a -> a.getString("name").equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " not in " + group + ": " + agents));
  }

  static java.util.function.Function<JsonObject, Future<JsonObject>> check(
      VertxTestContext ctx, Consumer<JsonObject> assertion) {
    return r -> {
      try {
        assertion.accept(r);
        return Future.succeededFuture(r);
      } catch (AssertionError e) {
        ctx.failNow(e);
        return Future.failedFuture(e);
      }
    };
  }
}
