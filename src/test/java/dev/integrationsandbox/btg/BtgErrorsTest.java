package dev.integrationsandbox.btg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every error the issue names, as a BTG client sees it: status, body in the gateway's {@code
 * {"message"}} or Cognito's {@code {"error"}} dialect, and never a 5xx.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BtgErrorsTest {

  static final String CREATE = "/v2/btg-tickets/customers/52998224725/tickets";
  static final String INFO = "/v2/btg-tickets/customers/tickets/info";

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  static TestSandbox sandbox;
  String token;

  @BeforeEach
  void token(VertxTestContext ctx) {
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

  HttpRequest<Buffer> create() {
    return sandbox
        .client()
        .post(CREATE)
        .bearerTokenAuthentication(token)
        .putHeader("Content-Type", "application/json")
        .putHeader("createdBy", "Maria");
  }

  static JsonObject validTicket() {
    return new JsonObject()
        .put("phoneAreaCode", "11")
        .put("phoneNumber", "999998888")
        .put("channel", "PHONE")
        .put("type", "OUTBOUND");
  }

  static void expect(
      VertxTestContext ctx,
      Future<HttpResponse<Buffer>> answer,
      int status,
      Consumer<JsonObject> body) {
    answer.onComplete(
        ctx.succeeding(
            r ->
                ctx.verify(
                    () -> {
                      assertEquals(status, r.statusCode(), r.bodyAsString());
                      body.accept(r.bodyAsJsonObject());
                      ctx.completeNow();
                    })));
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
  void aMissingTokenIsUnauthorized(VertxTestContext ctx) {
    expect(ctx, sandbox.client().get(INFO).send(), 401, message("Unauthorized"));
  }

  @Test
  void aForgedTokenIsUnauthorized(VertxTestContext ctx) {
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    expect(
        ctx,
        sandbox.client().get(INFO).bearerTokenAuthentication(forged).send(),
        401,
        message("Unauthorized"));
  }

  @Test
  void garbageInTheAuthorizationHeaderIsUnauthorized(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox.client().get(INFO).putHeader("Authorization", "Bearer not-a-jwt").send(),
        401,
        message("Unauthorized"));
  }

  @Test
  void aTokenWithoutTheWriteScopeCannotCreate(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .btgToken("sandbox-btg-readonly", "sandbox-btg-readonly-secret")
            .compose(
                readOnly ->
                    sandbox
                        .client()
                        .post(CREATE)
                        .bearerTokenAuthentication(readOnly)
                        .putHeader("createdBy", "Maria")
                        .sendJsonObject(validTicket())),
        401,
        message("Unauthorized"));
  }

  @Test
  void malformedJsonIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        create().sendBuffer(Buffer.buffer("{\"phoneAreaCode\": ")),
        400,
        messageContaining("not valid JSON"));
  }

  @Test
  void aBodyThatIsNotAnObjectIsABadRequest(VertxTestContext ctx) {
    expect(ctx, create().sendBuffer(Buffer.buffer("[1,2]")), 400, messageContaining("body"));
  }

  @ParameterizedTest
  @CsvSource({"phoneAreaCode", "phoneNumber", "channel", "type"})
  void aWrongTypeInAnyFieldIsABadRequestNamingTheField(String field, VertxTestContext ctx) {
    expect(
        ctx, create().sendJsonObject(validTicket().put(field, 11)), 400, messageContaining(field));
  }

  @ParameterizedTest
  @CsvSource({"phoneAreaCode", "phoneNumber", "channel", "type"})
  void aMissingFieldIsABadRequestNamingTheField(String field, VertxTestContext ctx) {
    JsonObject body = validTicket();
    body.remove(field);
    expect(ctx, create().sendJsonObject(body), 400, messageContaining(field));
  }

  static JsonObject validAttempt() {
    return validTicket()
        .put("duration", 42)
        .put(
            "contracts",
            new io.vertx.core.json.JsonArray()
                .add(
                    new JsonObject()
                        .put("terminationCode", "NA")
                        .put("contractNumber", "CN-1")
                        .put("product", "CCB")
                        .put("dueDays", 3)));
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
  void aWrongValueInAnyAttemptFieldIsABadRequestNamingIt(
      String field, String json, VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .post("/v2/btg-tickets/customers/52998224725/attempt-tickets")
            .bearerTokenAuthentication(token)
            .putHeader("createdBy", "Discador")
            .sendJsonObject(validAttempt().put(field, io.vertx.core.json.Json.decodeValue(json))),
        400,
        messageContaining(field));
  }

  @Test
  void aWrongTypeInAContractFieldIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        create()
            .sendJsonObject(validTicket())
            .compose(
                t ->
                    sandbox
                        .client()
                        .post(CREATE + "/" + t.bodyAsJsonObject().getString("id") + "/contracts")
                        .bearerTokenAuthentication(token)
                        .sendJsonObject(
                            new JsonObject()
                                .put("terminationCode", "AE")
                                .put("contractNumber", "CN-1")
                                .put("product", "CCB")
                                .put("dueDays", "vinte"))),
        400,
        messageContaining("dueDays"));
  }

  @Test
  void theCreatedByHeaderIsRequired(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .post(CREATE)
            .bearerTokenAuthentication(token)
            .sendJsonObject(validTicket()),
        400,
        messageContaining("createdBy"));
  }

  @Test
  void anUnknownChannelIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        create().sendJsonObject(validTicket().put("channel", "FAX")),
        400,
        messageContaining("channel 'FAX'"));
  }

  @Test
  void anUnknownTypeIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        create().sendJsonObject(validTicket().put("type", "SIDEWAYS")),
        400,
        messageContaining("type 'SIDEWAYS'"));
  }

  @ParameterizedTest
  @CsvSource({"52998224726", "11111111111", "11222333000180", "1234", "abcdefghijk"})
  void aDocumentWithWrongCheckDigitsOrShapeIsABadRequest(String document, VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .post("/v2/btg-tickets/customers/" + document + "/tickets")
            .bearerTokenAuthentication(token)
            .putHeader("createdBy", "Maria")
            .sendJsonObject(validTicket()),
        400,
        messageContaining("document"));
  }

  @Test
  void anUnknownTerminationCodeIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        create()
            .sendJsonObject(validTicket())
            .compose(
                t ->
                    sandbox
                        .client()
                        .post(CREATE + "/" + t.bodyAsJsonObject().getString("id") + "/contracts")
                        .bearerTokenAuthentication(token)
                        .sendJsonObject(
                            new JsonObject()
                                .put("terminationCode", "ZZ")
                                .put("contractNumber", "CN-1")
                                .put("product", "CCB"))),
        400,
        messageContaining("terminationCode 'ZZ'"));
  }

  @Test
  void anOversizedBodyIsRejectedWith413(VertxTestContext ctx) {
    Buffer twoMiB = Buffer.buffer(new byte[2 * 1024 * 1024]);
    expect(ctx, create().sendBuffer(twoMiB), 413, message("Request Too Long"));
  }

  @Test
  void aBodyThatIsNotJsonIsUnsupported(VertxTestContext ctx) {
    expect(
        ctx,
        create().putHeader("Content-Type", "text/plain").sendBuffer(Buffer.buffer("hello")),
        415,
        message("Unsupported Media Type"));
  }

  @Test
  void anUnknownTicketIsNotFound(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .delete(CREATE + "/0b6d0d3e-1111-4222-8333-444455556666")
            .bearerTokenAuthentication(token)
            .send(),
        404,
        messageContaining("not found"));
  }

  @Test
  void aTicketIdThatIsNotAUuidIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox.client().delete(CREATE + "/42").bearerTokenAuthentication(token).send(),
        400,
        messageContaining("ticketId"));
  }

  @Test
  void closingAClosedTicketIsRejected(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .delete(
                CREATE.replace("52998224725", "11222333000181")
                    + "/7a2b3c4d-5e6f-4a7b-9c8d-66778899aabb")
            .bearerTokenAuthentication(token)
            .send(),
        422,
        messageContaining("already closed"));
  }

  @Test
  void aContractCannotBeAddedToAClosedTicket(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .post(
                CREATE.replace("52998224725", "11222333000181")
                    + "/7a2b3c4d-5e6f-4a7b-9c8d-66778899aabb/contracts")
            .bearerTokenAuthentication(token)
            .sendJsonObject(
                new JsonObject()
                    .put("terminationCode", "AE")
                    .put("contractNumber", "CN-1")
                    .put("product", "CCB")),
        422,
        messageContaining("closed"));
  }

  @Test
  void anInvalidCloseQueryParameterIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .delete(CREATE + "/6f1c2d3e-4a5b-4c6d-8e7f-001122334455")
            .addQueryParam("partyName", "TALVEZ")
            .bearerTokenAuthentication(token)
            .send(),
        400,
        messageContaining("partyName"));
  }

  @Test
  void aQueryStringThatCannotBeDecodedIsABadRequest(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .delete(CREATE + "/6f1c2d3e-4a5b-4c6d-8e7f-001122334455?additionalInfo=%zz")
            .bearerTokenAuthentication(token)
            .send(),
        400,
        messageContaining("decoded"));
  }

  @Test
  void aPathThatCannotBeDecodedIsABadRequestInTheGatewaysDialect(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .get("/v2/btg-tickets/customers/%zz/tickets")
            .bearerTokenAuthentication(token)
            .send(),
        400,
        messageContaining("decoded"));
  }

  @Test
  void anUnknownRouteIsAMissingAuthenticationToken(VertxTestContext ctx) {
    sandbox
        .client()
        .get("/v2/btg-tickets/customers/52998224725/nothing")
        .bearerTokenAuthentication(token)
        .send()
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(403, r.statusCode());
                          assertEquals(
                              "Missing Authentication Token",
                              r.bodyAsJsonObject().getString("message"));
                          assertEquals(
                              "MissingAuthenticationTokenException",
                              r.getHeader("x-amzn-ErrorType"));
                          assertNotNull(r.getHeader("x-amzn-RequestId"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void aWrongSecretIsAnInvalidClient(VertxTestContext ctx) {
    expect(
        ctx,
        token("sandbox-btg", "nope", form("grant_type", "client_credentials")),
        400,
        error("invalid_client"));
  }

  @Test
  void anUnknownClientIsAnInvalidClient(VertxTestContext ctx) {
    expect(
        ctx,
        token("who", "nope", form("grant_type", "client_credentials")),
        400,
        error("invalid_client"));
  }

  @Test
  void clientCredentialsInTheFormWorkToo(VertxTestContext ctx) {
    sandbox
        .client()
        .post("/oauth2/token")
        .sendForm(
            form("grant_type", "client_credentials")
                .add("client_id", TestSandbox.BTG_CLIENT)
                .add("client_secret", TestSandbox.BTG_SECRET))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode(), r.bodyAsString());
                          assertEquals("Bearer", r.bodyAsJsonObject().getString("token_type"));
                          assertEquals(3600, r.bodyAsJsonObject().getInteger("expires_in"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void credentialsInBothHeaderAndFormAreAnInvalidRequest(VertxTestContext ctx) {
    expect(
        ctx,
        token(
            TestSandbox.BTG_CLIENT,
            TestSandbox.BTG_SECRET,
            form("grant_type", "client_credentials").add("client_id", TestSandbox.BTG_CLIENT)),
        400,
        error("invalid_request"));
  }

  @Test
  void aMissingGrantTypeIsAnInvalidRequest(VertxTestContext ctx) {
    expect(
        ctx,
        token(TestSandbox.BTG_CLIENT, TestSandbox.BTG_SECRET, form("scope", "btg-tickets/read")),
        400,
        error("invalid_request"));
  }

  @Test
  void anUnknownGrantTypeIsUnsupported(VertxTestContext ctx) {
    expect(
        ctx,
        token(TestSandbox.BTG_CLIENT, TestSandbox.BTG_SECRET, form("grant_type", "password")),
        400,
        error("unsupported_grant_type"));
  }

  @Test
  void aScopeTheClientDoesNotHaveIsAnInvalidScope(VertxTestContext ctx) {
    expect(
        ctx,
        token(
            "sandbox-btg-readonly",
            "sandbox-btg-readonly-secret",
            form("grant_type", "client_credentials").add("scope", "btg-tickets/write")),
        400,
        error("invalid_scope"));
  }

  @Test
  void aJsonTokenRequestIsAnInvalidRequest(VertxTestContext ctx) {
    expect(
        ctx,
        sandbox
            .client()
            .post("/oauth2/token")
            .basicAuthentication(TestSandbox.BTG_CLIENT, TestSandbox.BTG_SECRET)
            .sendJsonObject(new JsonObject().put("grant_type", "client_credentials")),
        400,
        error("invalid_request"));
  }

  @Test
  void theTokenEndpointOnlyTakesPost(VertxTestContext ctx) {
    expect(ctx, sandbox.client().get("/oauth2/token").send(), 405, error("invalid_request"));
  }

  static MultiMap form(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }

  Future<HttpResponse<Buffer>> token(String id, String secret, MultiMap form) {
    return sandbox.client().post("/oauth2/token").basicAuthentication(id, secret).sendForm(form);
  }
}
