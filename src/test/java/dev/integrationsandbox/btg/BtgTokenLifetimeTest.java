package dev.integrationsandbox.btg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tokens as real OAuth2 and JWT libraries see them, and their lifetime on the sandbox clock. Each
 * test starts from the wall clock: the extension resets the clock before each one.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class BtgTokenLifetimeTest {

  static final String INFO = "/v2/btg-tickets/customers/tickets/info";

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  TestSandbox sandbox;

  @BeforeEach
  void sandbox() {
    sandbox = extension.sandbox();
  }

  @Test
  void anOAuth2ClientCredentialsClientGetsATokenThatJwksVerifies(
      Vertx vertx, VertxTestContext ctx) {
    OAuth2Auth oauth2 =
        OAuth2Auth.create(
            vertx,
            new OAuth2Options()
                .setClientId(TestSandbox.BTG_CLIENT)
                .setClientSecret(TestSandbox.BTG_SECRET)
                .setSite("http://127.0.0.1:" + sandbox.port())
                .setTokenPath("/oauth2/token"));
    oauth2
        .authenticate(new Oauth2Credentials().setFlow(OAuth2FlowType.CLIENT))
        .compose(
            user -> {
              String accessToken = user.principal().getString("access_token");
              return sandbox
                  .client()
                  .get("/.well-known/jwks.json")
                  .send()
                  .compose(
                      jwks -> {
                        List<JsonObject> keys = new ArrayList<>();
                        jwks.bodyAsJsonObject()
                            .getJsonArray("keys")
                            .forEach(k -> keys.add((JsonObject) k));
                        JWTAuth verifier =
                            JWTAuth.create(
                                vertx,
                                new JWTAuthOptions()
                                    .setJwks(keys)
                                    .setJWTOptions(
                                        new JWTOptions()
                                            .setIssuer(
                                                "https://cognito-idp.sa-east-1.amazonaws.com/sa-east-1_SandboxBTG")));
                        return verifier.authenticate(new TokenCredentials(accessToken));
                      });
            })
        .onComplete(
            ctx.succeeding(
                verified ->
                    ctx.verify(
                        () -> {
                          JsonObject claims = verified.attributes().getJsonObject("accessToken");
                          assertEquals(TestSandbox.BTG_CLIENT, claims.getString("client_id"));
                          assertEquals(TestSandbox.BTG_CLIENT, claims.getString("sub"));
                          assertEquals("access", claims.getString("token_use"));
                          assertEquals(2, claims.getInteger("version"));
                          assertTrue(claims.getString("scope").contains("btg-tickets/write"));
                          assertEquals(3600, claims.getLong("exp") - claims.getLong("iat"));
                          assertEquals(claims.getLong("iat"), claims.getLong("auth_time"));
                          assertEquals(36, claims.getString("jti").length());
                          ctx.completeNow();
                        })));
  }

  @Test
  void aTokenExpiresWhenTheClockPassesItsLifetime(VertxTestContext ctx) {
    sandbox
        .btgToken()
        .compose(
            token ->
                sandbox
                    .client()
                    .get(INFO)
                    .bearerTokenAuthentication(token)
                    .send()
                    .compose(
                        fresh -> {
                          ctx.verify(() -> assertEquals(200, fresh.statusCode()));
                          return sandbox
                              .client()
                              .post("/__sandbox/clock")
                              .sendJsonObject(new JsonObject().put("advance", "PT3599S"));
                        })
                    .compose(
                        r -> sandbox.client().get(INFO).bearerTokenAuthentication(token).send())
                    .compose(
                        stillValid -> {
                          ctx.verify(() -> assertEquals(200, stillValid.statusCode()));
                          return sandbox
                              .client()
                              .post("/__sandbox/clock")
                              .sendJsonObject(new JsonObject().put("advance", "PT2S"));
                        })
                    .compose(
                        r -> sandbox.client().get(INFO).bearerTokenAuthentication(token).send()))
        .onComplete(
            ctx.succeeding(
                expired ->
                    ctx.verify(
                        () -> {
                          assertEquals(401, expired.statusCode());
                          assertEquals(
                              "The incoming token has expired",
                              expired.bodyAsJsonObject().getString("message"));
                          ctx.completeNow();
                        })));
  }

  @Test
  void createdAtFollowsTheSandboxClock(VertxTestContext ctx) {
    sandbox
        .client()
        .post("/__sandbox/clock")
        .sendJsonObject(new JsonObject().put("freeze", true))
        .compose(
            r ->
                sandbox
                    .client()
                    .post("/__sandbox/clock")
                    .sendJsonObject(new JsonObject().put("set", "2026-01-01T09:00:00Z")))
        .compose(r -> sandbox.btgToken())
        .compose(
            token ->
                sandbox
                    .client()
                    .post("/v2/btg-tickets/customers/52998224725/tickets")
                    .bearerTokenAuthentication(token)
                    .putHeader("createdBy", "Maria")
                    .sendJsonObject(
                        new JsonObject()
                            .put("phoneAreaCode", "11")
                            .put("phoneNumber", "999998888")
                            .put("channel", "PHONE")
                            .put("type", "OUTBOUND")))
        .onComplete(
            ctx.succeeding(
                r ->
                    ctx.verify(
                        () -> {
                          assertEquals(200, r.statusCode(), r.bodyAsString());
                          assertEquals(
                              "2026-01-01T09:00:00.000Z",
                              r.bodyAsJsonObject().getString("createdAt"));
                          ctx.completeNow();
                        })));
  }
}
