package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgTestData.CLIENT;
import static dev.integrationsandbox.btg.BtgTestData.CPF;
import static dev.integrationsandbox.btg.BtgTestData.ISSUER;
import static dev.integrationsandbox.btg.BtgTestData.JWKS;
import static dev.integrationsandbox.btg.BtgTestData.SECRET;
import static dev.integrationsandbox.btg.BtgTestData.TOKEN;
import static dev.integrationsandbox.btg.BtgTestData.newTicket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens as real OAuth2 and JWT libraries see them, and their lifetime on the sandbox clock. Each
 * test starts from the wall clock: the extension resets the clock before each one.
 */
@Timeout(30)
class BtgTokenLifetimeTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  TestSandbox sandbox;
  BtgApi anonymous;

  @BeforeEach
  void sandbox() {
    sandbox = extension.sandbox();
    anonymous = new BtgApi(sandbox);
  }

  @Test
  void anOAuth2ClientCredentialsClientGetsATokenThatJwksVerifies() {
    OAuth2Auth oauth2 =
        OAuth2Auth.create(
            sandbox.vertx(),
            new OAuth2Options()
                .setClientId(CLIENT)
                .setClientSecret(SECRET)
                .setSite("http://127.0.0.1:" + sandbox.port())
                .setTokenPath(TOKEN));
    String accessToken =
        oauth2
            .authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.CLIENT))
            .await()
            .principal()
            .getString("access_token");

    List<JsonObject> keys = new ArrayList<>();
    anonymous
        .get(JWKS)
        .bodyAsJsonObject()
        .getJsonArray("keys")
        .forEach(k -> keys.add((JsonObject) k));
    JWTAuth verifier =
        JWTAuth.create(
            sandbox.vertx(),
            new JWTAuthOptions().setJwks(keys).setJWTOptions(new JWTOptions().setIssuer(ISSUER)));
    User verified = verifier.authenticate(new TokenCredentials(accessToken)).await();

    JsonObject claims = verified.attributes().getJsonObject("accessToken");
    assertEquals(CLIENT, claims.getString("client_id"));
    assertEquals(CLIENT, claims.getString("sub"));
    assertEquals("access", claims.getString("token_use"));
    assertEquals(2, claims.getInteger("version"));
    assertTrue(claims.getString("scope").contains("btg-tickets/write"));
    assertEquals(3600, claims.getLong("exp") - claims.getLong("iat"));
    assertEquals(claims.getLong("iat"), claims.getLong("auth_time"));
    assertEquals(36, claims.getString("jti").length());
  }

  @Test
  void aTokenExpiresWhenTheClockPassesItsLifetime() {
    BtgApi btg = anonymous.signedIn();
    assertEquals(200, btg.info().statusCode());
    // iat and exp are whole seconds (as Cognito's), so a token issued at 10.999 s expires at 3610
    // s:
    // 3598 s later it is valid whatever the fraction, and 3 s more it is not.
    sandbox.advanceClock("PT3598S");
    assertEquals(200, btg.info().statusCode());
    sandbox.advanceClock("PT3S");
    HttpResponse<Buffer> expired = btg.info();
    assertEquals(401, expired.statusCode());
    assertEquals("The incoming token has expired", expired.bodyAsJsonObject().getString("message"));
  }

  @Test
  void createdAtFollowsTheSandboxClock() {
    sandbox.clock(new JsonObject().put("freeze", true));
    sandbox.clock(new JsonObject().put("set", "2026-01-01T09:00:00Z"));
    HttpResponse<Buffer> r = anonymous.signedIn().createTicket(CPF, newTicket());
    assertEquals(200, r.statusCode(), r.bodyAsString());
    assertEquals("2026-01-01T09:00:00.000Z", r.bodyAsJsonObject().getString("createdAt"));
  }
}
