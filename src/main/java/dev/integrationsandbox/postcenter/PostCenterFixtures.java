package dev.integrationsandbox.postcenter;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The establishments of {@code fixtures/postcenter/}, read once and checked: {@code
 * establishments.json} (API key, channels, agents, enabled states), {@code tickets.json} (the
 * vendor document's example tickets and the second establishment's) and {@code
 * generated-tickets.json} (the bulk of the default establishment, from {@code
 * generate_tickets.py}). A ticket names its establishment, account and agent by id; an unknown
 * reference, a duplicate id or a malformed time stops the start-up with the offending record.
 */
public final class PostCenterFixtures {

  static final List<String> TICKET_FILES = List.of("tickets.json", "generated-tickets.json");

  private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");

  private PostCenterFixtures() {}

  /** Reads the folder; blocking, so call it on a worker thread. */
  public static List<Establishment> load(Path folder) {
    JsonObject establishments = read(folder.resolve("establishments.json"));
    List<JsonObject> tickets = new ArrayList<>();
    for (String file : TICKET_FILES) {
      Path path = folder.resolve(file);
      if (Files.exists(path)) {
        read(path).getJsonArray("tickets", new JsonArray()).forEach(t -> tickets.add(object(t)));
      }
    }
    return from(establishments.getJsonArray("establishments", new JsonArray()), tickets);
  }

  /** Builds and checks the establishments from already parsed fixture records. */
  public static List<Establishment> from(JsonArray establishments, List<JsonObject> tickets) {
    Map<String, List<JsonObject>> ticketsByEstablishment = new HashMap<>();
    for (JsonObject t : tickets) {
      ticketsByEstablishment
          .computeIfAbsent(required(t, "establishment"), k -> new ArrayList<>())
          .add(t);
    }
    List<Establishment> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Object item : establishments) {
      JsonObject e = object(item);
      String id = required(e, "id");
      if (!ids.add(id)) {
        throw new IllegalArgumentException("duplicate establishment id " + id);
      }
      if (!keys.add(required(e, "api_key"))) {
        throw new IllegalArgumentException("api_key of establishment " + id + " is used twice");
      }
      out.add(establishment(e, ticketsByEstablishment.getOrDefault(id, List.of())));
      ticketsByEstablishment.remove(id);
    }
    if (!ticketsByEstablishment.isEmpty()) {
      throw new IllegalArgumentException(
          "tickets of unknown establishments " + ticketsByEstablishment.keySet());
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("establishments.json defines no establishment");
    }
    return List.copyOf(out);
  }

  private static Establishment establishment(JsonObject e, List<JsonObject> ticketRecords) {
    String id = required(e, "id");
    Set<TicketState> states = EnumSet.noneOf(TicketState.class);
    for (Object s : e.getJsonArray("states", new JsonArray())) {
      states.add(
          TicketState.byWire(String.valueOf(s))
              .orElseThrow(() -> new IllegalArgumentException(id + ": unknown state " + s)));
    }
    Map<Long, Account> accounts = new LinkedHashMap<>();
    for (Object item : e.getJsonArray("accounts", new JsonArray())) {
      JsonObject a = object(item);
      Account account =
          new Account(
              number(a, "id"),
              required(a, "name"),
              required(a, "social_network"),
              required(a, "uid"));
      if (accounts.put(account.id(), account) != null) {
        throw new IllegalArgumentException(id + ": duplicate account id " + account.id());
      }
    }
    Map<Long, Agent> agents = new LinkedHashMap<>();
    for (Object item : e.getJsonArray("agents", new JsonArray())) {
      JsonObject a = object(item);
      Set<Long> assignable = new HashSet<>();
      for (Object account : a.getJsonArray("assignable_to", new JsonArray())) {
        long accountId = ((Number) account).longValue();
        if (!accounts.containsKey(accountId)) {
          throw new IllegalArgumentException(id + ": agent assignable to unknown account " + a);
        }
        assignable.add(accountId);
      }
      Agent agent =
          new Agent(
              number(a, "cmid"),
              required(a, "name"),
              a.getString("email"),
              a.getBoolean("is_online", false),
              assignable);
      if (agents.put(agent.cmid(), agent) != null) {
        throw new IllegalArgumentException(id + ": duplicate agent cmid " + agent.cmid());
      }
    }
    List<Ticket> tickets = new ArrayList<>();
    Map<String, List<Message>> messages = new HashMap<>();
    Set<String> ticketIds = new HashSet<>();
    for (JsonObject t : ticketRecords) {
      String ticketId = required(t, "id");
      if (!OBJECT_ID.matcher(ticketId).matches() || !ticketIds.add(ticketId)) {
        throw new IllegalArgumentException(
            "ticket id must be a unique lower-case ObjectId: " + ticketId);
      }
      Account account = accounts.get(number(t, "account"));
      if (account == null) {
        throw new IllegalArgumentException("ticket of an unknown account: " + t.encode());
      }
      Agent assignee = null;
      if (t.getValue("assigned_to") != null) {
        assignee = agents.get(number(t, "assigned_to"));
        if (assignee == null) {
          throw new IllegalArgumentException("ticket assigned to an unknown agent: " + t.encode());
        }
      }
      List<Message> conversation = conversation(t);
      Message last = conversation.isEmpty() ? null : conversation.get(0);
      tickets.add(
          new Ticket(
              ticketId,
              number(t, "identifier"),
              account,
              TicketState.byWire(required(t, "state"))
                  .orElseThrow(() -> new IllegalArgumentException("unknown state: " + t.encode())),
              time(t, "created"),
              time(t, "updated"),
              assignee,
              t.getString("subject"),
              required(t, "country_id"),
              t.getString("facebook_uid"),
              last == null ? null : last.authorName(),
              last == null ? null : last.content()));
      messages.put(ticketId, conversation);
    }
    return new Establishment(
        id,
        required(e, "name"),
        required(e, "api_key"),
        states,
        List.copyOf(accounts.values()),
        List.copyOf(agents.values()),
        tickets,
        messages);
  }

  private static List<Message> conversation(JsonObject t) {
    List<Message> out = new ArrayList<>();
    for (Object item : t.getJsonArray("messages", new JsonArray())) {
      JsonObject m = object(item);
      out.add(
          new Message(
              required(m, "content"),
              required(m, "author_id"),
              required(m, "author_name"),
              required(m, "author_account"),
              time(m, "created"),
              m.getString("media")));
    }
    out.sort(Comparator.comparing(Message::created).reversed());
    return List.copyOf(out);
  }

  private static LocalDateTime time(JsonObject o, String key) {
    try {
      return LocalDateTime.parse(required(o, key));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(key + " is not an ISO local date-time: " + o.encode());
    }
  }

  private static long number(JsonObject o, String key) {
    if (!(o.getValue(key) instanceof Number n)) {
      throw new IllegalArgumentException("fixture object lacks number \"" + key + "\": " + o);
    }
    return n.longValue();
  }

  private static String required(JsonObject o, String key) {
    if (!(o.getValue(key) instanceof String s)) {
      throw new IllegalArgumentException("fixture object lacks \"" + key + "\": " + o.encode());
    }
    return s;
  }

  private static JsonObject object(Object item) {
    if (!(item instanceof JsonObject o)) {
      throw new IllegalArgumentException("fixture record is not an object: " + item);
    }
    return o;
  }

  private static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read PostCenter fixture " + file, e);
    } catch (DecodeException e) {
      throw new IllegalArgumentException(file + " is not a JSON object: " + e.getMessage());
    }
  }
}
