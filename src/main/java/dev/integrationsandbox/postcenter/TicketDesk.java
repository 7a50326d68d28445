package dev.integrationsandbox.postcenter;

import dev.integrationsandbox.spi.Failure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * One establishment's tickets in one world: what a close or a reassignment changes. The tickets are
 * one immutable list swapped atomically, so every read sees one consistent moment and, of two
 * concurrent closes of a ticket, exactly one succeeds. The list never grows (the API creates no
 * tickets), so what a client can make the desk hold is bounded by the fixtures.
 *
 * <p>Automatic assignment picks, among the online agents assignable to the ticket's account, the
 * one with the fewest open or in-progress tickets, the lowest {@code cmid} on a tie.
 */
public final class TicketDesk {

  static final String NOT_FOUND = "Ticket not found";

  private final Establishment establishment;
  private final Map<String, Integer> positions = new HashMap<>();
  private final AtomicReference<List<Ticket>> tickets;

  public TicketDesk(Establishment establishment) {
    this.establishment = establishment;
    List<Ticket> initial = establishment.tickets();
    for (int i = 0; i < initial.size(); i++) {
      positions.put(initial.get(i).id(), i);
    }
    this.tickets = new AtomicReference<>(initial);
  }

  public Establishment establishment() {
    return establishment;
  }

  public Ticket ticket(String id) {
    Integer at = positions.get(id);
    if (at == null) {
      throw Failure.notFound(NOT_FOUND);
    }
    return tickets.get().get(at);
  }

  /**
   * The newest ticket whose agent-visible number is {@code identifier}: PostCenter's own examples
   * show one number on two tickets.
   */
  public Optional<Ticket> byIdentifier(long identifier) {
    return tickets.get().stream().filter(t -> t.identifier() == identifier).findFirst();
  }

  public List<Ticket> inState(TicketState state) {
    return matching(t -> t.state() == state);
  }

  public List<Ticket> ofCountryId(String countryId) {
    return matching(t -> t.countryId().equals(countryId));
  }

  /** Tickets of Facebook user {@code uid} on the establishment's page {@code pageId}. */
  public List<Ticket> onFacebook(String pageId, String uid) {
    return establishment
        .account("facebook", pageId)
        .map(page -> matching(t -> t.account().equals(page) && uid.equals(t.facebookUid())))
        .orElse(List.of());
  }

  /**
   * A page of the tickets of one channel created in {@code [from, to)}, newest first.
   *
   * @param after the cursor a previous page gave, or null for the first page
   */
  /**
   * A page's answer, rendered once per state of the desk: clients poll the same range again and
   * again, and building a page of 100 tickets was nearly all of its cost. Any change to the desk
   * makes a new ticket list, and with it new keys; at most {@value #RENDERED_PAGES} are kept.
   */
  public <T> T rendered(
      String socialNetwork,
      LocalDateTime from,
      LocalDateTime to,
      String after,
      java.util.function.Function<TicketPage, T> render) {
    List<Ticket> snapshot = tickets.get();
    PageKey key = new PageKey(snapshot, socialNetwork, from, to, after);
    @SuppressWarnings("unchecked")
    T known = (T) renderedPages.get(key);
    if (known != null) {
      return known;
    }
    T made = render.apply(page(snapshot, socialNetwork, from, to, after, PAGE_SIZE));
    renderedPages.put(key, made);
    return made;
  }

  /** The vendor's page size: "la paginación es de a 100 tickets". */
  public static final int PAGE_SIZE = 100;

  static final int RENDERED_PAGES = 8;

  /** A query on one state of the desk: the ticket list compared by identity, not content. */
  private record PageKey(
      List<Ticket> snapshot,
      String socialNetwork,
      LocalDateTime from,
      LocalDateTime to,
      String after) {
    @Override
    public boolean equals(Object o) {
      return o instanceof PageKey k
          && k.snapshot == snapshot
          && k.socialNetwork.equals(socialNetwork)
          && k.from.equals(from)
          && k.to.equals(to)
          && java.util.Objects.equals(k.after, after);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(
          System.identityHashCode(snapshot), socialNetwork, from, to, after);
    }
  }

