package dev.integrationsandbox.btg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The seed's whole flow over HTTP: token → info → create → contract → close → attempts. */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BtgFlowTest {

  static final String CPF = "52998224725";
  static final String CNPJ = "11222333000181";
  static final String TICKETS = "/v2/btg-tickets/customers/";

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  static TestSandbox sandbox;
  String token;

  @BeforeEach
  void freshWorld(VertxTestContext ctx) {
    sandbox = extension.sandbox();
    sandbox
        .btgToken()
        .onComplete(
            ctx.succeeding(
                t -> {
                  token = t;
                  ctx.completeNow();
                }));
  }

  static JsonObject newTicket() {
    return new JsonObject()
        .put("phoneAreaCode", "11")
        .put("phoneNumber", "999998888")
        .put("channel", "PHONE")
        .put("type", "OUTBOUND");
  }

  static JsonObject contract(String code) {
    return new JsonObject()
        .put("terminationCode", code)
        .put("contractNumber", "CN-81273197")
        .put("product", "CARDN")
        .put("dueDays", 25);
  }

  static JsonObject attempt() {
    return newTicket()
        .put("duration", 42)
        .put("contracts", new JsonArray().add(contract("NA")))
        .put("email", "cliente@example.com")
        .put("scheduledDate", "2026-02-01");
  }

  Future<HttpResponse<Buffer>> post(String path, String operator, Object body) {
    var request =
        sandbox
            .client()
            .post(path)
            .bearerTokenAuthentication(token)
            .putHeader("Content-Type", "application/json");
    if (operator != null) {
      request.putHeader("createdBy", operator);
    }
    return request.sendBuffer(io.vertx.core.json.Json.encodeToBuffer(body));
  }

  Future<JsonObject> create(String document) {
    return post(TICKETS + document + "/tickets", "Maria", newTicket())
        .map(
            r -> {
              assertEquals(200, r.statusCode(), r.bodyAsString());
              return r.bodyAsJsonObject();
            });
  }

  @Test
  void ticketsInfoListsChannelsTypesAndTerminationCodes(VertxTestContext ctx) {
    sandbox
        .client()
        .get(TICKETS + "tickets/info")
        .bearerTokenAuthentication(token)
        .send()
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode());
                          JsonObject info = r.bodyAsJsonObject();
                          assertTrue(info.getJsonArray("ticketChannels").contains("PHONE"));
                          assertTrue(info.getJsonArray("ticketTypes").contains("OUTBOUND"));
                          assertEquals(
                              "AE",
                              info.getJsonArray("terminationCodes")
                                  .getJsonObject(0)
                                  .getString("code"));
                          assertNotNull(r.getHeader("x-amzn-RequestId"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void createdTicketIsOpenWithOperatorAndAssessoria(VertxTestContext ctx) {
    Instant before = Instant.now().minusSeconds(1);
    create(CPF)
        .onComplete(
            ctx.succeeding(
                t ->
                    ctx.verify(
                        () -> {
                          assertEquals("OPEN", t.getString("status"));
                          assertEquals("Maria", t.getString("operator"));
                          assertEquals("ASSESSORIA-SANDBOX", t.getString("createdBy"));
                          assertEquals(CPF, t.getString("documentNumber"));
                          assertEquals("999998888", t.getString("phoneNumber"));
                          assertTrue(Instant.parse(t.getString("createdAt")).isAfter(before));
                          assertEquals(36, t.getString("id").length());
                          assertTrue(t.getJsonArray("contracts").isEmpty());
                          ctx.completeNow();
                        })));
  }

  @Test
  void aCnpjDocumentIsAcceptedToo(VertxTestContext ctx) {
    create(CNPJ)
        .onComplete(
            ctx.succeeding(
                t ->
                    ctx.verify(
                        () -> {
                          assertEquals(CNPJ, t.getString("documentNumber"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void contractsAccumulateOnTheTicketAndCloseKeepsThem(VertxTestContext ctx) {
    create(CPF)
        .compose(
            t -> {
              String path = TICKETS + CPF + "/tickets/" + t.getString("id");
              return post(path + "/contracts", null, contract("AE"))
                  .compose(
                      r ->
                          post(
                              path + "/contracts",
                              null,
                              contract("PP").put("contractNumber", "CN-2")))
                  .compose(
                      r -> {
                        ctx.verify(
                            () -> {
                              assertEquals(200, r.statusCode(), r.bodyAsString());
                              JsonArray contracts = r.bodyAsJsonObject().getJsonArray("contracts");
                              assertEquals(2, contracts.size());
                              JsonObject second = contracts.getJsonObject(1);
                              assertEquals("PP", second.getString("terminationCode"));
                              assertEquals(25, second.getInteger("dueDays"));
                              assertEquals(
                                  t.getString("id"),
                                  second.getJsonObject("ticket").getString("id"));
                              assertNotNull(second.getString("createdAt"));
                            });
                        return sandbox
                            .client()
                            .delete(path)
                            .addQueryParam("partyName", "RECONHECE")
                            .addQueryParam("additionalInfo", "cliente pediu boleto")
                            .addQueryParam("scheduledDate", "2026-03-01")
                            .bearerTokenAuthentication(token)
                            .send();
                      });
            })
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode(), r.bodyAsString());
                          JsonObject closed = r.bodyAsJsonObject();
                          assertEquals("CLOSED", closed.getString("status"));
                          assertNotNull(closed.getString("closedAt"));
                          assertEquals(2, closed.getJsonArray("contracts").size());
                          JsonObject metadata = closed.getJsonObject("metadata");
                          assertEquals("RECONHECE", metadata.getString("partyName"));
                          assertEquals(
                              "cliente pediu boleto", metadata.getString("additionalInfo"));
                          assertEquals("2026-03-01", metadata.getString("scheduledDate"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void contractWithoutDueDaysEchoesNull(VertxTestContext ctx) {
    JsonObject withoutDueDays = contract("AE");
    withoutDueDays.remove("dueDays");
    create(CPF)
        .compose(
            t ->
                post(
                    TICKETS + CPF + "/tickets/" + t.getString("id") + "/contracts",
                    null,
                    withoutDueDays))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode(), r.bodyAsString());
                          JsonObject c =
                              r.bodyAsJsonObject().getJsonArray("contracts").getJsonObject(0);
                          assertTrue(c.containsKey("dueDays"));
                          assertNull(c.getValue("dueDays"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void attemptTicketCarriesDurationContractsAndClosedAt(VertxTestContext ctx) {
    post(TICKETS + CPF + "/attempt-tickets", "Discador", attempt())
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode(), r.bodyAsString());
                          JsonObject t = r.bodyAsJsonObject();
                          assertEquals("OPEN", t.getString("status"));
                          assertEquals("Discador", t.getString("operator"));
                          assertEquals(42, t.getInteger("duration"));
                          assertEquals("cliente@example.com", t.getString("email"));
                          Instant created = Instant.parse(t.getString("createdAt"));
                          Instant closed = Instant.parse(t.getString("closedAt"));
                          assertEquals(42_000, closed.toEpochMilli() - created.toEpochMilli());
                          JsonObject c = t.getJsonArray("contracts").getJsonObject(0);
                          assertEquals("NA", c.getString("terminationCode"));
                          assertEquals("CN-81273197", c.getString("contractNumber"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void batchWithDocumentInPathTakesAnArrayOrATicketsObject(VertxTestContext ctx) {
    String path = TICKETS + CPF + "/attempt-tickets/batch";
    post(path, "Discador", new JsonArray().add(attempt()).add(attempt().put("channel", "SMS")))
        .compose(
            r -> {
              ctx.verify(
                  () -> {
                    assertEquals(200, r.statusCode(), r.bodyAsString());
                    JsonObject body = r.bodyAsJsonObject();
                    assertEquals("SUCCESS", body.getString("status"));
                    assertNotNull(body.getString("message"));
                    assertEquals(2, body.getJsonArray("tickets").size());
                    assertEquals(
                        "SMS", body.getJsonArray("tickets").getJsonObject(1).getString("channel"));
                  });
              return post(
                  path,
                  "Discador",
                  new JsonObject().put("tickets", new JsonArray().add(attempt())));
            })
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode(), r.bodyAsString());
                          assertEquals(1, r.bodyAsJsonObject().getJsonArray("tickets").size());
                          ctx.completeNow();
                        })));
  }

  @Test
  void batchWithoutDocumentTakesEachItemsDocumentNumber(VertxTestContext ctx) {
    JsonArray items =
        new JsonArray()
            .add(attempt().put("documentNumber", CPF))
            .add(attempt().put("documentNumber", CNPJ));
    post(TICKETS + "attempt-tickets/batch", "Discador", items)
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode(), r.bodyAsString());
                          JsonArray tickets = r.bodyAsJsonObject().getJsonArray("tickets");
                          assertEquals(CPF, tickets.getJsonObject(0).getString("documentNumber"));
                          assertEquals(CNPJ, tickets.getJsonObject(1).getString("documentNumber"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void oneBadItemRejectsTheWholeBatch(VertxTestContext ctx) {
    JsonArray items =
        new JsonArray()
            .add(attempt().put("documentNumber", CPF))
            .add(attempt().put("documentNumber", "52998224726"));
    post(TICKETS + "attempt-tickets/batch", "Discador", items)
        .compose(
            r -> {
              ctx.verify(
                  () -> {
                    assertEquals(400, r.statusCode());
                    assertTrue(r.bodyAsJsonObject().getString("message").startsWith("[1]."));
                  });
              return sandbox.client().get("/__sandbox/state?vendor=btg").send();
            })
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          JsonArray mine =
                              r.bodyAsJsonObject()
                                  .getJsonObject("btg")
                                  .getJsonObject("tickets")
                                  .getJsonArray("sandbox-btg");
                          assertEquals(2, mine.size(), "only the two fixture tickets remain");
                          ctx.completeNow();
                        })));
  }

  @Test
  void ticketsOfOneAppClientAreInvisibleToAnother(VertxTestContext ctx) {
    create(CPF)
        .compose(
            t ->
                sandbox
                    .btgToken("sandbox-btg-other", "sandbox-btg-other-secret")
                    .compose(
                        other ->
                            sandbox
                                .client()
                                .delete(TICKETS + CPF + "/tickets/" + t.getString("id"))
                                .bearerTokenAuthentication(other)
                                .send()))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(404, r.statusCode());
                          assertTrue(
                              r.bodyAsJsonObject().getString("message").contains("not found"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aTicketIsNotFoundUnderAnotherDocument(VertxTestContext ctx) {
    create(CPF)
        .compose(
            t ->
                post(
                    TICKETS + CNPJ + "/tickets/" + t.getString("id") + "/contracts",
                    null,
                    contract("AE")))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(404, r.statusCode());
                          ctx.completeNow();
                        })));
  }

  @Test
  void resetBringsBackTheFixtures(VertxTestContext ctx) {
    create(CPF)
        .compose(t -> sandbox.client().post("/__sandbox/reset?vendor=btg").send())
        .compose(r -> sandbox.client().get("/__sandbox/state?vendor=btg").send())
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          JsonArray mine =
                              r.bodyAsJsonObject()
                                  .getJsonObject("btg")
                                  .getJsonObject("tickets")
                                  .getJsonArray("sandbox-btg");
                          assertEquals(2, mine.size());
                          assertNotEquals(null, mine);
                          ctx.completeNow();
                        })));
  }
}
