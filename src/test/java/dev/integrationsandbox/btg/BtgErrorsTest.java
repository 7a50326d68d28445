package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgApi.form;
import static dev.integrationsandbox.btg.BtgTestData.CLIENT;
import static dev.integrationsandbox.btg.BtgTestData.CLOSED_TICKET;
import static dev.integrationsandbox.btg.BtgTestData.CNPJ;
import static dev.integrationsandbox.btg.BtgTestData.CPF;
import static dev.integrationsandbox.btg.BtgTestData.CUSTOMERS;
import static dev.integrationsandbox.btg.BtgTestData.OPEN_TICKET;
import static dev.integrationsandbox.btg.BtgTestData.READONLY_CLIENT;
import static dev.integrationsandbox.btg.BtgTestData.READONLY_SECRET;
import static dev.integrationsandbox.btg.BtgTestData.SECRET;
import static dev.integrationsandbox.btg.BtgTestData.TOKEN;
import static dev.integrationsandbox.btg.BtgTestData.UNKNOWN_TICKET;
import static dev.integrationsandbox.btg.BtgTestData.attempt;
import static dev.integrationsandbox.btg.BtgTestData.contract;
import static dev.integrationsandbox.btg.BtgTestData.newTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error the issue names, as a BTG client sees it: status, body in the gateway's {@code
 * {"message"}} or Cognito's {@code {"error"}} dialect, and never a 5xx.
 */
