package dev.integrationsandbox.proxy;

import dev.integrationsandbox.config.UpstreamCredentials;
import dev.integrationsandbox.spi.UpstreamAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import java.net.URI;

/**
 * An upstream token that the sandbox gets and renews itself with vertx-auth-oauth2, from real
 * credentials held in its environment: a local app runs with dummy credentials, and the real secret
 * lives in one place. One request for a token is in flight at a time; the token is renewed a minute
 * before it expires.
 */
final class HeldToken {

  /** Seconds before expiry at which a token is renewed rather than used. */
  static final int RENEW_BEFORE_SECONDS = 60;

  private final OAuth2Auth oauth2;
  private final Oauth2Credentials credentials;
  private User user;
  private Future<User> renewing;

  HeldToken(
      Vertx vertx,
      URI host,
      UpstreamAuth auth,
      UpstreamCredentials held,
      HttpClientOptions clientOptions) {
    this.oauth2 =
        OAuth2Auth.create(
            vertx,
            new OAuth2Options()
                .setSite(host.toString())
                .setTokenPath(auth.tokenPath())
                .setClientId(held.clientId())
                .setClientSecret(held.clientSecret())
                .setHttpClientOptions(clientOptions));
    this.credentials =
        auth.grant() == UpstreamAuth.Grant.PASSWORD
            ? new Oauth2Credentials()
                .setFlow(OAuth2FlowType.PASSWORD)
                .setUsername(held.username())
                .setPassword(held.password())
            : new Oauth2Credentials().setFlow(OAuth2FlowType.CLIENT);
  }

  /** A valid token, fetched or renewed when needed. */
  synchronized Future<User> user() {
    if (user != null && !user.expired(RENEW_BEFORE_SECONDS)) {
      return Future.succeededFuture(user);
    }
    if (renewing == null) {
      renewing =
          oauth2
              .authenticate(credentials)
              .andThen(
                  ar -> {
                    synchronized (this) {
                      if (ar.succeeded()) {
                        user = ar.result();
                      }
                      renewing = null;
                    }
                  });
    }
    return renewing;
  }

  Future<String> accessToken() {
    return user().map(u -> u.principal().getString("access_token"));
  }

  /** The token answer a client gets from the sandbox in place of the vendor's token endpoint. */
  Future<JsonObject> tokenAnswer() {
    return user()
        .map(
            u -> {
              long now = System.currentTimeMillis() / 1000;
              long exp = u.attributes().getLong("exp", u.principal().getLong("exp", now + 3600));
              return new JsonObject()
                  .put("access_token", u.principal().getString("access_token"))
                  .put("expires_in", Math.max(0, exp - now))
                  .put("token_type", "Bearer");
            });
  }
}
