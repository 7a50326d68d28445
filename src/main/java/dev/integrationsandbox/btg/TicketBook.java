package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Failure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

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

  /** One client's tickets, and the order they were opened in, for forgetting the oldest. */
  private static final class Shelf {
    final Map<UUID, Ticket> tickets = new ConcurrentHashMap<>();
    final Queue<UUID> opened = new ConcurrentLinkedQueue<>();
    final AtomicInteger count = new AtomicInteger();
  }

  /**
   * The most contracts one ticket holds. A conversation negotiates a handful; the cap keeps a
   * client that adds contracts to one ticket forever from growing memory without bound (and every
   * answer about that ticket with it).
   */
  static final int MAX_CONTRACTS_PER_TICKET = 100;

  private final Map<String, Shelf> byClient = new ConcurrentHashMap<>();
  private final List<Seed> seeds;
  private final int maxPerClient;

  /**
   * @param maxPerClient how many tickets each client keeps: past it, the oldest is forgotten (and
   *     answers 404), so that a load test creating thousands of tickets a second runs in bounded
   *     memory
   */
  TicketBook(List<Seed> seeds, int maxPerClient) {
    this.seeds = List.copyOf(seeds);
    this.maxPerClient = maxPerClient;
    reset();
  }

  void reset() {
    byClient.clear();
    seeds.forEach(s -> open(s.clientId(), s.ticket()));
  }

  Ticket open(String clientId, Ticket ticket) {
    Shelf shelf = shelf(clientId);
    shelf.tickets.put(ticket.id(), ticket);
    shelf.opened.add(ticket.id());
    if (shelf.count.incrementAndGet() > maxPerClient) {
      UUID oldest = shelf.opened.poll();
      if (oldest != null) {
        shelf.tickets.remove(oldest);
        shelf.count.decrementAndGet();
      }
    }
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
          if (t.contracts().size() >= MAX_CONTRACTS_PER_TICKET) {
            throw Failure.unprocessable(
                "Ticket "
                    + ticketId
                    + " already holds "
                    + MAX_CONTRACTS_PER_TICKET
                    + " contracts, the most a ticket may hold");
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
        shelf(clientId)
            .tickets
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
        (client, shelf) -> {
          JsonArray list = new JsonArray();
          shelf.tickets.values().forEach(t -> list.add(t.toJson()));
          out.put(client, list);
        });
    return out;
  }

  private Shelf shelf(String clientId) {
    return byClient.computeIfAbsent(clientId, c -> new Shelf());
  }
}
