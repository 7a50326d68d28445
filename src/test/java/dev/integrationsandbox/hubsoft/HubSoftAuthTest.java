package dev.integrationsandbox.hubsoft;

import static dev.integrationsandbox.hubsoft.HubSoftApi.ATENDIMENTO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HubSoft's OAuth server and its bearer tokens, as a client sees them over HTTP. */
@Timeout(60)
class HubSoftAuthTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  HubSoftApi api;

  @BeforeEach
  void client() {
    api = new HubSoftApi(extension.sandbox());
  }

  void assertOAuthError(HttpResponse<Buffer> r, int status, String error, String hint) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(error, body.getString("error"));
    assertEquals(body.getString("error_description"), body.getString("message"));
    assertEquals(hint, body.getString("hint"));
  }

  @Test
  void thePasswordGrantGivesAThirtyDayBearerTokenAndARefreshToken() {
    HttpResponse<Buffer> r = api.tokenRequest(HubSoftApi.passwordGrant());
    assertEquals(200, r.statusCode());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals("Bearer", body.getString("token_type"));
    assertEquals(2592000, body.getInteger("expires_in"));
    assertTrue(
        body.getString("access_token").startsWith("eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImp0aSI6I"));
    assertTrue(body.getString("refresh_token").startsWith("def50200"));
    assertEquals("no-store", r.getHeader("Cache-Control"));
  }

  @Test
  void aFormEncodedRequestAndANumericClientIdWorkToo() {
    HttpResponse<Buffer> form =
        api.tokenForm(
            Map.of(
                "grant_type",
                "password",
                "client_id",
                "89",
                "client_secret",
                HubSoftApi.CLIENT_SECRET,
                "username",
                HubSoftApi.USERNAME,
                "password",
                HubSoftApi.PASSWORD));
    assertEquals(200, form.statusCode(), form.bodyAsString());
    assertEquals(
        200, api.tokenRequest(HubSoftApi.passwordGrant().put("client_id", 89)).statusCode());
  }

  @Test
  void wrongUserCredentialsAreTheCollectionsInvalidCredentials() {
    HttpResponse<Buffer> r = api.tokenRequest(HubSoftApi.passwordGrant().put("password", "wrong"));
    assertOAuthError(r, 401, "invalid_credentials", null);
    assertEquals("The user credentials were incorrect.", r.bodyAsJsonObject().getString("message"));
  }

  @Test
  void aWrongClientIsInvalidClient() {
    HttpResponse<Buffer> r =
        api.tokenRequest(HubSoftApi.passwordGrant().put("client_secret", "wrong"));
    assertOAuthError(r, 401, "invalid_client", null);
    assertNull(r.getHeader("WWW-Authenticate"));
    HttpResponse<Buffer> basic =
        extension
            .sandbox()
            .client()
            .post("/oauth/token")
            .basicAuthentication("89", "wrong")
            .sendJsonObject(new JsonObject().put("grant_type", "password"))
            .await();
    assertOAuthError(basic, 401, "invalid_client", null);
    assertEquals("Basic realm=\"OAuth\"", basic.getHeader("WWW-Authenticate"));
    assertOAuthError(
        api.tokenRequest(HubSoftApi.passwordGrant().put("client_id", "1")),
        401,
        "invalid_client",
        null);
  }

  @Test
  void anUnsupportedOrMissingGrantIs400() {
    String hint = "Check that all required parameters have been provided";
    assertOAuthError(
        api.tokenRequest(HubSoftApi.passwordGrant().put("grant_type", "client_credentials")),
        400,
        "unsupported_grant_type",
        hint);
    assertOAuthError(api.tokenRequest(new JsonObject()), 400, "unsupported_grant_type", hint);
    HttpResponse<Buffer> garbage =
        extension
            .sandbox()
            .client()
            .post("/oauth/token")
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("[1,2"))
            .await();
    assertOAuthError(garbage, 400, "unsupported_grant_type", hint);
  }

  @Test
  void aMissingFieldIsInvalidRequestNamingIt() {
    JsonObject grant = HubSoftApi.passwordGrant();
    grant.remove("username");
    assertOAuthError(
        api.tokenRequest(grant), 400, "invalid_request", "Check the `username` parameter");
    assertOAuthError(
        api.tokenRequest(HubSoftApi.passwordGrant().put("password", "")),
        400,
        "invalid_request",
        "Check the `password` parameter");
    JsonObject noClient = HubSoftApi.passwordGrant();
    noClient.remove("client_id");
    assertOAuthError(
        api.tokenRequest(noClient), 400, "invalid_request", "Check the `client_id` parameter");
  }

  @Test
  void theRefreshGrantRotatesThePairOnce() {
    JsonObject first = api.tokens(HubSoftApi.passwordGrant());
    JsonObject refresh =
        new JsonObject()
            .put("grant_type", "refresh_token")
            .put("client_id", HubSoftApi.CLIENT_ID)
            .put("client_secret", HubSoftApi.CLIENT_SECRET)
            .put("refresh_token", first.getString("refresh_token"));
    JsonObject second = api.tokens(refresh);
    assertNotEquals(first.getString("access_token"), second.getString("access_token"));
    assertEquals(
        401,
        api.send(
                HttpMethod.GET,
                HubSoftApi.TODOS + "?pagina=0&itens_por_pagina=1",
                first.getString("access_token"),
                null)
            .statusCode());
    assertEquals(
        200,
        api.send(
                HttpMethod.GET,
                HubSoftApi.TODOS + "?pagina=0&itens_por_pagina=1",
                second.getString("access_token"),
                null)
            .statusCode());
    assertOAuthError(api.tokenRequest(refresh), 401, "invalid_request", "Token has been revoked");
    assertOAuthError(
        api.tokenRequest(refresh.copy().put("refresh_token", "def50200bogus")),
        401,
        "invalid_request",
        "Cannot decrypt the refresh token");
  }

  @Test
  void aMissingUnknownOrMalformedBearerIsLaravelsUnauthenticated() {
    for (String token :
        new String[] {null, "nope", "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsImp0aSI6Ijg0MTM2O"}) {
      HttpResponse<Buffer> r = api.send(HttpMethod.POST, ATENDIMENTO, token, HubSoftApi.seedBody());
      assertEquals(401, r.statusCode());
      assertEquals(new JsonObject().put("message", "Unauthenticated."), r.bodyAsJsonObject());
    }
    HttpResponse<Buffer> basic =
        extension
            .sandbox()
            .client()
            .get(HubSoftApi.TODOS)
            .basicAuthentication("89", "x")
            .send()
            .await();
    assertEquals(401, basic.statusCode());
  }

  @Test
  void aTokenExpiresAfterThirtyDaysOnTheSandboxClock() {
    String token = api.token();
    extension
        .sandbox()
        .client()
        .post("/__sandbox/clock")
        .sendJsonObject(new JsonObject().put("advance", "PT719H59M"))
        .await();
    assertEquals("success", api.create(token, HubSoftApi.seedBody()).getString("status"));
    extension
        .sandbox()
        .client()
        .post("/__sandbox/clock")
        .sendJsonObject(new JsonObject().put("advance", "PT1M"))
        .await();
    assertEquals(
        401, api.send(HttpMethod.POST, ATENDIMENTO, token, HubSoftApi.seedBody()).statusCode());
  }

  @Test
  void revokedTokensAre401UntilTheClientTakesANewOne() {
    String token = api.token();
    JsonObject first = api.tokens(HubSoftApi.passwordGrant());
    assertTrue(api.emulator().revokeTokens() >= 2);
    assertEquals(
        401, api.send(HttpMethod.POST, ATENDIMENTO, token, HubSoftApi.seedBody()).statusCode());
    JsonObject refresh =
        new JsonObject()
            .put("grant_type", "refresh_token")
            .put("client_id", HubSoftApi.CLIENT_ID)
            .put("client_secret", HubSoftApi.CLIENT_SECRET)
            .put("refresh_token", first.getString("refresh_token"));
    assertOAuthError(api.tokenRequest(refresh), 401, "invalid_request", "Token has been revoked");
    assertEquals("success", api.create(api.token(), HubSoftApi.seedBody()).getString("status"));
  }

  @Test
  void unknownRoutesUnderTheVendorsPrefixesAreLaravels404() {
    HttpResponse<Buffer> r = api.send(HttpMethod.GET, "/api/v1/integracao/nada", api.token(), null);
    assertEquals(404, r.statusCode());
    assertEquals("Not Found", r.bodyAsJsonObject().getString("message"));
  }
}
