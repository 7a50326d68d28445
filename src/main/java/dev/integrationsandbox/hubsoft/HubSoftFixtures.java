package dev.integrationsandbox.hubsoft;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HubSoft world as {@code fixtures/hubsoft/} describes it: the OAuth clients with their API
 * users and token lifetimes ({@code oauth-clients.json}), and each provider's installation ({@code
 * provedores.json}). Problems are reported with the file and entry, since users edit these files by
 * hand.
 */
record HubSoftFixtures(
    long tokenLifetimeSeconds,
    long refreshTokenLifetimeSeconds,
    Map<String, OAuthClient> clients,
    Map<String, Provedor> provedores) {

  static Future<HubSoftFixtures> load(Vertx vertx, Path folder) {
    Path clients = folder.resolve("oauth-clients.json");
    Path provedores = folder.resolve("provedores.json");
    Future<JsonObject> c = read(vertx, clients);
    Future<JsonObject> p = read(vertx, provedores);
    return Future.all(c, p)
        .compose(
            all -> {
              try {
                return Future.succeededFuture(
                    parse(clients.toString(), c.result(), provedores.toString(), p.result()));
              } catch (RuntimeException e) {
                return Future.failedFuture(e);
              }
            });
  }

  private static Future<JsonObject> read(Vertx vertx, Path file) {
    return vertx
        .fileSystem()
        .readFile(file.toString())
        .map(JsonObject::new)
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException("fixture " + file + ": " + e.getMessage())));
  }

  static HubSoftFixtures parse(
      String clientsWhere,
      JsonObject clientsJson,
      String provedoresWhere,
      JsonObject provedoresJson) {
    Map<String, Provedor> provedores = new LinkedHashMap<>();
    JsonObject byName = provedoresJson.getJsonObject("provedores", new JsonObject());
    for (String name : byName.fieldNames()) {
      provedores.put(
          name,
          Provedor.fromJson(provedoresWhere + " provedor " + name, byName.getJsonObject(name)));
    }
    Map<String, OAuthClient> clients = new LinkedHashMap<>();
    for (Object o : clientsJson.getJsonArray("clients", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      String id = c.getString("clientId");
      if (id == null || c.getString("clientSecret") == null) {
        throw new IllegalStateException(
            clientsWhere + ": each client needs clientId and clientSecret");
      }
      if (!provedores.containsKey(c.getString("provedor"))) {
        throw new IllegalStateException(
            clientsWhere
                + ": client "
                + id
                + " names an unknown provedor '"
                + c.getString("provedor")
                + "'");
      }
      List<OAuthClient.ApiUser> users = new ArrayList<>();
      for (Object u : c.getJsonArray("users", new JsonArray())) {
        JsonObject user = (JsonObject) u;
        users.add(
            new OAuthClient.ApiUser(
                user.getLong("id"),
                user.getString("username"),
                user.getString("password"),
                user.getString("name")));
      }
      clients.put(
          id,
          new OAuthClient(
              id, c.getString("clientSecret"), c.getString("provedor"), List.copyOf(users)));
    }
    if (clients.isEmpty()) {
      throw new IllegalStateException(clientsWhere + ": clients must list at least one entry");
    }
    return new HubSoftFixtures(
        clientsJson.getLong("tokenLifetimeSeconds", 2_592_000L),
        clientsJson.getLong("refreshTokenLifetimeSeconds", 5_184_000L),
        Map.copyOf(clients),
        Map.copyOf(provedores));
  }
}
