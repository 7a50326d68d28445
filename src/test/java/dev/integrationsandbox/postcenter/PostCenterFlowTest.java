package dev.integrationsandbox.postcenter;

import static dev.integrationsandbox.postcenter.PostCenterApi.BY_AGENT_TICKET;
import static dev.integrationsandbox.postcenter.PostCenterApi.KEY;
import static dev.integrationsandbox.postcenter.PostCenterApi.MESSAGES_TICKET;
import static dev.integrationsandbox.postcenter.PostCenterApi.SEED_TICKET;
import static dev.integrationsandbox.postcenter.PostCenterApi.TWITTER_TICKET;
import static dev.integrationsandbox.postcenter.PostCenterApi.assertError;
import static dev.integrationsandbox.postcenter.PostCenterApi.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostCenter v2 over HTTP, as an integration reads and moves tickets: every operation of the
 * vendor's document, its examples answering as shown, and its errors in the vendor's shape.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PostCenterFlowTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  TestSandbox sandbox;
  PostCenterApi api;

  @BeforeEach
  void freshWorld() {
    sandbox = extension.sandbox();
    api = PostCenterApi.as(sandbox, KEY);
  }

  static JsonObject seedAssignment() {
    return new JsonObject()
        .put("cmid", 467)
        .put("name", "Francisco Pinto")
        .put("email", "fapint@somecorporate.com");
  }

  @Test
  void theSeedsTicketDetailAnswersAsDocumented() {
    JsonObject expected =
        new JsonObject()
            .put("id", SEED_TICKET)
            .put("identifier", "261")
            .put("created", "2016-11-29T18:38:32")
            .put("current_assignment", seedAssignment())
            .put("is_closed", true)
            .put("last_author", "Jhon Doe")
            .put("last_content", "Hi, I need help configuring with my product.")
            .put("social_network", "facebook")
            .put("subject", null)
            .put("updated_time", "2016-12-21T13:17:29.283");
    assertEquals(expected, api.ok("/v2/ticket/" + SEED_TICKET + "/"));
    assertEquals(expected, api.ok("/v2/ticket/" + SEED_TICKET));
  }

  @Test
  void theSeedsMessagesComeNewestFirstAsDocumented() {
    JsonObject body = api.ok("/v2/ticket/" + MESSAGES_TICKET + "/messages/");
    assertEquals(200, body.getInteger("status"));
    JsonArray messages = body.getJsonArray("messages");
    assertEquals(
        List.of("2014-11-30T20:46:58", "2014-11-30T18:55:04", "2014-11-30T18:50:11"),
        messages.stream().map(m -> ((JsonObject) m).getString("created")).toList());
    assertEquals(
        new JsonObject()
            .put("content", "Hola Carlos, ¿en qué te podemos ayudar?")
            .put("author_id", "572c2b2z20a9g4201250leb4")
            .put("author_name", "Super Empresa")
            .put("author_account", "superempresa")
            .put("created", "2014-11-30T20:46:58")
            .put("media", "http://placekitten.com/200/300"),
        messages.getJsonObject(0));
    assertFalse(messages.getJsonObject(1).containsKey("media"), "media is left out when absent");
    assertEquals(
        messages, api.ok("/v2/ticket/" + MESSAGES_TICKET + "/messages").getValue("messages"));
  }

  @Test
  void theSeedsAgentNumberLeadsToItsApiIdByGetAndByPost() {
    JsonObject expected = new JsonObject().put("status", 200).put("ticket_id", BY_AGENT_TICKET);
    assertEquals(expected, api.ok("/v2/ticket/261/by_agent_id/"));
    HttpResponse<Buffer> post = api.post("/v2/ticket/261/by_agent_id/");
    assertEquals(200, post.statusCode(), post.bodyAsString());
    assertEquals(expected, post.bodyAsJsonObject());
    assertEquals(expected, api.post("/v2/ticket/0261/by_agent_id").bodyAsJsonObject());
    assertEquals(
        "261",
        api.ok("/v2/ticket/" + BY_AGENT_TICKET + "/").getString("identifier"),
        "the detail gives the number back");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"999999", "9223372036854775807", "9223372036854775808", "99999999999999999999999"})
  void aNumberNoTicketCarriesIsNotFound(String number) {
    assertError(404, "Ticket not found", api.get("/v2/ticket/" + number + "/by_agent_id/"));
    assertError(404, "Ticket not found", api.post("/v2/ticket/" + number + "/by_agent_id/"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-261", "2.5", "%C3%B1", "261%20"})
  void anAgentNumberThatIsNotDigitsIsABadRequest(String number) {
    HttpResponse<Buffer> r = api.get("/v2/ticket/" + number + "/by_agent_id/");
    assertEquals(400, r.statusCode(), r.bodyAsString());
    assertEquals(400, r.bodyAsJsonObject().getInteger("status"));
    assertTrue(r.bodyAsJsonObject().getString("message").contains("agent_ticket_id"));
  }

  @Test
  void thePossibleAgentOfTheSeedTicketIsTheSeedsAgent27() {
    assertEquals(
        new JsonObject()
            .put("status", 200)
            .put(
                "assignation",
                new JsonObject()
                    .put("cm", 27)
                    .put("reason", "Assign Because Workload and non cm was online")),
        api.ok("/v2/ticket/" + SEED_TICKET + "/get_possible_agent/"));
  }

  @Test
  void withNobodyOnlineForTheAccountThePossibleAgentIsNull() {
    String instagram = firstOf("instagram");
    JsonObject assignation =
        api.ok("/v2/ticket/" + instagram + "/get_possible_agent/").getJsonObject("assignation");
    assertTrue(assignation.containsKey("cm"));
    assertNull(assignation.getValue("cm"));
    assertFalse(assignation.getString("reason").isEmpty());
  }

  @Test
  void aCustomersTicketsByCountryIdAreTheSeedsList() {
    JsonObject expected =
        new JsonObject()
            .put("status", 200)
            .put(
                "tickets",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("id", SEED_TICKET)
                            .put("identifier", 261)
                            .put("created", "2016-11-29T18:38:32")
                            .put("current_assignment", seedAssignment())
                            .put("is_closed", true)
                            .put("last_author", "Jhon Doe")
                            .put("last_content", "Hi, I need help configuring with my product.")
                            .put("social_network", "facebook")
                            .put("title", null)
                            .put("updated_time", "2016-12-21T13:17:29.283")));
    assertEquals(expected, api.ok("/v2/tickets/?country_id=11111111-1"));
    assertEquals(expected, api.ok("/v2/tickets?country_id=11111111-1"));
    assertEquals(
        expected,
        api.ok("/v2/tickets/facebook/?page_id=109876543210987&uid=100004567890123"),
        "the same customer on the establishment's Facebook page");
  }

  @Test
  void aCustomerWithoutTicketsGetsAnEmptyList() {
    JsonObject empty = new JsonObject().put("status", 200).put("tickets", new JsonArray());
    assertEquals(empty, api.ok("/v2/tickets/?country_id=99999999-9"));
    assertEquals(empty, api.ok("/v2/tickets/?country_id=%F0%9F%98%80%20%C3%B1"));
    assertEquals(empty, api.ok("/v2/tickets/?country_id=" + "1".repeat(2000)));
    assertEquals(empty, api.ok("/v2/tickets/facebook/?page_id=1&uid=100004567890123"));
    assertEquals(empty, api.ok("/v2/tickets/facebook/?page_id=superempresa&uid=x"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/v2/tickets/",
        "/v2/tickets/?country_id=",
        "/v2/tickets/?countryid=11111111-1",
        "/v2/tickets/facebook/",
        "/v2/tickets/facebook/?page_id=109876543210987",
        "/v2/tickets/facebook/?uid=100004567890123",
        "/v2/tickets/facebook/?page_id=&uid=100004567890123",
        "/v2/tickets/paginated/email/",
        "/v2/tickets/paginated/email/?from=18-04-2019",
        "/v2/tickets/paginated/email/?to=19-04-2019",
        "/v2/tickets/paginated/email/?from=&to=19-04-2019"
      })
  void aMissingQueryParameterIsABadRequestNamingIt(String uri) {
    HttpResponse<Buffer> r = api.get(uri);
    assertEquals(400, r.statusCode(), r.bodyAsString());
    JsonObject body = r.bodyAsJsonObject();
    assertEquals(400, body.getInteger("status"));
    assertTrue(body.getString("message").startsWith("query "), body.encode());
  }

  @Test
  void eachStateListsItsTicketsAndTogetherTheyListAll() {
    int total = 0;
    for (String state : List.of("open", "closed", "ignored", "inProgress")) {
      JsonObject body = api.ok("/v2/tickets/state/" + state);
      assertEquals(200, body.getInteger("status"));
      List<String> ids = ids(body.getJsonArray("tickets"));
      assertEquals(
          ids.stream().sorted(java.util.Comparator.reverseOrder()).toList(), ids, "newest first");
      total += ids.size();
    }
    long fixtures =
        PostCenterApi.fixtureTickets().stream()
            .filter(t -> t.getString("establishment").equals("super-empresa"))
            .count();
    assertEquals(fixtures, total, "every ticket of the establishment, in exactly one state");
    assertTrue(
        ids(api.ok("/v2/tickets/state/closed/").getJsonArray("tickets")).contains(SEED_TICKET));
    assertTrue(
        ids(api.ok("/v2/tickets/state/inProgress").getJsonArray("tickets"))
            .contains(BY_AGENT_TICKET));
  }

  @ParameterizedTest
  @ValueSource(strings = {"pending", "Open", "in_progress", "OPEN", "%C3%A1", "1"})
  void anyOtherStateIsANonExistentStatus(String state) {
    assertError(404, "Non-existent status", api.get("/v2/tickets/state/" + state));
  }

  @Test
  void closingATicketShowsInTheDetailTheStateListsAndThePaginatedList() {
    api.freezeClockAt("2026-01-05T10:15:30.250Z");
    HttpResponse<Buffer> close = api.post("/v2/ticket/" + TWITTER_TICKET + "/close/");
    assertEquals(200, close.statusCode(), close.bodyAsString());
    assertEquals(
        new JsonObject().put("status", 200).put("message", "Ok"), close.bodyAsJsonObject());

    JsonObject detail = api.ok("/v2/ticket/" + TWITTER_TICKET + "/");
    assertTrue(detail.getBoolean("is_closed"));
    assertEquals("2026-01-05T10:15:30.250", detail.getString("updated_time"));
    assertTrue(
        ids(api.ok("/v2/tickets/state/closed").getJsonArray("tickets")).contains(TWITTER_TICKET));
    assertFalse(
        ids(api.ok("/v2/tickets/state/open").getJsonArray("tickets")).contains(TWITTER_TICKET));
    JsonObject listed =
        api.ok("/v2/tickets/paginated/twitter/?from=18-04-2019&to=18-04-2019%2021%3A41%3A00")
            .getJsonArray("tickets")
            .getJsonObject(0);
    assertEquals(TWITTER_TICKET, listed.getString("id"));
    assertEquals("Cerrado", listed.getString("status"));
    assertEquals("05-01-2026 10:15:30", listed.getString("updated_datetime"));
  }

  @Test
  void closingAClosedTicketIsRejected() {
    assertError(400, "Ticket is already closed", api.post("/v2/ticket/" + SEED_TICKET + "/close/"));
    assertEquals(200, api.post("/v2/ticket/" + TWITTER_TICKET + "/close").statusCode());
    assertError(
        400, "Ticket is already closed", api.post("/v2/ticket/" + TWITTER_TICKET + "/close/"));
  }

  @Test
  void aBodySentWithAPostIsIgnored() {
    HttpResponse<Buffer> r =
        sandbox
            .client()
            .post("/v2/ticket/" + TWITTER_TICKET + "/close/")
            .putHeader("Authorization", "Key " + KEY)
            .putHeader("Content-Type", "text/plain")
            .sendBuffer(Buffer.buffer("ñ not json {"))
            .await();
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  @Test
  void aBodyOverTheLimitIsTooLargeInPostCentersShape() {
    HttpResponse<Buffer> r =
        sandbox
            .client()
            .post("/v2/ticket/" + TWITTER_TICKET + "/close/")
            .putHeader("Authorization", "Key " + KEY)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer(new byte[2 * 1024 * 1024]))
            .await();
    assertError(413, "Request body too large.", r);
    assertFalse(api.ok("/v2/ticket/" + TWITTER_TICKET + "/").getBoolean("is_closed"));
  }

  @Test
  void reassigningGivesTheLeastLoadedOtherOnlineAgentAndTheClocksTime() {
    api.freezeClockAt("2026-02-01T08:00:00Z");
    JsonObject before = api.ok("/v2/ticket/" + BY_AGENT_TICKET + "/");
    assertEquals(31, before.getJsonObject("current_assignment").getInteger("cmid"));
    HttpResponse<Buffer> r = api.post("/v2/ticket/" + BY_AGENT_TICKET + "/reassign/");
    assertEquals(new JsonObject().put("status", 200).put("message", "Ok"), r.bodyAsJsonObject());
    JsonObject after = api.ok("/v2/ticket/" + BY_AGENT_TICKET + "/");
    assertEquals(
        new JsonObject()
            .put("cmid", 27)
            .put("name", "Camila Rojas")
            .put("email", "crojas@somecorporate.com"),
        after.getJsonObject("current_assignment"));
    assertEquals("2026-02-01T08:00:00.000", after.getString("updated_time"));
    assertFalse(after.getBoolean("is_closed"));
  }

  @Test
  void reassigningWithNobodyElseOnlineSendsTheTicketBackToTheQueue() {
    String instagram = firstOf("instagram");
    assertEquals(200, api.post("/v2/ticket/" + instagram + "/reassign/").statusCode());
    JsonObject detail = api.ok("/v2/ticket/" + instagram + "/");
    assertTrue(detail.containsKey("current_assignment"));
    assertNull(detail.getValue("current_assignment"));
  }

  @Test
  void reassigningAClosedTicketIsRejected() {
    assertError(400, "Ticket is closed", api.post("/v2/ticket/" + SEED_TICKET + "/reassign/"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "000000000000000000000000",
        "583DCB2855D0A46E438D0206",
        "nope",
        "%F0%9F%98%80",
        PostCenterApi.OTHER_TICKET
      })
  void anUnknownTicketIdIsNotFoundEverywhere(String id) {
    assertError(404, "Ticket not found", api.get("/v2/ticket/" + id + "/"));
    assertError(404, "Ticket not found", api.get("/v2/ticket/" + id + "/messages/"));
    assertError(404, "Ticket not found", api.post("/v2/ticket/" + id + "/close/"));
    assertError(404, "Ticket not found", api.post("/v2/ticket/" + id + "/reassign/"));
    assertError(404, "Ticket not found", api.get("/v2/ticket/" + id + "/get_possible_agent/"));
  }

  @Test
  void accountsListTheEstablishmentsChannels() {
    JsonObject body = api.ok("/v2/accounts/all/");
    assertEquals(200, body.getInteger("status"));
    assertEquals(
        List.of("facebook", "twitter", "email", "whatsapp", "instagram", "chat"),
        body.getJsonArray("accounts").stream()
            .map(a -> ((JsonObject) a).getString("social_network"))
            .toList());
    assertEquals(
        new JsonObject()
            .put("id", 11)
            .put("name", "Super Empresa")
            .put("social_network", "facebook")
            .put("uid", "109876543210987"),
        body.getJsonArray("accounts").getJsonObject(0));
  }

  @Test
  void aPathOfNoOperationIsNotFoundInPostCentersShape() {
    assertError(404, "Not found.", api.get("/v2/ticket/" + SEED_TICKET + "/nothing/"));
    assertError(404, "Not found.", api.get("/v2/tickets/state/"));
    assertError(404, "Not found.", api.get("/v2/accounts/"));
  }

  /** The id of the newest ticket of a channel in March 2025 that is not closed. */
  private String firstOf(String channel) {
    return api
        .ok("/v2/tickets/paginated/" + channel + "/?from=01-03-2025&to=01-04-2025")
        .getJsonArray("tickets")
        .stream()
        .map(t -> (JsonObject) t)
        .filter(t -> !t.getString("status").equals("Cerrado"))
        .findFirst()
        .orElseThrow()
        .getString("id");
  }
}
