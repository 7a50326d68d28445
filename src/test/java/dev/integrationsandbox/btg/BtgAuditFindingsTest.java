package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgAuditData.ATTEMPT;
import static dev.integrationsandbox.btg.BtgAuditData.BATCH;
import static dev.integrationsandbox.btg.BtgAuditData.DOCUMENT;
import static dev.integrationsandbox.btg.BtgAuditData.OTHER_DOCUMENT;
import static dev.integrationsandbox.btg.BtgAuditData.TICKETS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outside audit's findings on the ticket API, one test each: inputs that crashed the emulator,
 * numbers it silently changed, state it let grow without bound, and answers that differed from the
 * API gateway's.
 */
@Timeout(60)
class BtgAuditFindingsTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  BtgAuditData api;

  @BeforeEach
  void freshWorld() {
    api = new BtgAuditData(extension.sandbox());
  }

  static void assertGatewayError(HttpResponse<Buffer> r, int status, String mentions) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(List.of("message"), List.copyOf(body.fieldNames()), r.bodyAsString());
    assertTrue(body.getString("message").contains(mentions), body.getString("message"));
  }

  @Test
  void anEmptyEmailInAnAttemptIsRefusedNotACrash() {
    HttpResponse<Buffer> r =
        api.send(HttpMethod.POST, ATTEMPT, BtgAuditData.attempt().put("email", ""));
    assertGatewayError(r, 400, "email");
  }

  @Test
  void anEmptyEmailInABatchIsRefusedAndCreatesNothing() {
    JsonObject item = BtgAuditData.attempt().put("documentNumber", DOCUMENT).put("email", "");
    HttpResponse<Buffer> r = api.send(HttpMethod.POST, BATCH, new JsonArray().add(item));
    assertGatewayError(r, 400, "email");
    assertTrue(
        api
            .sandbox()
            .server()
            .sandbox()
            .vendor("btg")
            .orElseThrow()
            .emulator()
            .snapshot()
            .getJsonObject("tickets")
            .getJsonArray(BtgTestData.CLIENT, new JsonArray())
            .stream()
            .noneMatch(t -> ((JsonObject) t).containsKey("duration")));
  }

  @Test
  void anEmptyEmailWhenClosingIsRefusedAndTheTicketStaysOpen() {
    String id = api.open().getString("id");
    HttpResponse<Buffer> refused =
        api.send(HttpMethod.DELETE, BtgAuditData.ticketUri(id) + "?email=", null);
    assertGatewayError(refused, 400, "email");
    HttpResponse<Buffer> closed = api.send(HttpMethod.DELETE, BtgAuditData.ticketUri(id), null);
    assertEquals(200, closed.statusCode(), closed.bodyAsString());
    assertEquals("CLOSED", closed.bodyAsJsonObject().getString("status"));
  }

  @Test
  void dueDaysBeyondAThirtyTwoBitIntegerIsRefusedNamingTheField() {
    String id = api.open().getString("id");
    String uri = BtgAuditData.ticketUri(id) + "/contracts";
    for (String dueDays : List.of("2147483648", "9223372036854775808", "1e400", "-1")) {
      HttpResponse<Buffer> r =
          api.sendRaw(
              HttpMethod.POST,
              uri,
              "{\"terminationCode\":\"AE\",\"contractNumber\":\"CN-1\",\"product\":\"CCB\","
                  + "\"dueDays\":"
                  + dueDays
                  + "}");
      assertGatewayError(r, 400, "dueDays");
    }
    HttpResponse<Buffer> kept =
        api.sendRaw(
            HttpMethod.POST,
            uri,
            "{\"terminationCode\":\"AE\",\"contractNumber\":\"CN-1\",\"product\":\"CCB\","
                + "\"dueDays\":2147483647}");
    assertEquals(200, kept.statusCode(), kept.bodyAsString());
    assertTrue(kept.bodyAsString().contains("\"dueDays\":2147483647"), kept.bodyAsString());
  }

  @Test
  void aDurationBeyondItsBoundIsRefusedAndDatesStayIso() {
    String raw = BtgAuditData.attempt().put("duration", 0).encode();
    for (String duration : List.of("1e300", "1e400", "86401", "9223372036854775808", "-0.5")) {
      HttpResponse<Buffer> r =
          api.sendRaw(
              HttpMethod.POST, ATTEMPT, raw.replace("\"duration\":0", "\"duration\":" + duration));
      assertGatewayError(r, 400, "duration");
    }
    HttpResponse<Buffer> longest =
        api.sendRaw(HttpMethod.POST, ATTEMPT, raw.replace("\"duration\":0", "\"duration\":86400"));
    assertEquals(200, longest.statusCode(), longest.bodyAsString());
    JsonObject ticket = longest.bodyAsJsonObject();
    assertEquals(86400, ticket.getInteger("duration"));
    assertEquals(
        Duration.ofDays(1),
        Duration.between(
            Instant.parse(ticket.getString("createdAt")),
            Instant.parse(ticket.getString("closedAt"))));
    HttpResponse<Buffer> fraction =
        api.sendRaw(HttpMethod.POST, ATTEMPT, raw.replace("\"duration\":0", "\"duration\":95.5"));
    assertEquals(200, fraction.statusCode(), fraction.bodyAsString());
    assertTrue(fraction.bodyAsString().contains("\"duration\":95.5"), fraction.bodyAsString());
  }

  @Test
  void aTicketHoldsAtMostAHundredContracts() {
    String id = api.open().getString("id");
    String uri = BtgAuditData.ticketUri(id) + "/contracts";
    for (int i = 0; i < 100; i++) {
      HttpResponse<Buffer> r = api.send(HttpMethod.POST, uri, BtgAuditData.contract());
      assertEquals(200, r.statusCode(), r.bodyAsString());
    }
    assertGatewayError(
        api.send(HttpMethod.POST, uri, BtgAuditData.contract()), 422, "100 contracts");
    JsonArray many = new JsonArray();
    for (int i = 0; i <= 100; i++) {
      many.add(BtgAuditData.contract());
    }
    assertGatewayError(
        api.send(HttpMethod.POST, ATTEMPT, BtgAuditData.attempt().put("contracts", many)),
        400,
        "contracts");
  }

  @Test
  void aSingleAttemptNamingAnotherDocumentIsRefusedLikeABatchItem() {
    HttpResponse<Buffer> r =
        api.send(
            HttpMethod.POST, ATTEMPT, BtgAuditData.attempt().put("documentNumber", OTHER_DOCUMENT));
    assertGatewayError(r, 400, "documentNumber differs from the document in the path");
    HttpResponse<Buffer> same =
        api.send(HttpMethod.POST, ATTEMPT, BtgAuditData.attempt().put("documentNumber", DOCUMENT));
    assertEquals(200, same.statusCode(), same.bodyAsString());
  }

  @Test
  void anUnknownRouteWithAnAuthorizationHeaderIsAnIncompleteSignature() {
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.PUT)) {
      HttpResponse<Buffer> r = api.send(method, TICKETS, null);
      assertGatewayError(r, 403, "Authorization header requires 'Credential' parameter.");
      assertEquals("IncompleteSignatureException", r.getHeader("x-amzn-ErrorType"));
    }
  }

  @Test
  void anUnknownRouteWithoutAuthorizationIsAMissingToken() {
    HttpResponse<Buffer> r = api.get(TICKETS);
    assertGatewayError(r, 403, "Missing Authentication Token");
    assertEquals("Missing Authentication Token", r.bodyAsJsonObject().getString("message"));
    assertEquals("MissingAuthenticationTokenException", r.getHeader("x-amzn-ErrorType"));
  }

  @Test
  void btgLookingPathsNeverShowTheSandboxRoutingTable() {
    for (String path :
        List.of(
            "/v2/btg-tickets",
            "/v2/btg-tickets-v3/customers",
            "/v2/negotiation/customers/" + DOCUMENT + "/offers")) {
      HttpResponse<Buffer> r = api.get(path);
      assertGatewayError(r, 403, "Missing Authentication Token");
      assertNull(r.bodyAsJsonObject().getValue("vendors"), path);
    }
    HttpResponse<Buffer> cognito = api.get("/oauth2");
    assertFalse(cognito.bodyAsString().contains("vendors"), cognito.bodyAsString());
  }
}
