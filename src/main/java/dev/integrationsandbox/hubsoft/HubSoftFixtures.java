package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.support.FixtureException;
import dev.integrationsandbox.support.FixtureFiles;
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
 * provedores.json}), held to the schemas under {@code fixture-schemas/hubsoft/}. A problem is
 * reported with the file and JSON pointer, since users edit these files by hand.
 */
record HubSoftFixtures(
    long tokenLifetimeSeconds,
    long refreshTokenLifetimeSeconds,
    Map<String, OAuthClient> clients,
    Map<String, Provedor> provedores) {

  /**
   * Reads and checks the folder; blocking.
   *
   * @throws FixtureException naming the file and JSON pointer of the first problem
   */
  static HubSoftFixtures read(Path folder) {
    Path clientsFile = folder.resolve("oauth-clients.json");
    Path provedoresFile = folder.resolve("provedores.json");
    JsonObject clientsJson = FixtureFiles.read(clientsFile, "hubsoft/oauth-clients");
    JsonObject provedoresJson = FixtureFiles.read(provedoresFile, "hubsoft/provedores");
    Map<String, Provedor> provedores = new LinkedHashMap<>();
    JsonObject byName = provedoresJson.getJsonObject("provedores");
    for (String name : byName.fieldNames()) {
      provedores.put(
          name,
          Provedor.fromJson(
              provedoresFile,
              FixtureFiles.pointer("provedores", name),
              byName.getJsonObject(name)));
    }
    Map<String, OAuthClient> clients = new LinkedHashMap<>();
    JsonArray clientList = clientsJson.getJsonArray("clients");
    for (int i = 0; i < clientList.size(); i++) {
      JsonObject c = clientList.getJsonObject(i);
      String id = c.getString("clientId");
      if (clients.containsKey(id)) {
        throw FixtureFiles.problem(
            clientsFile, FixtureFiles.pointer("clients", i, "clientId"), "duplicate clientId");
      }
      if (!provedores.containsKey(c.getString("provedor"))) {
        throw FixtureFiles.problem(
            clientsFile,
            FixtureFiles.pointer("clients", i, "provedor"),
            "names no provedor of provedores.json (known: "
                + String.join(", ", provedores.keySet())
                + ")");
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
    return new HubSoftFixtures(
        clientsJson.getLong("tokenLifetimeSeconds", 2_592_000L),
        clientsJson.getLong("refreshTokenLifetimeSeconds", 5_184_000L),
        Map.copyOf(clients),
        Map.copyOf(provedores));
  }
}
