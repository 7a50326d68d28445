package dev.integrationsandbox.btg;

import dev.integrationsandbox.support.BrazilianDocument;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The BTG world as {@code fixtures/btg/} describes it: the user pool and its app clients ({@code
 * clients.json}), the ticket attributes ({@code info.json}) and tickets that already exist ({@code
 * tickets.json}, optional) and the token signing key ({@code signing-key.pem}, optional; a
 * sandbox-only key, public in the repository like every fixture). Problems are reported with the
 * file and field, since users edit these files by hand.
 */
record BtgFixtures(
    String issuer,
    long tokenLifetimeSeconds,
    Map<String, AppClient> clients,
    TicketsInfo info,
    List<TicketBook.Seed> tickets,
    String signingKey) {

  static Future<BtgFixtures> load(Vertx vertx, Path folder) {
    Future<JsonObject> clients = read(vertx, folder.resolve("clients.json"), true);
    Future<JsonObject> info = read(vertx, folder.resolve("info.json"), true);
    Future<JsonObject> tickets = read(vertx, folder.resolve("tickets.json"), false);
    String keyFile = folder.resolve("signing-key.pem").toString();
    Future<String> key =
        vertx
            .fileSystem()
            .exists(keyFile)
            .compose(
                exists ->
                    exists
                        ? vertx.fileSystem().readFile(keyFile).map(b -> b.toString())
                        : Future.succeededFuture((String) null));
    return Future.all(clients, info, tickets, key)
        .map(all -> parse(folder, clients.result(), info.result(), tickets.result(), key.result()));
  }

  private static Future<JsonObject> read(Vertx vertx, Path file, boolean required) {
    String name = file.toString();
    return vertx
        .fileSystem()
        .exists(name)
        .compose(
            exists -> {
              if (!exists) {
                return required
                    ? Future.failedFuture(
                        new IllegalStateException("fixture " + name + " is missing"))
                    : Future.succeededFuture(new JsonObject());
              }
              return vertx.fileSystem().readFile(name).map(b -> new JsonObject(b));
            })
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException("fixture " + name + ": " + e.getMessage())));
  }

  private static BtgFixtures parse(
      Path folder,
      JsonObject clientsJson,
      JsonObject infoJson,
      JsonObject ticketsJson,
      String signingKey) {
    String where = folder.resolve("clients.json").toString();
    Map<String, AppClient> clients = new LinkedHashMap<>();
    for (Object o : require(clientsJson.getJsonArray("clients"), where + ": clients")) {
      AppClient c = AppClient.fromJson((JsonObject) o);
      if (c.clientId() == null || c.clientSecret() == null || c.assessoria() == null) {
        throw new IllegalStateException(
            where + ": each client needs clientId, clientSecret, assessoria and scopes");
      }
      clients.put(c.clientId(), c);
    }
    String region = clientsJson.getString("region", "sa-east-1");
    String pool = clientsJson.getString("userPoolId", region + "_SandboxBTG");
    TicketsInfo info = TicketsInfo.fromJson(infoJson);
    List<TicketBook.Seed> seeds = new ArrayList<>();
    String ticketsWhere = folder.resolve("tickets.json").toString();
    for (Object o : ticketsJson.getJsonArray("tickets", new JsonArray())) {
      JsonObject t = (JsonObject) o;
      AppClient owner = clients.get(t.getString("clientId"));
      if (owner == null) {
        throw new IllegalStateException(
            ticketsWhere + ": ticket " + t.getString("id") + " names an unknown clientId");
      }
      if (!BrazilianDocument.isValid(t.getString("documentNumber"))) {
        throw new IllegalStateException(
            ticketsWhere + ": ticket " + t.getString("id") + " has an invalid documentNumber");
      }
      Ticket ticket =
          new Ticket(
              UUID.fromString(t.getString("id")),
              t.getString("documentNumber"),
              t.getString("phoneAreaCode"),
              t.getString("phoneNumber"),
              t.getString("channel"),
              t.getString("type"),
              t.getString("operator"),
              owner.assessoria(),
              Ticket.Status.valueOf(t.getString("status", "OPEN")),
              Instant.parse(t.getString("createdAt")),
              t.getString("closedAt") == null ? null : Instant.parse(t.getString("closedAt")),
              t.getJsonObject("metadata"),
              List.of(),
              null);
      seeds.add(new TicketBook.Seed(owner.clientId(), ticket));
    }
    return new BtgFixtures(
        "https://cognito-idp." + region + ".amazonaws.com/" + pool,
        clientsJson.getLong("tokenLifetimeSeconds", 3600L),
        Map.copyOf(clients),
        info,
        seeds,
        signingKey);
  }

  private static JsonArray require(JsonArray array, String where) {
    if (array == null || array.isEmpty()) {
      throw new IllegalStateException(where + " must list at least one entry");
    }
    return array;
  }
}
