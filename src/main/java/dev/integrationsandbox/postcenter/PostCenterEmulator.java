package dev.integrationsandbox.postcenter;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * PostCenter v2 in emulate mode, one world: the establishments' tickets behind their API keys.
 *
 * <pre>
 * curl -H 'Authorization: Key sandbox-postcenter-key' \
 *   http://localhost:8080/v2/ticket/583dcb2855d0a46e438d0206/
 * </pre>
 *
 * <p>The key is checked first, as Django REST framework's token authentication does (its messages
 * are kept, in PostCenter's {@code {"status","message"}} shape); the contract check follows; then
 * the desk of the key's establishment answers. Another establishment's tickets are unknown ids.
 */
final class PostCenterEmulator implements Emulator<TicketDesk> {

  static final String NO_CREDENTIALS = "Authentication credentials were not provided.";
  static final String NO_TOKEN = "Invalid token header. No credentials provided.";
  static final String SPACES = "Invalid token header. Token string should not contain spaces.";
  static final String INVALID_TOKEN = "Invalid token.";
  static final String NON_EXISTENT_STATUS = "Non-existent status";

  private static final Pattern CURSOR = Pattern.compile("[0-9a-f]{24}");
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final JsonObject OK = new JsonObject().put("status", 200).put("message", "Ok");
  private static final Buffer OK_BYTES = OK.toBuffer();

  private final SandboxClock clock;
  private final Map<String, TicketDesk> byKey;
  private final Map<String, TicketDesk> byEstablishment;

  PostCenterEmulator(List<Establishment> establishments, SandboxClock clock) {
    this.clock = clock;
    Map<String, TicketDesk> keys = new LinkedHashMap<>();
    Map<String, TicketDesk> ids = new LinkedHashMap<>();
    for (Establishment e : establishments) {
      TicketDesk desk = new TicketDesk(e);
      keys.put(e.apiKey(), desk);
      ids.put(e.id(), desk);
    }
    this.byKey = Map.copyOf(keys);
    this.byEstablishment = ids;
  }

  /** {@code Authorization: Key <token>}; the word {@code Key} in any case, as DRF compares it. */
  @Override
  public TicketDesk authenticate(Call call) {
    String header = call.header("Authorization");
    List<String> words = header == null ? List.of() : words(header.trim());
    if (words.isEmpty() || !words.get(0).equalsIgnoreCase("key")) {
      throw Failure.unauthorized(NO_CREDENTIALS);
    }
    if (words.size() == 1) {
      throw Failure.unauthorized(NO_TOKEN);
    }
    if (words.size() > 2) {
      throw Failure.unauthorized(SPACES);
    }
    TicketDesk desk = byKey.get(words.get(1));
    if (desk == null) {
      throw Failure.unauthorized(INVALID_TOKEN);
    }
    return desk;
  }

