package dev.integrationsandbox.postcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PostCenterFixturesTest {

  @Test
  void theRepositorysFixturesLoad() {
    List<Establishment> all = PostCenterFixtures.load(PostCenterApi.FIXTURES);
    assertEquals(
        List.of("super-empresa", "tienda-sur"), all.stream().map(Establishment::id).toList());
    Establishment main = all.get(0);
    assertEquals(PostCenterApi.KEY, main.apiKey());
    assertTrue(main.tickets().size() >= 250, "enough for several pages");
    assertEquals(
        Set.of("facebook", "twitter", "email", "whatsapp", "instagram", "chat"),
        main.tickets().stream().map(t -> t.account().socialNetwork()).collect(Collectors.toSet()));
    assertEquals(
        Set.of(TicketState.values()),
        main.tickets().stream().map(Ticket::state).collect(Collectors.toSet()));
    assertTrue(
        main.tickets().stream().map(t -> t.created().toLocalDate()).distinct().count() > 20,
        "spread over many days");
    assertEquals(
        PostCenterApi.fixtureTickets().stream()
            .filter(t -> t.getString("establishment").equals("super-empresa"))
            .count(),
        main.tickets().size());
  }

  @Test
  void ticketIdsCarryTheirCreationSecondAsPostCentersObjectIdsDo() {
    for (Ticket t : PostCenterFixtures.load(PostCenterApi.FIXTURES).get(0).tickets()) {
      if (t.created().getYear() == 2025) {
        assertEquals(
            t.created().toEpochSecond(java.time.ZoneOffset.UTC),
            Long.parseLong(t.id().substring(0, 8), 16),
            t.id());
      }
    }
  }

  @Test
  void theLastAuthorAndContentComeFromTheNewestMessage() {
    Ticket seed =
        PostCenterFixtures.load(PostCenterApi.FIXTURES).get(0).tickets().stream()
            .filter(t -> t.id().equals(PostCenterApi.MESSAGES_TICKET))
            .findFirst()
            .orElseThrow();
    assertEquals("Super Empresa", seed.lastAuthor());
    assertEquals("Hola Carlos, ¿en qué te podemos ayudar?", seed.lastContent());
  }

  @Test
  void aTicketOfAnUnknownAccountStopsTheLoad() {
    JsonArray establishments =
        new JsonArray()
            .add(
                new JsonObject()
                    .put("id", "e")
                    .put("name", "E")
                    .put("api_key", "k")
                    .put("states", new JsonArray().add("open"))
                    .put("accounts", new JsonArray())
                    .put("agents", new JsonArray()));
    JsonObject ticket =
        new JsonObject()
            .put("id", "583dcb2855d0a46e438d0206")
            .put("establishment", "e")
            .put("identifier", 1)
            .put("account", 99)
            .put("state", "open")
            .put("created", "2016-11-29T18:38:32")
            .put("updated", "2016-11-29T18:38:32.000")
            .put("country_id", "1-9");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> PostCenterFixtures.from(establishments, List.of(ticket)));
    assertTrue(e.getMessage().contains("unknown account"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            PostCenterFixtures.from(
                establishments, List.of(ticket.copy().put("establishment", "x"))));
  }
}
