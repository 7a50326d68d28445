package dev.integrationsandbox.postcenter;

import static dev.integrationsandbox.postcenter.PostCenterApi.KEY;
import static dev.integrationsandbox.postcenter.PostCenterApi.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code GET /v2/tickets/paginated/{social_network}/} over HTTP: walks of whole ranges against the
 * fixture files read independently, the bounds at second precision, and the refused date forms.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PostCenterPaginationTest {

  static final DateTimeFormatter BOUND = DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss");
  static final Map<Integer, String> CHANNELS =
      Map.of(
          11, "facebook", 12, "twitter", 13, "email", 14, "whatsapp", 15, "instagram", 16, "chat");

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  PostCenterApi api;

  @BeforeEach
  void freshWorld() {
    api = PostCenterApi.as(extension.sandbox(), KEY);
  }

  /** The default establishment's tickets of a channel created in [from, to), newest first. */
  static List<JsonObject> expected(String channel, LocalDateTime from, LocalDateTime to) {
    return PostCenterApi.fixtureTickets().stream()
        .filter(t -> t.getString("establishment").equals("super-empresa"))
        .filter(t -> CHANNELS.get(t.getInteger("account")).equals(channel))
        .filter(
            t -> {
              LocalDateTime created = LocalDateTime.parse(t.getString("created"));
              return !created.isBefore(from) && created.isBefore(to);
            })
        .sorted(Comparator.comparing((JsonObject t) -> t.getString("id")).reversed())
        .toList();
  }

  static String uri(String channel, String from, String to, String next) {
    String uri =
        "/v2/tickets/paginated/"
            + channel
            + "/?from="
            + URLEncoder.encode(from, StandardCharsets.UTF_8)
            + "&to="
            + URLEncoder.encode(to, StandardCharsets.UTF_8);
    return next == null ? uri : uri + "&next=" + next;
  }

  /** Follows next_page to the end; checks the shape of every page on the way. */
  List<JsonObject> walk(String channel, String from, String to) {
    List<JsonObject> all = new ArrayList<>();
    String next = null;
    int pages = 0;
    do {
      JsonObject page = api.ok(uri(channel, from, to, next));
      JsonArray tickets = page.getJsonArray("tickets");
      assertEquals(200, page.getInteger("status"));
      assertEquals(tickets.size(), page.getInteger("number_of_tickets"));
      assertTrue(page.containsKey("next_page"));
      next = page.getString("next_page");
      if (next != null) {
        assertEquals(100, tickets.size(), "every page but the last holds 100");
      }
      tickets.forEach(t -> all.add((JsonObject) t));
      assertTrue(++pages < 20, "the walk ends");
    } while (next != null);
    return all;
  }

  @Test
  void walkingAllPagesReturnsEveryTicketOfTheRangeOnceInOrder() {
    List<JsonObject> walked = walk("whatsapp", "01-03-2025", "31-03-2025");
    List<JsonObject> expected =
        expected(
            "whatsapp", LocalDateTime.of(2025, 3, 1, 0, 0), LocalDateTime.of(2025, 3, 31, 0, 0));
    assertTrue(expected.size() > 200, "the range spans three pages: " + expected.size());
    assertEquals(
        expected.stream().map(t -> t.getString("id")).toList(), ids(new JsonArray(walked)));
    assertEquals(walked.size(), new HashSet<>(ids(new JsonArray(walked))).size(), "no repeats");
    JsonObject first = walked.get(0);
    JsonObject fixture = expected.get(0);
    assertEquals(fixture.getInteger("identifier"), first.getInteger("identifier"));
    assertEquals("whatsapp", first.getString("social_network"));
    assertEquals(
        BOUND.format(LocalDateTime.parse(fixture.getString("created"))),
        first.getString("created_datetime"));
    Map<String, String> labels =
        Map.of(
            "open",
            "Abierto",
            "closed",
            "Cerrado",
            "ignored",
            "Ignorado",
            "inProgress",
            "En Progreso");
    for (int i = 0; i < walked.size(); i++) {
      assertEquals(
          labels.get(expected.get(i).getString("state")), walked.get(i).getString("status"));
    }
    assertEquals(
        new HashSet<>(labels.values()),
        walked.stream().map(t -> t.getString("status")).collect(Collectors.toSet()),
        "all four Spanish states appear");
  }

  @Test
  void aRangeOfExactlyOnePageHasNoNextPage() {
    List<JsonObject> all =
        expected(
            "whatsapp", LocalDateTime.of(2025, 3, 1, 0, 0), LocalDateTime.of(2025, 4, 1, 0, 0));
    LocalDateTime hundredth = LocalDateTime.parse(all.get(99).getString("created"));
    LocalDateTime newest = LocalDateTime.parse(all.get(0).getString("created"));
    String from = BOUND.format(hundredth);
    String to = BOUND.format(newest.plusSeconds(1));
    List<JsonObject> expected = expected("whatsapp", hundredth, newest.plusSeconds(1));
    JsonObject page = api.ok(uri("whatsapp", from, to, null));
    assertEquals(expected.size(), page.getInteger("number_of_tickets"));
    if (expected.size() <= 100) {
      assertNull(page.getValue("next_page"));
    } else {
      assertNotNull(page.getValue("next_page"));
    }
  }

  @Test
  void fromIsInclusiveAndToExclusiveAtSecondPrecision() {
    JsonObject ticket =
        expected(
                "whatsapp",
                LocalDateTime.of(2025, 3, 10, 0, 0),
                LocalDateTime.of(2025, 3, 20, 0, 0))
            .get(5);
    String id = ticket.getString("id");
    LocalDateTime created = LocalDateTime.parse(ticket.getString("created"));
    String at = BOUND.format(created);
    String after = BOUND.format(created.plusSeconds(1));
    String before = BOUND.format(created.minusSeconds(1));
    assertTrue(ids(page(at, after)).contains(id), "from is inclusive");
    assertTrue(!ids(page(after, BOUND.format(created.plusDays(1)))).contains(id), "a second later");
    assertTrue(!ids(page(before, at)).contains(id), "to is exclusive");
    assertTrue(ids(page(before, after)).contains(id));
    assertEquals(
        expected("whatsapp", created, created.plusSeconds(1)).stream()
            .map(t -> t.getString("id"))
            .toList(),
        ids(page(at, after)));
  }

  @Test
  void aDateWithoutTimeIsMidnight() {
    List<String> day = ids(new JsonArray(walk("whatsapp", "10-03-2025", "11-03-2025")));
    assertEquals(
        expected(
                "whatsapp",
                LocalDateTime.of(2025, 3, 10, 0, 0),
                LocalDateTime.of(2025, 3, 11, 0, 0))
            .stream()
            .map(t -> t.getString("id"))
            .toList(),
        day);
    assertEquals(day, ids(new JsonArray(walk("whatsapp", "10-03-2025 00:00:00", "11-03-2025"))));
  }

  @Test
  void theSeedsTwitterExampleAnswersItsTicket() {
    JsonObject page =
        api.ok("/v2/tickets/paginated/twitter/?from=18-04-2019&to=18-04-2019%2021%3A41%3A00");
    assertEquals(
        new JsonObject()
            .put(
                "tickets",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("status", "Abierto")
                            .put("updated_datetime", "18-04-2019 22:30:21")
                            .put("created_datetime", "18-04-2019 21:40:59")
                            .put("social_network", "twitter")
                            .put("identifier", 322)
                            .put("id", "5cb8eeeb0715437c9126715e")))
            .put("status", 200)
            .put("number_of_tickets", 1)
            .put("next_page", null),
        page);
  }

  @Test
  void theSeedsEmailTicketsComeInTheSeedsOrder() {
    JsonObject page = api.ok(uri("email", "18-04-2019", "19-04-2019", null));
    assertEquals(
        List.of(223, 222, 221),
        page.getJsonArray("tickets").stream()
            .map(t -> ((JsonObject) t).getInteger("identifier"))
            .toList());
  }

  @Test
  void emptyRangesAndUnknownChannelsGiveAnEmptyLastPage() {
    JsonObject empty =
        new JsonObject()
            .put("tickets", new JsonArray())
            .put("status", 200)
            .put("number_of_tickets", 0)
            .put("next_page", null);
    assertEquals(empty, api.ok(uri("whatsapp", "20-03-2025", "10-03-2025", null)));
    assertEquals(empty, api.ok(uri("whatsapp", "10-03-2025", "10-03-2025", null)));
    assertEquals(empty, api.ok(uri("myspace", "01-03-2025", "01-04-2025", null)));
    assertEquals(empty, api.ok(uri("WHATSAPP", "01-03-2025", "01-04-2025", null)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12/12/2012",
        "12-12-12",
        "10-12",
        "03-16-2014",
        "12-10-2018 10:23",
        "31-02-2019",
        "29-02-2025",
        "12-10-2018 24:00:00",
        "12-10-2018 10:23:60",
        "2018-10-12",
        "12-10-2018T10:23:00",
        " 12-10-2018",
        "12-10-2018  10:23:00",
        "١٢-١٠-٢٠١٨",
        "12-10-99999",
        "99999999999999999999-10-2018"
      })
  void anyOtherDateFormIsABadRequest(String date) {
    HttpResponse<Buffer> from = api.get(uri("whatsapp", date, "01-04-2025", null));
    HttpResponse<Buffer> to = api.get(uri("whatsapp", "01-03-2025", date, null));
    for (HttpResponse<Buffer> r : List.of(from, to)) {
      assertEquals(400, r.statusCode(), date + " → " + r.bodyAsString());
      assertEquals(400, r.bodyAsJsonObject().getInteger("status"));
      assertNotNull(r.bodyAsJsonObject().getString("message"));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"zz", "5cb8fa94071543", "5cb8fa940715430c9c8824f3aa", "%F0%9F%98%80", "-1"})
  void aNextThatIsNoCursorIsABadRequest(String next) {
    PostCenterApi.assertError(
        400, "Invalid next page", api.get(uri("whatsapp", "01-03-2025", "01-04-2025", next)));
  }

  @Test
  void anEmptyNextIsTheFirstPage() {
    assertEquals(
        api.ok(uri("whatsapp", "01-03-2025", "01-04-2025", null)),
        api.ok(uri("whatsapp", "01-03-2025", "01-04-2025", "")));
  }

  @Test
  void aWalkIsStableWhileTicketsChangeState() {
    String from = "01-03-2025";
    String to = "01-04-2025";
    JsonObject first = api.ok(uri("whatsapp", from, to, null));
    String someOnPageTwo =
        api.ok(uri("whatsapp", from, to, first.getString("next_page")))
            .getJsonArray("tickets")
            .getJsonObject(3)
            .getString("id");
    api.post("/v2/ticket/" + someOnPageTwo + "/close/");
    List<String> rest = new ArrayList<>();
    String next = first.getString("next_page");
    while (next != null) {
      JsonObject page = api.ok(uri("whatsapp", from, to, next));
      rest.addAll(ids(page.getJsonArray("tickets")));
      next = page.getString("next_page");
    }
    assertEquals(
        expected("whatsapp", LocalDateTime.of(2025, 3, 1, 0, 0), LocalDateTime.of(2025, 4, 1, 0, 0))
            .stream()
            .skip(100)
            .map(t -> t.getString("id"))
            .toList(),
        rest);
  }

  private JsonArray page(String from, String to) {
    return api.ok(uri("whatsapp", from, to, null)).getJsonArray("tickets");
  }
}
