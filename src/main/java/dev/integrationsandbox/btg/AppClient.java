package dev.integrationsandbox.btg;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A Cognito app client of the BTG user pool: what an assessoria receives to call the API. The
 * client is also the tenant: its tickets are invisible to every other client.
 *
 * @param assessoria the assessoria code that BTG puts in tickets' {@code createdBy}
 * @param scopes the custom scopes the client may be granted
 */
public record AppClient(
    String clientId, String clientSecret, String assessoria, Set<String> scopes) {

  static AppClient fromJson(JsonObject json) {
    Set<String> scopes = new LinkedHashSet<>();
    json.getJsonArray("scopes").forEach(s -> scopes.add((String) s));
    return new AppClient(
        json.getString("clientId"),
        json.getString("clientSecret"),
        json.getString("assessoria"),
        Set.copyOf(scopes));
  }
}
