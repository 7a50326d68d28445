package sandbox.btg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import sandbox.vendor.Failure;

/**
 * Every app client's tickets, kept apart: a ticket is found only by the client that opened it and
 * only under its own document, as BTG scopes tickets to the assessoria and the customer.
 *
 * <p>Each change is one {@code compute} on the ticket's entry, so under concurrent requests every
 * rule holds: of a hundred simultaneous closes, one wins and the rest see a closed ticket.
 */
final class TicketBook {

  /** A fixture ticket and the client that owns it. */
  record Seed(String clientId, Ticket ticket) {}

  private final Map<String, Map<UUID, Ticket>> byClient = new ConcurrentHashMap<>();
  private final List<Seed> seeds;

  TicketBook(List<Seed> seeds) {
    this.seeds = List.copyOf(seeds);
    reset();
  }

  void reset() {
    byClient.clear();
    seeds.forEach(s -> tickets(s.clientId()).put(s.ticket().id(), s.ticket()));
  }

  int size() {
    return byClient.values().stream().mapToInt(Map::size).sum();
  }

  Ticket open(String clientId, Ticket ticket) {
    tickets(clientId).put(ticket.id(), ticket);
    return ticket;
  }

  /** Adds a contract to an open ticket of this document. */
  Ticket addContract(
      String clientId, String document, UUID ticketId, Function<Ticket, TicketContract> contract) {
    return change(
        clientId,
        document,
        ticketId,
        t -> {
          if (t.status() == Ticket.Status.CLOSED) {
            throw Failure.unprocessable("Ticket " + ticketId + " is closed");
          }
          return t.withContract(contract.apply(t));
        });
  }

  /** Closes an open ticket of this document, keeping the close request's details. */
  Ticket close(String clientId, String document, UUID ticketId, Instant at, JsonObject info) {
    return change(
        clientId,
        document,
        ticketId,
        t -> {
          if (t.status() == Ticket.Status.CLOSED) {
            throw Failure.unprocessable("Ticket " + ticketId + " is already closed");
          }
          return t.closed(at, info);
        });
  }

  private Ticket change(
      String clientId, String document, UUID ticketId, Function<Ticket, Ticket> change) {
    Ticket changed =
        tickets(clientId)
            .computeIfPresent(
                ticketId, (id, t) -> t.documentNumber().equals(document) ? change.apply(t) : t);
    if (changed == null || !changed.documentNumber().equals(document)) {
      throw Failure.notFound("Ticket " + ticketId + " not found");
    }
    return changed;
  }

  JsonObject snapshot() {
    JsonObject out = new JsonObject();
    byClient.forEach(
        (client, tickets) -> {
          JsonArray list = new JsonArray();
          tickets.values().forEach(t -> list.add(t.toJson()));
          out.put(client, list);
        });
    return out;
  }

  private Map<UUID, Ticket> tickets(String clientId) {
    return byClient.computeIfAbsent(clientId, c -> new ConcurrentHashMap<>());
  }
}
