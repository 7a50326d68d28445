package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Cognito's {@code POST /oauth2/token} for the client-credentials grant. The client authenticates
 * with a Basic header (client_secret_basic) or with {@code client_id}/{@code client_secret} in the
 * form (client_secret_post), not both; a missing scope grants every scope of the client.
 *
 * <pre>
 * curl -u sandbox-btg:sandbox-btg-secret -d grant_type=client_credentials localhost:8080/oauth2/token
 * </pre>
 */
record CognitoTokenEndpoint(Map<String, AppClient> clients, CognitoTokens tokens) {

  Reply token(Call call) {
    Map<String, Object> form = call.body().form();
    AppClient client = authenticate(call.header("Authorization"), form);
    String grant = (String) form.get("grant_type");
    if (!"client_credentials".equals(grant)) {
      boolean known = "authorization_code".equals(grant) || "refresh_token".equals(grant);
      throw Failure.coded(
          Failure.Kind.BAD_REQUEST,
          known ? "unauthorized_client" : "unsupported_grant_type",
          "grant_type " + grant + " is not allowed for this app client");
    }
    Set<String> scopes = grantedScopes(client, (String) form.get("scope"));
    JsonObject body =
        new JsonObject()
            .put("access_token", tokens.issue(client, scopes))
            .put("expires_in", tokens.lifetimeSeconds())
            .put("token_type", "Bearer");
    return Reply.json(200, body).withContentType(CognitoDialect.CONTENT_TYPE);
  }

  private AppClient authenticate(String authorization, Map<String, Object> form) {
    boolean inForm = form.containsKey("client_id") || form.containsKey("client_secret");
    String id;
    String secret;
    if (authorization != null) {
      if (inForm) {
        throw Failure.coded(
            Failure.Kind.BAD_REQUEST, "invalid_request", "client authenticated twice");
      }
      String[] pair = basic(authorization);
      id = pair[0];
      secret = pair[1];
    } else {
      id = (String) form.get("client_id");
      secret = (String) form.get("client_secret");
    }
    AppClient client = id == null ? null : clients.get(id);
    if (client == null || !client.clientSecret().equals(secret)) {
      throw Failure.coded(
          Failure.Kind.UNAUTHORIZED, "invalid_client", "unknown app client or wrong secret");
    }
    return client;
  }

  private static String[] basic(String header) {
    if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
      throw Failure.coded(Failure.Kind.UNAUTHORIZED, "invalid_client", "not a Basic header");
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("no colon");
      }
      return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    } catch (IllegalArgumentException e) {
      throw Failure.coded(Failure.Kind.UNAUTHORIZED, "invalid_client", "malformed Basic header");
    }
  }

  private static Set<String> grantedScopes(AppClient client, String requested) {
    if (requested == null || requested.isBlank()) {
      return client.scopes();
    }
    Set<String> scopes = new LinkedHashSet<>();
    for (String scope : requested.trim().split("\\s+")) {
      if (!client.scopes().contains(scope)) {
        throw Failure.coded(
            Failure.Kind.BAD_REQUEST, "invalid_scope", "scope " + scope + " is not allowed");
      }
      scopes.add(scope);
    }
    return scopes;
  }
}
