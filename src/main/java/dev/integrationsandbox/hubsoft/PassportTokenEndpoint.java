package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * HubSoft's {@code POST /oauth/token}: Laravel Passport on league/oauth2-server, with its checks in
 * its order: the grant type, then the client, then the grant's own fields, then the user's
 * credentials or the refresh token.
 *
 * <pre>
 * curl -H 'Content-Type: application/json' localhost:8080/oauth/token -d '{"grant_type":"password",
 *   "client_id":"89","client_secret":"sandbox-hubsoft-secret",
 *   "username":"api@iptelecom.sandbox","password":"sandbox-hubsoft-password"}'
 * </pre>
 */
record PassportTokenEndpoint(Map<String, OAuthClient> clients, PassportTokens tokens) {

  static final String PASSWORD = "password";
  static final String REFRESH_TOKEN = "refresh_token";

  Reply token(Call call) {
    Map<String, Object> fields = fields(call);
    String grant = text(fields.get("grant_type"));
    if (!PASSWORD.equals(grant) && !REFRESH_TOKEN.equals(grant)) {
      throw Failure.coded(
          Failure.Kind.BAD_REQUEST,
          PassportDialect.UNSUPPORTED_GRANT_TYPE,
          "Check that all required parameters have been provided");
    }
    OAuthClient client = client(call, fields);
    PassportTokens.Issued issued =
        PASSWORD.equals(grant) ? password(client, fields, call) : refresh(client, fields, call);
    JsonObject body =
        new JsonObject()
            .put("token_type", "Bearer")
            .put("expires_in", tokens.lifetimeSeconds())
            .put("access_token", issued.accessToken())
            .put("refresh_token", issued.refreshToken());
    return Reply.json(200, body).header("Cache-Control", "no-store").header("Pragma", "no-cache");
  }

  /**
   * The request's fields: a JSON object whatever the Content-Type says, else a form; Laravel reads
   * both.
   */
  static Map<String, Object> fields(Call call) {
    if (call.body().jsonOrNull() instanceof JsonObject json) {
      return json.getMap();
    }
    if (!call.body().isEmpty()
        && !"application/json".equals(call.contentType())
        && call.body().isForm()) {
      return call.body().form();
    }
    return Map.of();
  }

  /**
   * A field as text: strings as they are, whole JSON numbers as their digits, anything else absent.
   */
  static String text(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    }
    return null;
  }

  private OAuthClient client(Call call, Map<String, Object> fields) {
    String[] basic = basic(call.header("Authorization"));
    String id = text(fields.get("client_id"));
    if (id == null || id.isEmpty()) {
      id = basic == null ? null : basic[0];
    }
    if (id == null || id.isEmpty()) {
      throw invalidRequest("client_id");
    }
    String secret = text(fields.get("client_secret"));
    if (secret == null && basic != null) {
      secret = basic[1];
    }
    OAuthClient client = clients.get(id);
    if (client == null || secret == null || !same(client.clientSecret(), secret)) {
      throw Failure.coded(
          Failure.Kind.UNAUTHORIZED,
          PassportDialect.INVALID_CLIENT,
          call.header("Authorization") != null ? PassportDialect.WITH_CHALLENGE : "");
    }
    return client;
  }

  private PassportTokens.Issued password(
      OAuthClient client, Map<String, Object> fields, Call call) {
    String username = text(fields.get("username"));
    if (username == null || username.isEmpty()) {
      throw invalidRequest("username");
    }
    String password = text(fields.get("password"));
    if (password == null || password.isEmpty()) {
      throw invalidRequest("password");
    }
    OAuthClient.ApiUser user = client.user(username, password);
    if (user == null) {
      throw Failure.coded(
          Failure.Kind.UNAUTHORIZED, PassportDialect.INVALID_CREDENTIALS, "wrong user credentials");
    }
    return tokens.issue(client.clientId(), user.id(), call.at());
  }

  private PassportTokens.Issued refresh(OAuthClient client, Map<String, Object> fields, Call call) {
    String token = text(fields.get(REFRESH_TOKEN));
    if (token == null || token.isEmpty()) {
      throw invalidRequest(REFRESH_TOKEN);
    }
    PassportTokens.Refresh r = tokens.refreshToken(token);
    if (r == null) {
      throw invalidRefreshToken("Cannot decrypt the refresh token");
    }
    if (!r.clientId().equals(client.clientId())) {
      throw invalidRefreshToken("Token is not linked to client");
    }
    if (!call.at().isBefore(r.expiresAt())) {
      throw invalidRefreshToken("Token has expired");
    }
    if (r.revoked() || !tokens.revokePair(token)) {
      throw invalidRefreshToken("Token has been revoked");
    }
    return tokens.issue(client.clientId(), r.userId(), call.at());
  }

  static Failure invalidRequest(String parameter) {
    return Failure.coded(
        Failure.Kind.BAD_REQUEST,
        PassportDialect.INVALID_REQUEST,
        "Check the `" + parameter + "` parameter");
  }

  private static Failure invalidRefreshToken(String hint) {
    return Failure.coded(Failure.Kind.UNAUTHORIZED, PassportDialect.INVALID_REQUEST, hint);
  }

  /** The user and password of a Basic header, or null when there is none or it is malformed. */
  private static String[] basic(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean same(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