  /**
   * The header's words, separated by runs of spaces and tabs as DRF's {@code split()} sees them; by
   * hand, since {@code String.split} with a pattern compiles it on every request.
   */
  private static List<String> words(String header) {
    List<String> words = new ArrayList<>(2);
    int i = 0;
    int n = header.length();
    while (i < n) {
      while (i < n && isBlank(header.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isBlank(header.charAt(i))) {
        i++;
      }
      if (i > start) {
        words.add(header.substring(start, i));
      }
    }
    return words;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t';
  }

  @Override
  public Future<Reply> handle(Call call, TicketDesk desk) {
    return Future.succeededFuture(
        switch (call.operationId()) {
          case PostCenterVendor.GET_TICKET -> Reply.json(200, desk.ticket(ticketId(call)).detail());
          case PostCenterVendor.GET_MESSAGES -> messages(call, desk);
          case PostCenterVendor.CLOSE_TICKET -> {
            desk.close(ticketId(call), now());
            yield Reply.json(200, OK, OK_BYTES);
          }
          case PostCenterVendor.REASSIGN_TICKET -> {
            desk.reassign(ticketId(call), now());
            yield Reply.json(200, OK, OK_BYTES);
          }
          case PostCenterVendor.GET_BY_AGENT_ID, PostCenterVendor.POST_BY_AGENT_ID ->
              byAgentId(call, desk);
          case PostCenterVendor.GET_POSSIBLE_AGENT ->
              Reply.json(
                  200,
                  new JsonObject()
                      .put("status", 200)
                      .put("assignation", desk.possibleAgent(ticketId(call)).toJson()));
          case PostCenterVendor.LIST_BY_COUNTRY_ID ->
              summaries(desk.ofCountryId(required(call, "country_id")));
          case PostCenterVendor.LIST_FACEBOOK ->
              summaries(desk.onFacebook(required(call, "page_id"), required(call, "uid")));
          case PostCenterVendor.LIST_BY_STATE -> byState(call, desk);
          case PostCenterVendor.LIST_PAGINATED -> paginated(call, desk);
          case PostCenterVendor.LIST_ACCOUNTS -> accounts(desk);
          default ->
              throw Failure.of(Failure.Kind.NO_ROUTE, "no handler for " + call.operationId());
        });
  }

  private static Reply messages(Call call, TicketDesk desk) {
    Ticket ticket = desk.ticket(ticketId(call));
    JsonArray messages = new JsonArray();
    desk.establishment().messagesOf(ticket.id()).forEach(m -> messages.add(m.toJson()));
    return Reply.json(200, new JsonObject().put("status", 200).put("messages", messages));
  }

  /**
   * The contract admits only digits; a number too long for any ticket (beyond 2^63) is simply not
   * found rather than rounded.
   */
  private static Reply byAgentId(Call call, TicketDesk desk) {
    String number = call.pathParam("agent_ticket_id");
    if (number == null || !DIGITS.matcher(number).matches()) {
      throw Failure.badRequest("path agent_ticket_id: must be digits only");
    }
    String digits = number.replaceFirst("^0+(?=.)", "");
    Optional<Ticket> found =
        digits.length() > 18 ? Optional.empty() : desk.byIdentifier(Long.parseLong(digits));
    Ticket ticket = found.orElseThrow(() -> Failure.notFound(TicketDesk.NOT_FOUND));
    return Reply.json(200, new JsonObject().put("status", 200).put("ticket_id", ticket.id()));
  }

  private static Reply byState(Call call, TicketDesk desk) {
    TicketState state =
        TicketState.byWire(call.pathParam("state"))
            .filter(desk.establishment().states()::contains)
            .orElseThrow(() -> Failure.notFound(NON_EXISTENT_STATUS));
    JsonArray ids = new JsonArray();
    desk.inState(state).forEach(t -> ids.add(t.id()));
    return Reply.json(200, new JsonObject().put("tickets", ids).put("status", 200));
  }

  private static Reply paginated(Call call, TicketDesk desk) {
    LocalDateTime from = PostCenterDates.bound("from", call.query().get("from"));
    LocalDateTime to = PostCenterDates.bound("to", call.query().get("to"));
    String next = call.query().get("next");
    if (next != null && next.isEmpty()) {
      next = null;
    }
    if (next != null) {
      next = next.toLowerCase(Locale.ROOT);
      if (!CURSOR.matcher(next).matches()) {
        throw Failure.badRequest("Invalid next page");
      }
    }
    String network = call.pathParam("social_network");
    RenderedPage rendered = desk.rendered(network, from, to, next, PostCenterEmulator::render);
    Reply reply = Reply.json(200, rendered.json(), rendered.bytes());
    if (!desk.establishment().hasChannel(network)) {
      reply =
          reply.withLint("the establishment has no account on social network '" + network + "'");
    }
    if (!from.isBefore(to)) {
      reply = reply.withLint("from is not before to: the range is empty");
    }
    return reply;
  }

  /** A page as the vendor sends it, and its bytes, made once per state of the desk. */
  private record RenderedPage(JsonObject json, io.vertx.core.buffer.Buffer bytes) {}

  private static RenderedPage render(TicketPage page) {
    JsonObject json = pageBody(page);
    return new RenderedPage(json, json.toBuffer());
  }

  private static JsonObject pageBody(TicketPage page) {
    JsonArray tickets = new JsonArray();
    page.tickets().forEach(t -> tickets.add(t.listed()));
    return new JsonObject()
        .put("tickets", tickets)
        .put("status", 200)
        .put("number_of_tickets", tickets.size())
        .put("next_page", page.next());
  }

  private static Reply summaries(List<Ticket> found) {
    JsonArray tickets = new JsonArray();
    found.forEach(t -> tickets.add(t.summary()));
    return Reply.json(200, new JsonObject().put("status", 200).put("tickets", tickets));
  }

  private static Reply accounts(TicketDesk desk) {
    JsonArray accounts = new JsonArray();
    desk.establishment().accounts().forEach(a -> accounts.add(a.toJson()));
    return Reply.json(200, new JsonObject().put("status", 200).put("accounts", accounts));
  }

  /**
   * A query parameter the operation cannot do without. The contract check refuses its absence
   * first, in the same words; this keeps the handler safe on its own.
   */
  private static String required(Call call, String name) {
    String value = call.query().get(name);
    if (value == null || value.isEmpty()) {
      throw Failure.badRequest("query " + name + ": is required");
    }
    return value;
  }

  private static String ticketId(Call call) {
    return call.pathParam("ticket_id");
  }

  private LocalDateTime now() {
    return PostCenterDates.of(clock.now());
  }

  @Override
  public void reset() {
    byEstablishment.values().forEach(TicketDesk::reset);
  }

  @Override
  public JsonObject snapshot() {
    JsonObject establishments = new JsonObject();
    byEstablishment.forEach((id, desk) -> establishments.put(id, desk.snapshot()));
    return new JsonObject().put("establishments", establishments);
  }
}