  private final Map<PageKey, Object> renderedPages =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PageKey, Object> eldest) {
              return size() > RENDERED_PAGES;
            }
          });

  public TicketPage page(
      String socialNetwork, LocalDateTime from, LocalDateTime to, String after, int size) {
    return page(tickets.get(), socialNetwork, from, to, after, size);
  }

  private static TicketPage page(
      List<Ticket> all,
      String socialNetwork,
      LocalDateTime from,
      LocalDateTime to,
      String after,
      int size) {
    List<Ticket> page = new ArrayList<>(size);
    for (Ticket t : all) {
      if ((after == null || t.id().compareTo(after) < 0)
          && t.account().socialNetwork().equals(socialNetwork)
          && !t.created().isBefore(from)
          && t.created().isBefore(to)) {
        if (page.size() == size) {
          return new TicketPage(List.copyOf(page), page.get(size - 1).id());
        }
        page.add(t);
      }
    }
    return new TicketPage(List.copyOf(page), null);
  }

  /**
   * Closes a ticket.
   *
   * @throws Failure NOT_FOUND, or UNPROCESSABLE when it is already closed
   */
  public Ticket close(String id, LocalDateTime at) {
    return change(
        id,
        (t, all) -> {
          if (t.isClosed()) {
            throw Failure.unprocessable("Ticket is already closed");
          }
          return t.closed(at);
        });
  }

  /**
   * Runs automatic assignment again: the least loaded online agent assignable to the ticket's
   * account other than the current one; with nobody, the ticket goes back to the queue unassigned.
   *
   * @throws Failure NOT_FOUND, or UNPROCESSABLE when the ticket is closed
   */
  public Ticket reassign(String id, LocalDateTime at) {
    return change(
        id,
        (t, all) -> {
          if (t.isClosed()) {
            throw Failure.unprocessable("Ticket is closed");
          }
          Agent current = t.assignee();
          return t.assignedTo(
              leastLoaded(t.account(), all, a -> current == null || a.cmid() != current.cmid()),
              at);
        });
  }

  /** Whom automatic assignment would pick for the ticket now; the ticket does not change. */
  public Assignment possibleAgent(String id) {
    Ticket t = ticket(id);
    Agent agent = leastLoaded(t.account(), tickets.get(), a -> true);
    return new Assignment(agent, agent == null ? Assignment.NOBODY : Assignment.BY_WORKLOAD);
  }

  public void reset() {
    tickets.set(establishment.tickets());
  }

  /** Ticket counts by state and the tickets changed since the fixtures, for the admin API. */
  public JsonObject snapshot() {
    List<Ticket> now = tickets.get();
    Map<TicketState, Integer> counts = new EnumMap<>(TicketState.class);
    JsonArray changed = new JsonArray();
    for (int i = 0; i < now.size(); i++) {
      Ticket t = now.get(i);
      counts.merge(t.state(), 1, Integer::sum);
      if (t != establishment.tickets().get(i)) {
        changed.add(t.detail());
      }
    }
    JsonObject byState = new JsonObject();
    counts.forEach((s, n) -> byState.put(s.wire(), n));
    return new JsonObject()
        .put("name", establishment.name())
        .put("tickets", now.size())
        .put("byState", byState)
        .put("changed", changed);
  }

  private interface Change {
    Ticket apply(Ticket ticket, List<Ticket> all);
  }

  private Ticket change(String id, Change change) {
    Integer at = positions.get(id);
    if (at == null) {
      throw Failure.notFound(NOT_FOUND);
    }
    List<Ticket> next =
        tickets.updateAndGet(
            all -> {
              List<Ticket> copy = new ArrayList<>(all);
              copy.set(at, change.apply(all.get(at), all));
              return List.copyOf(copy);
            });
    return next.get(at);
  }

  private Agent leastLoaded(Account account, List<Ticket> all, Predicate<Agent> eligible) {
    Map<Long, Integer> load = new HashMap<>();
    for (Ticket t : all) {
      if (t.assignee() != null && t.state().isActive()) {
        load.merge(t.assignee().cmid(), 1, Integer::sum);
      }
    }
    return establishment.agents().stream()
        .filter(a -> a.canTake(account) && eligible.test(a))
        .min(
            Comparator.comparingInt((Agent a) -> load.getOrDefault(a.cmid(), 0))
                .thenComparingLong(Agent::cmid))
        .orElse(null);
  }

  private List<Ticket> matching(Predicate<Ticket> filter) {
    return tickets.get().stream().filter(filter).toList();
  }
}
