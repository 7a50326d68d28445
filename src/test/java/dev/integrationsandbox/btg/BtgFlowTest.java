package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgTestData.CLIENT;
import static dev.integrationsandbox.btg.BtgTestData.CNPJ;
import static dev.integrationsandbox.btg.BtgTestData.CPF;
import static dev.integrationsandbox.btg.BtgTestData.DIALER;
import static dev.integrationsandbox.btg.BtgTestData.OPERATOR;
import static dev.integrationsandbox.btg.BtgTestData.OTHER_CLIENT;
import static dev.integrationsandbox.btg.BtgTestData.OTHER_SECRET;
import static dev.integrationsandbox.btg.BtgTestData.attempt;
import static dev.integrationsandbox.btg.BtgTestData.contract;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.ProjectSandbox;
import dev.integrationsandbox.junit.IntegrationSandbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The seed's whole flow over HTTP: token → info → create → contract → close → attempts. Each test
 * runs in a world of its own through the public JUnit extension.
 */
@Timeout(30)
class BtgFlowTest {

  @RegisterExtension static final IntegrationSandbox sandbox = ProjectSandbox.extension();

  BtgApi btg;

  @BeforeEach
  void signIn() {
    btg = BtgApi.in(sandbox).signedIn();
  }

  static JsonObject ok(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /**
   * Ticket answers are written straight as bytes: exactly the compact encoding of their JSON, keys
   * in the order the ticket had as a JsonObject, a contract nested in its place.
   */
  @Test
  void aTicketAnswerIsTheCompactEncodingOfItsJsonInItsKeyOrder() {
    Buffer created = btg.createTicket(CPF, BtgTestData.newTicket()).bodyAsBuffer();
    JsonObject ticket = created.toJsonObject();
    assertEquals(ticket.toBuffer(), created);
    assertEquals(
        java.util.List.of(
            "id",
            "documentNumber",
            "phoneAreaCode",
            "phoneNumber",
            "channel",
            "type",
            "operator",
            "createdBy",
            "status",
            "createdAt",
            "metadata",
            "contracts"),
        java.util.List.copyOf(ticket.fieldNames()));
    Buffer withContract =
        btg.addContract(CPF, ticket.getString("id"), contract("NA")).bodyAsBuffer();
    assertEquals(withContract.toJsonObject().toBuffer(), withContract);
    JsonObject added = withContract.toJsonObject().getJsonArray("contracts").getJsonObject(0);
    assertEquals(
        java.util.List.of(
            "id", "terminationCode", "contractNumber", "product", "dueDays", "createdAt", "ticket"),
        java.util.List.copyOf(added.fieldNames()));
    assertEquals(ticket.getString("id"), added.getJsonObject("ticket").getString("id"));
  }

  @Test
  void ticketsInfoListsChannelsTypesAndTerminationCodes() {
    HttpResponse<Buffer> r = btg.info();
    assertEquals(200, r.statusCode());
    JsonObject info = r.bodyAsJsonObject();
    assertTrue(info.getJsonArray("ticketChannels").contains("PHONE"));
    assertTrue(info.getJsonArray("ticketTypes").contains("OUTBOUND"));
    assertEquals("AE", info.getJsonArray("terminationCodes").getJsonObject(0).getString("code"));
    assertNotNull(r.getHeader("x-amzn-RequestId"));
  }

  @Test
  void createdTicketIsOpenWithOperatorAndAssessoria() {
    Instant before = Instant.now().minusSeconds(1);
    JsonObject t = btg.openTicket(CPF);
    assertEquals("OPEN", t.getString("status"));
    assertEquals(OPERATOR, t.getString("operator"));
    assertEquals("ASSESSORIA-SANDBOX", t.getString("createdBy"));
    assertEquals(CPF, t.getString("documentNumber"));
    assertEquals("999998888", t.getString("phoneNumber"));
    assertTrue(Instant.parse(t.getString("createdAt")).isAfter(before));
    assertEquals(36, t.getString("id").length());
    assertTrue(t.getJsonArray("contracts").isEmpty());
  }

  @Test
  void aCnpjDocumentIsAcceptedToo() {
    assertEquals(CNPJ, btg.openTicket(CNPJ).getString("documentNumber"));
  }

  @Test
  void contractsAccumulateOnTheTicketAndCloseKeepsThem() {
    String id = btg.openTicket(CPF).getString("id");
    btg.addContract(CPF, id, contract("AE"));
    JsonArray contracts =
        ok(btg.addContract(CPF, id, contract("PP").put("contractNumber", "CN-2")))
            .getJsonArray("contracts");
    assertEquals(2, contracts.size());
    JsonObject second = contracts.getJsonObject(1);
    assertEquals("PP", second.getString("terminationCode"));
    assertEquals(25, second.getInteger("dueDays"));
    assertEquals(id, second.getJsonObject("ticket").getString("id"));
    assertNotNull(second.getString("createdAt"));

    JsonObject closed =
        ok(
            btg.closing(CPF, id)
                .addQueryParam("partyName", "RECONHECE")
                .addQueryParam("additionalInfo", "cliente pediu boleto")
                .addQueryParam("scheduledDate", "2026-03-01")
                .send()
                .await());
    assertEquals("CLOSED", closed.getString("status"));
    assertNotNull(closed.getString("closedAt"));
    assertEquals(2, closed.getJsonArray("contracts").size());
    JsonObject metadata = closed.getJsonObject("metadata");
    assertEquals("RECONHECE", metadata.getString("partyName"));
    assertEquals("cliente pediu boleto", metadata.getString("additionalInfo"));
    assertEquals("2026-03-01", metadata.getString("scheduledDate"));
  }

  @Test
  void contractWithoutDueDaysEchoesNull() {
    JsonObject withoutDueDays = contract("AE");
    withoutDueDays.remove("dueDays");
    String id = btg.openTicket(CPF).getString("id");
    JsonObject c =
        ok(btg.addContract(CPF, id, withoutDueDays)).getJsonArray("contracts").getJsonObject(0);
    assertTrue(c.containsKey("dueDays"));
    assertNull(c.getValue("dueDays"));
  }

  @Test
  void attemptTicketCarriesDurationContractsAndClosedAt() {
    JsonObject t = ok(btg.createAttempt(CPF, attempt()));
    assertEquals("OPEN", t.getString("status"));
    assertEquals(DIALER, t.getString("operator"));
    assertEquals(42, t.getInteger("duration"));
    assertEquals("cliente@example.com", t.getString("email"));
    Instant created = Instant.parse(t.getString("createdAt"));
    Instant closed = Instant.parse(t.getString("closedAt"));
    assertEquals(42_000, closed.toEpochMilli() - created.toEpochMilli());
    JsonObject c = t.getJsonArray("contracts").getJsonObject(0);
    assertEquals("NA", c.getString("terminationCode"));
    assertEquals("CN-81273197", c.getString("contractNumber"));
  }

  @Test
  void batchWithDocumentInPathTakesAnArrayOrATicketsObject() {
    JsonObject body =
        ok(
            btg.createBatch(
                CPF, new JsonArray().add(attempt()).add(attempt().put("channel", "SMS"))));
    assertEquals("SUCCESS", body.getString("status"));
    assertNotNull(body.getString("message"));
    assertEquals(2, body.getJsonArray("tickets").size());
    assertEquals("SMS", body.getJsonArray("tickets").getJsonObject(1).getString("channel"));

    JsonObject wrapped =
        ok(btg.createBatch(CPF, new JsonObject().put("tickets", new JsonArray().add(attempt()))));
    assertEquals(1, wrapped.getJsonArray("tickets").size());
  }

  @Test
  void batchWithoutDocumentTakesEachItemsDocumentNumber() {
    JsonArray items =
        new JsonArray()
            .add(attempt().put("documentNumber", CPF))
            .add(attempt().put("documentNumber", CNPJ));
    JsonArray tickets = ok(btg.createBatch(items)).getJsonArray("tickets");
    assertEquals(CPF, tickets.getJsonObject(0).getString("documentNumber"));
    assertEquals(CNPJ, tickets.getJsonObject(1).getString("documentNumber"));
  }

  @Test
  void oneBadItemRejectsTheWholeBatch() {
    JsonArray items =
        new JsonArray()
            .add(attempt().put("documentNumber", CPF))
            .add(attempt().put("documentNumber", "52998224726"));
    HttpResponse<Buffer> r = btg.createBatch(items);
    assertEquals(400, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("message").startsWith("[1]."));
    assertEquals(2, btg.storedTickets(CLIENT).size(), "only the two fixture tickets remain");
  }

  @Test
  void ticketsOfOneAppClientAreInvisibleToAnother() {
    String id = btg.openTicket(CPF).getString("id");
    HttpResponse<Buffer> r = btg.as(btg.issueToken(OTHER_CLIENT, OTHER_SECRET)).close(CPF, id);
    assertEquals(404, r.statusCode());
    assertTrue(r.bodyAsJsonObject().getString("message").contains("not found"));
  }

  @Test
  void aTicketIsNotFoundUnderAnotherDocument() {
    String id = btg.openTicket(CPF).getString("id");
    assertEquals(404, btg.addContract(CNPJ, id, contract("AE")).statusCode());
  }

  @Test
  void resetBringsBackTheFixtures() {
    btg.openTicket(CPF);
    sandbox.admin().reset();
    JsonArray mine = btg.storedTickets(CLIENT);
    assertEquals(2, mine.size());
    assertNotEquals(null, mine);
  }
}
