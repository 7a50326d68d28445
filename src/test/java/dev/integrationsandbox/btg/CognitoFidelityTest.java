package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgAuditData.ISSUER;
import static dev.integrationsandbox.btg.BtgAuditData.POOL;
import static dev.integrationsandbox.btg.BtgAuditData.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cognito as VENDOR-FACTS §1d describes it after the audit: how the token endpoint authenticates
 * clients and what headers it sends, where the keys live relative to the issuer, and what the
 * access token's header and scope claim look like.
 */
@Timeout(60)
class CognitoFidelityTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  BtgAuditData api;

  @BeforeEach
  void freshWorld() {
    api = new BtgAuditData(extension.sandbox());
  }

  static MultiMap form(String... pairs) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return form;
  }

  static JsonObject part(String jwt, int index) {
    return new JsonObject(
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
  }

  static void assertCognitoError(HttpResponse<Buffer> r, String code) {
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals(new JsonObject().put("error", code), r.bodyAsJsonObject());
  }

  @Test
  void aBasicHeaderWithTheSameClientIdInTheFormIsAccepted() {
    HttpResponse<Buffer> r =
        api.tokenForm(
            BtgTestData.CLIENT,
            BtgTestData.SECRET,
            form("grant_type", "client_credentials", "client_id", BtgTestData.CLIENT));
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertNotNull(r.bodyAsJsonObject().getString("access_token"));
  }

  @Test
  void aSecondSecretIsDoubleAuthentication() {
    HttpResponse<Buffer> r =
        api.tokenForm(
            BtgTestData.CLIENT,
            BtgTestData.SECRET,
            form("grant_type", "client_credentials", "client_secret", BtgTestData.SECRET));
    assertCognitoError(r, "invalid_request");
  }

  @Test
  void aFormClientIdOtherThanTheBasicOneIsAnInvalidClient() {
    HttpResponse<Buffer> r =
        api.tokenForm(
            BtgTestData.CLIENT,
            BtgTestData.SECRET,
            form("grant_type", "client_credentials", "client_id", "sandbox-btg-other"));
    assertCognitoError(r, "invalid_client");
  }

  @Test
  void tokenAnswersCarryCognitosHeadersNotTheGateways() {
    HttpResponse<Buffer> ok =
        api.tokenForm(
            BtgTestData.CLIENT, BtgTestData.SECRET, form("grant_type", "client_credentials"));
    HttpResponse<Buffer> refused =
        api.tokenForm(BtgTestData.CLIENT, "wrong", form("grant_type", "client_credentials"));
    assertEquals(200, ok.statusCode());
    assertEquals(400, refused.statusCode());
    for (HttpResponse<Buffer> r : List.of(ok, refused)) {
      assertEquals("no-cache, no-store, max-age=0, must-revalidate", r.getHeader("cache-control"));
      assertEquals("no-cache", r.getHeader("pragma"));
      assertNotNull(r.getHeader("x-amz-cognito-request-id"));
      assertNull(r.getHeader("x-amzn-RequestId"));
      assertEquals("application/json;charset=UTF-8", r.getHeader("Content-Type"));
    }
  }

  @Test
  void aRepeatedFormParameterIsAnInvalidRequest() {
    HttpResponse<Buffer> r =
        api.tokenForm(
            BtgTestData.CLIENT,
            BtgTestData.SECRET,
            form("grant_type", "client_credentials", "grant_type", "client_credentials"));
    assertCognitoError(r, "invalid_request");
  }

  @Test
  void aTokenRequestThatIsNotAFormIs405WithAnEmptyBody() {
    HttpResponse<Buffer> json =
        api.sandbox()
            .client()
            .post(TOKEN)
            .basicAuthentication(BtgTestData.CLIENT, BtgTestData.SECRET)
            .sendJsonObject(new JsonObject().put("grant_type", "client_credentials"))
            .await();
    HttpResponse<Buffer> emptyJson =
        api.sandbox()
            .client()
            .post(TOKEN)
            .basicAuthentication(BtgTestData.CLIENT, BtgTestData.SECRET)
            .putHeader("Content-Type", "application/json")
            .send()
            .await();
    HttpResponse<Buffer> htmlOnly =
        api.sandbox()
            .client()
            .post(TOKEN)
            .basicAuthentication(BtgTestData.CLIENT, BtgTestData.SECRET)
            .putHeader("Accept", "text/html")
            .sendForm(form("grant_type", "client_credentials"))
            .await();
    for (HttpResponse<Buffer> r : List.of(json, emptyJson, htmlOnly)) {
      assertEquals(405, r.statusCode(), r.bodyAsString());
      assertTrue(r.body() == null || r.body().length() == 0, r.bodyAsString());
    }
    HttpResponse<Buffer> anyJson =
        api.sandbox()
            .client()
            .post(TOKEN)
            .basicAuthentication(BtgTestData.CLIENT, BtgTestData.SECRET)
            .putHeader("Accept", "text/html, application/*;q=0.5")
            .sendForm(form("grant_type", "client_credentials"))
            .await();
    assertEquals(200, anyJson.statusCode(), anyJson.bodyAsString());
  }

  @Test
  void theKeysAreServedUnderTheIssuersPath() {
    JsonObject root = api.get("/.well-known/jwks.json").bodyAsJsonObject();
    HttpResponse<Buffer> underIssuer =
        api.get(URI.create(ISSUER).getPath() + "/.well-known/jwks.json");
    assertEquals(200, underIssuer.statusCode(), underIssuer.bodyAsString());
    assertEquals(root, underIssuer.bodyAsJsonObject());
    String token = new BtgApi(api.sandbox()).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
    assertEquals(
        part(token, 0).getString("kid"),
        underIssuer.bodyAsJsonObject().getJsonArray("keys").getJsonObject(0).getString("kid"));
  }

  @Test
  void theDiscoveryDocumentLeadsAVerifierToTheKeysAndTheTokenEndpoint() {
    HttpResponse<Buffer> r = api.get("/" + POOL + "/.well-known/openid-configuration");
    assertEquals(200, r.statusCode(), r.bodyAsString());
    JsonObject discovery = r.bodyAsJsonObject();
    String token = new BtgApi(api.sandbox()).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
    assertEquals(part(token, 1).getString("iss"), discovery.getString("issuer"));
    assertEquals(ISSUER, discovery.getString("issuer"));
    URI jwks = URI.create(discovery.getString("jwks_uri"));
    assertEquals(api.sandbox().port(), jwks.getPort());
    assertEquals(200, api.get(jwks.getPath()).statusCode());
    assertEquals("/oauth2/token", URI.create(discovery.getString("token_endpoint")).getPath());
    assertTrue(
        discovery
            .getJsonArray("token_endpoint_auth_methods_supported")
            .contains("client_secret_basic"));
  }

  @Test
  void anotherUserPoolsKeysAreNotFound() {
    HttpResponse<Buffer> r = api.get("/sa-east-1_SomeoneElse/.well-known/jwks.json");
    assertEquals(404, r.statusCode(), r.bodyAsString());
    assertTrue(r.bodyAsJsonObject().getString("message").contains("sa-east-1_SomeoneElse"));
  }

  @Test
  void theTokenHeaderHasOnlyKidAndAlg() {
    String token = new BtgApi(api.sandbox()).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
    JsonObject header = part(token, 0);
    assertEquals(Set.of("kid", "alg"), header.fieldNames());
    assertEquals("RS256", header.getString("alg"));
  }

  @Test
  void scopesAreInAStableOrder() {
    for (int i = 0; i < 3; i++) {
      String all = new BtgApi(api.sandbox()).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
      assertEquals("btg-tickets/read btg-tickets/write", part(all, 1).getString("scope"));
    }
    HttpResponse<Buffer> reversed =
        api.tokenForm(
            BtgTestData.CLIENT,
            BtgTestData.SECRET,
            form(
                "grant_type", "client_credentials", "scope", "btg-tickets/write btg-tickets/read"));
    assertEquals(
        "btg-tickets/read btg-tickets/write",
        part(reversed.bodyAsJsonObject().getString("access_token"), 1).getString("scope"));
  }
}