@Timeout(30)
class BtgErrorsTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  BtgApi anonymous;
  BtgApi btg;

  @BeforeEach
  void signIn() {
    anonymous = new BtgApi(extension.sandbox());
    btg = anonymous.signedIn();
  }

  static void expect(HttpResponse<Buffer> answer, int status, Consumer<JsonObject> body) {
    assertEquals(status, answer.statusCode(), answer.bodyAsString());
    body.accept(answer.bodyAsJsonObject());
  }

  static Consumer<JsonObject> message(String expected) {
    return b -> assertEquals(expected, b.getString("message"));
  }

  static Consumer<JsonObject> messageContaining(String part) {
    return b -> assertTrue(b.getString("message").contains(part), b.encode());
  }

  static Consumer<JsonObject> error(String code) {
    return b -> assertEquals(new JsonObject().put("error", code), b);
  }

  @Test
  void aMissingTokenIsUnauthorized() {
    expect(anonymous.info(), 401, message("Unauthorized"));
  }

  @Test
  void aForgedTokenIsUnauthorized() {
    String[] parts = btg.token().split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    expect(btg.as(forged).info(), 401, message("Unauthorized"));
  }

  @Test
  void garbageInTheAuthorizationHeaderIsUnauthorized() {
    expect(
        anonymous
            .request(HttpMethod.GET, BtgTestData.INFO)
            .putHeader("Authorization", "Bearer not-a-jwt")
            .send()
            .await(),
        401,
        message("Unauthorized"));
  }

  @Test
  void aTokenWithoutTheWriteScopeCannotCreate() {
    BtgApi readOnly = btg.as(btg.issueToken(READONLY_CLIENT, READONLY_SECRET));
    expect(readOnly.createTicket(CPF, newTicket()), 401, message("Unauthorized"));
  }

  @Test
  void malformedJsonIsABadRequest() {
    expect(
        btg.creating(CPF).sendBuffer(Buffer.buffer("{\"phoneAreaCode\": ")).await(),
        400,
        messageContaining("not valid JSON"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsABadRequest() {
    expect(
        btg.creating(CPF).sendBuffer(Buffer.buffer("[1,2]")).await(),
        400,
        messageContaining("body"));
  }

  @ParameterizedTest
  @CsvSource({"phoneAreaCode", "phoneNumber", "channel", "type"})
  void aWrongTypeInAnyFieldIsABadRequestNamingTheField(String field) {
    expect(btg.createTicket(CPF, newTicket().put(field, 11)), 400, messageContaining(field));
  }

  @ParameterizedTest
  @CsvSource({"phoneAreaCode", "phoneNumber", "channel", "type"})
  void aMissingFieldIsABadRequestNamingTheField(String field) {
    JsonObject body = newTicket();
    body.remove(field);
    expect(btg.createTicket(CPF, body), 400, messageContaining(field));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "duration|\"42\"",
        "duration|-1",
        "contracts|{}",
        "contracts|[]",
        "contracts|[{\"terminationCode\":\"NA\",\"contractNumber\":\"CN-1\",\"product\":5}]",
        "contracts|[{\"terminationCode\":\"NA\",\"contractNumber\":7,\"product\":\"CCB\"}]",
        "contracts|[{\"terminationCode\":1,\"contractNumber\":\"CN-1\",\"product\":\"CCB\"}]",
        "contracts|[{\"terminationCode\":\"NA\",\"contractNumber\":\"CN-1\",\"product\":\"CCB\",\"dueDays\":2.5}]",
        "email|\"not-an-email\"",
        "scheduledDate|\"01/02/2026\"",
        "contactPhoneNumber|11999",
        "phoneNumber|null"
      })
  void aWrongValueInAnyAttemptFieldIsABadRequestNamingIt(String field, String json) {
    expect(
        btg.createAttempt(CPF, attempt().put(field, Json.decodeValue(json))),
        400,
        messageContaining(field));
  }

  @Test
  void aWrongTypeInAContractFieldIsABadRequest() {
    String id = btg.openTicket(CPF).getString("id");
    expect(
        btg.addContract(CPF, id, contract("AE").put("dueDays", "vinte")),
        400,
        messageContaining("dueDays"));
  }

  @Test
  void theCreatedByHeaderIsRequired() {
    expect(
        btg.post(BtgTestData.tickets(CPF), null, newTicket()), 400, messageContaining("createdBy"));
  }

  @Test
  void anUnknownChannelIsABadRequest() {
    expect(
        btg.createTicket(CPF, newTicket().put("channel", "FAX")),
        400,
        messageContaining("channel 'FAX'"));
  }

  @Test
  void anUnknownTypeIsABadRequest() {
    expect(
        btg.createTicket(CPF, newTicket().put("type", "SIDEWAYS")),
        400,
        messageContaining("type 'SIDEWAYS'"));
  }

  @ParameterizedTest
  @CsvSource({"52998224726", "11111111111", "11222333000180", "1234", "abcdefghijk"})
  void aDocumentWithWrongCheckDigitsOrShapeIsABadRequest(String document) {
    expect(btg.createTicket(document, newTicket()), 400, messageContaining("document"));
  }

  @Test
  void anUnknownTerminationCodeIsABadRequest() {
    String id = btg.openTicket(CPF).getString("id");
    expect(
        btg.addContract(CPF, id, contract("ZZ")), 400, messageContaining("terminationCode 'ZZ'"));
  }

  @Test
  void aBodyPastTheGatewaysTenMegabytesIsRejectedWith413() {
    Buffer overTen = Buffer.buffer(new byte[10 * 1024 * 1024 + 1]);
    expect(btg.creating(CPF).sendBuffer(overTen).await(), 413, message("Request Too Long"));
  }

  @Test
  void aBodyThatIsNotJsonIsUnsupported() {
    expect(
        btg.creating(CPF)
            .putHeader("Content-Type", "text/plain")
            .sendBuffer(Buffer.buffer("hello"))
            .await(),
        415,
        message("Unsupported Media Type"));
  }

  @Test
  void anUnknownTicketIsNotFound() {
    expect(btg.close(CPF, UNKNOWN_TICKET), 404, messageContaining("not found"));
  }

  @Test
  void aTicketIdThatIsNotAUuidIsABadRequest() {
    expect(btg.close(CPF, "42"), 400, messageContaining("ticketId"));
  }

  @Test
  void closingAClosedTicketIsRejected() {
    expect(btg.close(CNPJ, CLOSED_TICKET), 422, messageContaining("already closed"));
  }

  @Test
  void aContractCannotBeAddedToAClosedTicket() {
    expect(btg.addContract(CNPJ, CLOSED_TICKET, contract("AE")), 422, messageContaining("closed"));
  }

  @Test
  void anInvalidCloseQueryParameterIsABadRequest() {
    expect(
        btg.closing(CPF, OPEN_TICKET).addQueryParam("partyName", "TALVEZ").send().await(),
        400,
        messageContaining("partyName"));
  }

  @Test
  void aQueryStringThatCannotBeDecodedIsABadRequest() {
    expect(
        btg.delete(BtgTestData.ticket(CPF, OPEN_TICKET) + "?additionalInfo=%zz"),
        400,
        messageContaining("decoded"));
  }

  @Test
  void aPathThatCannotBeDecodedIsABadRequestInTheGatewaysDialect() {
    expect(btg.get(CUSTOMERS + "%zz/tickets"), 400, messageContaining("decoded"));
  }

  @Test
  void anUnknownRouteWithoutATokenIsAMissingAuthenticationToken() {
    HttpResponse<Buffer> r = anonymous.get(CUSTOMERS + CPF + "/nothing");
    assertEquals(403, r.statusCode());
    assertEquals("Missing Authentication Token", r.bodyAsJsonObject().getString("message"));
    assertEquals("MissingAuthenticationTokenException", r.getHeader("x-amzn-ErrorType"));
    assertNotNull(r.getHeader("x-amzn-RequestId"));
  }

  /**
   * With an {@code Authorization} header, API Gateway takes the bearer token for an incomplete
   * SigV4 signature (VENDOR-FACTS §1d): still a 403, never a 404, and the token is not accepted as
   * a route.
   */
  @Test
  void anUnknownRouteWithATokenIsAnIncompleteSignature() {
    HttpResponse<Buffer> r = btg.get(CUSTOMERS + CPF + "/nothing");
    assertEquals(403, r.statusCode());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(List.of("message"), List.copyOf(body.fieldNames()));
    assertTrue(
        body.getString("message")
            .startsWith("Authorization header requires 'Credential' parameter."),
        body.encode());
    assertEquals("IncompleteSignatureException", r.getHeader("x-amzn-ErrorType"));
    assertNotNull(r.getHeader("x-amzn-RequestId"));
  }

  @Test
  void aWrongSecretIsAnInvalidClient() {
    expect(
        anonymous.requestToken(CLIENT, "nope", form("grant_type", "client_credentials")),
        400,
        error("invalid_client"));
  }

  @Test
  void anUnknownClientIsAnInvalidClient() {
    expect(
        anonymous.requestToken("who", "nope", form("grant_type", "client_credentials")),
        400,
        error("invalid_client"));
  }

  @Test
  void clientCredentialsInTheFormWorkToo() {
    HttpResponse<Buffer> r =
        anonymous
            .request(HttpMethod.POST, TOKEN)
            .sendForm(
                form("grant_type", "client_credentials")
                    .add("client_id", CLIENT)
                    .add("client_secret", SECRET))
            .await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("Bearer", r.bodyAsJsonObject().getString("token_type"));
    assertEquals(3600, r.bodyAsJsonObject().getInteger("expires_in"));
  }

  /**
   * Basic plus the same {@code client_id} in the form is how AWS's own examples call the endpoint;
   * only a second secret is a double authentication (VENDOR-FACTS §1d, RFC 6749 §2.3).
   */
  @Test
  void aClientIdBesidesBasicIsAcceptedButASecondSecretIsAnInvalidRequest() {
    HttpResponse<Buffer> sameClient =
        anonymous.requestToken(
            CLIENT, SECRET, form("grant_type", "client_credentials").add("client_id", CLIENT));
    assertEquals(200, sameClient.statusCode(), sameClient.bodyAsString());
    assertEquals("Bearer", sameClient.bodyAsJsonObject().getString("token_type"));
    expect(
        anonymous.requestToken(
            CLIENT,
            SECRET,
            form("grant_type", "client_credentials")
                .add("client_id", CLIENT)
                .add("client_secret", SECRET)),
        400,
        error("invalid_request"));
  }

  @Test
  void aMissingGrantTypeIsAnInvalidRequest() {
    expect(
        anonymous.requestToken(CLIENT, SECRET, form("scope", "btg-tickets/read")),
        400,
        error("invalid_request"));
  }

  @Test
  void anUnknownGrantTypeIsUnsupported() {
    expect(
        anonymous.requestToken(CLIENT, SECRET, form("grant_type", "password")),
        400,
        error("unsupported_grant_type"));
  }

  @Test
  void aScopeTheClientDoesNotHaveIsAnInvalidScope() {
    expect(
        anonymous.requestToken(
            READONLY_CLIENT,
            READONLY_SECRET,
            form("grant_type", "client_credentials").add("scope", "btg-tickets/write")),
        400,
        error("invalid_scope"));
  }

  /** Cognito refuses a body that is not a form before reading it (VENDOR-FACTS §1d). */
  @Test
  void aJsonTokenRequestIs405WithAnEmptyBody() {
    HttpResponse<Buffer> r =
        anonymous
            .request(HttpMethod.POST, TOKEN)
            .basicAuthentication(CLIENT, SECRET)
            .sendJsonObject(new JsonObject().put("grant_type", "client_credentials"))
            .await();
    assertEquals(405, r.statusCode(), r.bodyAsString());
    assertTrue(r.body() == null || r.body().length() == 0, r.bodyAsString());
  }

  @Test
  void theTokenEndpointOnlyTakesPost() {
    expect(anonymous.get(TOKEN), 405, error("invalid_request"));
  }
}
