package dev.integrationsandbox.btg;

import dev.integrationsandbox.support.BrazilianDocument;
import dev.integrationsandbox.support.FixtureException;
import dev.integrationsandbox.support.FixtureFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The BTG world as {@code fixtures/btg/} describes it: the user pool and its app clients ({@code
 * clients.json}), the ticket attributes ({@code info.json}) and tickets that already exist ({@code
 * tickets.json}, optional) and the token signing key ({@code signing-key.pem}, optional; a
 * sandbox-only key, public in the repository like every fixture). The JSON files are held to the
 * schemas under {@code fixture-schemas/btg/}; a problem is reported with the file and JSON pointer,
 * since users edit these files by hand.
 */
record BtgFixtures(
    String issuer,
    long tokenLifetimeSeconds,
    Map<String, AppClient> clients,
    TicketsInfo info,
    List<TicketBook.Seed> tickets,
    String signingKey) {

  /**
   * Reads and checks the folder; blocking.
   *
   * @throws FixtureException naming the file and JSON pointer of the first problem
   */
  static BtgFixtures read(Path folder) {
    Path clientsFile = folder.resolve("clients.json");
    Path ticketsFile = folder.resolve("tickets.json");
    JsonObject clientsJson = FixtureFiles.read(clientsFile, "btg/clients");
    TicketsInfo info =
        TicketsInfo.fromJson(FixtureFiles.read(folder.resolve("info.json"), "btg/info"));
    JsonObject ticketsJson =
        FixtureFiles.readIfPresent(ticketsFile, "btg/tickets").orElseGet(JsonObject::new);
    Map<String, AppClient> clients = new LinkedHashMap<>();
    JsonArray clientList = clientsJson.getJsonArray("clients");
    for (int i = 0; i < clientList.size(); i++) {
      AppClient c = AppClient.fromJson(clientList.getJsonObject(i));
      if (clients.putIfAbsent(c.clientId(), c) != null) {
        throw FixtureFiles.problem(
            clientsFile, FixtureFiles.pointer("clients", i, "clientId"), "duplicate clientId");
      }
    }
    String region = clientsJson.getString("region", "sa-east-1");
    String pool = clientsJson.getString("userPoolId", region + "_SandboxBTG");
    List<TicketBook.Seed> seeds = new ArrayList<>();
    Set<UUID> ids = new HashSet<>();
    JsonArray ticketList = ticketsJson.getJsonArray("tickets", new JsonArray());
    for (int i = 0; i < ticketList.size(); i++) {
      JsonObject t = ticketList.getJsonObject(i);
      AppClient owner = clients.get(t.getString("clientId"));
      if (owner == null) {
        throw FixtureFiles.problem(
            ticketsFile,
            FixtureFiles.pointer("tickets", i, "clientId"),
            "names no client of clients.json");
      }
      if (!BrazilianDocument.isValid(t.getString("documentNumber"))) {
        throw FixtureFiles.problem(
            ticketsFile,
            FixtureFiles.pointer("tickets", i, "documentNumber"),
            "not a valid CPF or CNPJ");
      }
      UUID id = UUID.fromString(t.getString("id"));
      if (!ids.add(id)) {
        throw FixtureFiles.problem(
            ticketsFile, FixtureFiles.pointer("tickets", i, "id"), "duplicate ticket id");
      }
      Ticket ticket =
          new Ticket(
              id,
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
        signingKey(folder.resolve("signing-key.pem")));
  }

  private static String signingKey(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw FixtureFiles.problem(file, "", "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }
}
