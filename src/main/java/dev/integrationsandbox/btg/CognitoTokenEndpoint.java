package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cognito's {@code POST /oauth2/token} for the client-credentials grant. The client authenticates
 * with a Basic header (client_secret_basic) or with {@code client_id}/{@code client_secret} in the
 * form (client_secret_post); a Basic header may come with {@code client_id} in the form too (AWS's
 * own examples send both), but a second secret is a double authentication. A missing scope grants
 * every scope of the client.
 *
 * <pre>
 * curl -u sandbox-btg:sandbox-btg-secret -d grant_type=client_credentials localhost:8080/oauth2/token
 * </pre>
 */
record CognitoTokenEndpoint(Map<String, AppClient> clients, CognitoTokens tokens) {

  static final String FORM = "application/x-www-form-urlencoded";

  Reply token(Call call) {
    if (refusesMediaTypes(call)) {
      throw Failure.of(
          Failure.Kind.UNSUPPORTED_MEDIA_TYPE, "token request is not a form or refuses JSON");
    }
    Map<String, Object> form = call.body().form();
    String repeated = repeatedParameter(call);
    if (repeated != null) {
      throw Failure.coded(
          Failure.Kind.BAD_REQUEST, "invalid_request", "form parameter " + repeated + " repeated");
    }
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

  /**
   * Whether Cognito would answer 405 with an empty body: a token request whose body is not declared
   * as a form, or whose {@code Accept} leaves out JSON (VENDOR-FACTS §1d, inferred).
   */
  static boolean refusesMediaTypes(Call call) {
    return !FORM.equals(call.contentType()) || !acceptsJson(call.header("Accept"));
  }

  private static boolean acceptsJson(String accept) {
    if (accept == null || accept.isBlank()) {
      return true;
    }
    for (String range : accept.split(",")) {
      String[] parts = range.split(";");
      String type = parts[0].trim().toLowerCase(Locale.ROOT);
      boolean refused = false;
      for (int i = 1; i < parts.length; i++) {
        String param = parts[i].trim().toLowerCase(Locale.ROOT).replace(" ", "");
        refused |= param.matches("q=0(\\.0*)?");
      }
      if (!refused
          && (type.equals("application/json")
              || type.equals("application/*")
              || type.equals("*/*"))) {
        return true;
      }
    }
    return false;
  }

  /** The first form parameter sent more than once (RFC 6749 §3.2), or null. */
  private static String repeatedParameter(Call call) {
    Map<String, List<String>> fields =
        new QueryStringDecoder(
                call.body().raw().toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false)
            .parameters();
    for (Map.Entry<String, List<String>> field : fields.entrySet()) {
      if (field.getValue().size() > 1) {
        return field.getKey();
      }
    }
    return null;
  }

  private AppClient authenticate(String authorization, Map<String, Object> form) {
    String id;
    String secret;
    if (authorization != null) {
      if (form.containsKey("client_secret")) {
        throw Failure.coded(
            Failure.Kind.BAD_REQUEST, "invalid_request", "client secret sent twice");
      }
      String[] pair = basic(authorization);
      id = pair[0];
      secret = pair[1];
      Object formId = form.get("client_id");
      if (formId != null && !formId.equals(id)) {
        throw Failure.coded(
            Failure.Kind.UNAUTHORIZED,
            "invalid_client",
            "client_id in the form differs from the Basic header's");
      }
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
      return new TreeSet<>(client.scopes());
    }
    Set<String> scopes = new TreeSet<>();
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
