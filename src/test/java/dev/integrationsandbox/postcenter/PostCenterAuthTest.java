package dev.integrationsandbox.postcenter;

import static dev.integrationsandbox.postcenter.PostCenterApi.KEY;
import static dev.integrationsandbox.postcenter.PostCenterApi.OTHER_KEY;
import static dev.integrationsandbox.postcenter.PostCenterApi.OTHER_TICKET;
import static dev.integrationsandbox.postcenter.PostCenterApi.SEED_TICKET;
import static dev.integrationsandbox.postcenter.PostCenterApi.assertError;
import static dev.integrationsandbox.postcenter.PostCenterApi.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys over HTTP: who may call, and what one establishment's key never shows of another's. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PostCenterAuthTest {

  static final List<String> EVERY_OPERATION =
      List.of(
          "GET /v2/ticket/" + SEED_TICKET + "/",
          "GET /v2/ticket/" + SEED_TICKET + "/messages/",
          "POST /v2/ticket/" + SEED_TICKET + "/close/",
          "POST /v2/ticket/" + SEED_TICKET + "/reassign/",
          "GET /v2/ticket/261/by_agent_id/",
          "POST /v2/ticket/261/by_agent_id/",
          "GET /v2/ticket/" + SEED_TICKET + "/get_possible_agent/",
          "GET /v2/tickets/?country_id=11111111-1",
          "GET /v2/tickets/facebook/?page_id=109876543210987&uid=100004567890123",
          "GET /v2/tickets/state/open",
          "GET /v2/tickets/paginated/email/?from=18-04-2019&to=19-04-2019",
          "GET /v2/accounts/all/");

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  TestSandbox sandbox;
  PostCenterApi api;
  PostCenterApi other;

  @BeforeEach
  void freshWorld() {
    sandbox = extension.sandbox();
    api = PostCenterApi.as(sandbox, KEY);
    other = PostCenterApi.as(sandbox, OTHER_KEY);
  }

  static HttpResponse<Buffer> call(PostCenterApi client, String operation) {
    String[] parts = operation.split(" ", 2);
    return client.send(io.vertx.core.http.HttpMethod.valueOf(parts[0]), parts[1]);
  }

  @Test
  void everyOperationWithoutAKeyIsUnauthorized() {
    for (String operation : EVERY_OPERATION) {
      HttpResponse<Buffer> r = call(PostCenterApi.as(sandbox, null), operation);
      assertError(401, PostCenterEmulator.NO_CREDENTIALS, r);
      assertEquals("Key", r.getHeader("WWW-Authenticate"), operation);
    }
  }

  @Test
  void everyOperationWithAnUnknownKeyIsUnauthorized() {
    for (String operation : EVERY_OPERATION) {
      assertError(
          401,
          PostCenterEmulator.INVALID_TOKEN,
          call(PostCenterApi.as(sandbox, "nope"), operation));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "Bearer sandbox-postcenter-key",
        "Token sandbox-postcenter-key",
        "sandbox-postcenter-key",
        "Keysandbox-postcenter-key"
      })
  void anotherSchemeIsUnauthorized(String header) {
    assertError(
        401,
        PostCenterEmulator.NO_CREDENTIALS,
        PostCenterApi.withHeader(sandbox, header).get("/v2/accounts/all/"));
  }

  @Test
  void aMalformedKeyHeaderIsUnauthorized() {
    assertError(
        401,
        PostCenterEmulator.NO_TOKEN,
        PostCenterApi.withHeader(sandbox, "Key").get("/v2/accounts/all/"));
    assertError(
        401,
        PostCenterEmulator.SPACES,
        PostCenterApi.withHeader(sandbox, "Key sandbox-postcenter-key extra")
            .get("/v2/accounts/all/"));
    assertError(
        401,
        PostCenterEmulator.INVALID_TOKEN,
        PostCenterApi.withHeader(sandbox, "Key SANDBOX-POSTCENTER-KEY").get("/v2/accounts/all/"));
    assertError(
        401,
        PostCenterEmulator.INVALID_TOKEN,
        PostCenterApi.withHeader(sandbox, "Key " + "k".repeat(4000)).get("/v2/accounts/all/"));
  }

  @Test
  void spacesAndTabsBothSeparateTheWords() {
    assertEquals(
        200,
        PostCenterApi.withHeader(sandbox, "Key\t" + KEY).get("/v2/accounts/all/").statusCode());
    assertEquals(
        200,
        PostCenterApi.withHeader(sandbox, "Key \t " + KEY).get("/v2/accounts/all/").statusCode());
    assertError(
        401,
        PostCenterEmulator.SPACES,
        PostCenterApi.withHeader(sandbox, "Key " + KEY + "\textra").get("/v2/accounts/all/"));
  }

  @Test
  void theWordKeyMayBeInAnyCase() {
    assertEquals(
        200, PostCenterApi.withHeader(sandbox, "key " + KEY).get("/v2/accounts/all/").statusCode());
    assertEquals(
        200,
        PostCenterApi.withHeader(sandbox, "KEY  " + KEY).get("/v2/accounts/all/").statusCode());
  }

  @Test
  void theKeyIsCheckedBeforeTheParameters() {
    assertError(
        401,
        PostCenterEmulator.INVALID_TOKEN,
        PostCenterApi.as(sandbox, "nope").get("/v2/tickets/"));
  }

  @Test
  void ticketsOfOneKeyAreInvisibleWithTheOther() {
    assertError(404, "Ticket not found", other.get("/v2/ticket/" + SEED_TICKET + "/"));
    assertError(404, "Ticket not found", other.get("/v2/ticket/" + SEED_TICKET + "/messages/"));
    assertError(404, "Ticket not found", other.post("/v2/ticket/" + SEED_TICKET + "/close/"));
    assertError(404, "Ticket not found", other.post("/v2/ticket/" + SEED_TICKET + "/reassign/"));
    assertError(404, "Ticket not found", other.get("/v2/ticket/261/by_agent_id/"));
    assertError(404, "Ticket not found", api.get("/v2/ticket/" + OTHER_TICKET + "/"));
    assertError(404, "Ticket not found", api.get("/v2/ticket/15/by_agent_id/"));

    assertEquals(
        List.of(OTHER_TICKET),
        ids(other.ok("/v2/tickets/?country_id=11111111-1").getJsonArray("tickets")),
        "the same customer's tickets at the other establishment only");
    assertEquals(
        List.of(SEED_TICKET),
        ids(api.ok("/v2/tickets/?country_id=11111111-1").getJsonArray("tickets")));
    assertEquals(
        0,
        other
            .ok("/v2/tickets/facebook/?page_id=109876543210987&uid=100004567890123")
            .getJsonArray("tickets")
            .size());

    Set<String> mine = new HashSet<>();
    Set<String> theirs = new HashSet<>();
    for (String state : List.of("open", "closed", "ignored")) {
      mine.addAll(ids(api.ok("/v2/tickets/state/" + state).getJsonArray("tickets")));
      theirs.addAll(ids(other.ok("/v2/tickets/state/" + state).getJsonArray("tickets")));
    }
    assertEquals(3, theirs.size());
    assertTrue(Collections.disjoint(mine, theirs));

    assertEquals(
        List.of("whatsapp", "email", "facebook"),
        other.ok("/v2/accounts/all/").getJsonArray("accounts").stream()
            .map(a -> ((JsonObject) a).getString("social_network"))
            .toList());
    assertEquals(
        0,
        other
            .ok("/v2/tickets/paginated/email/?from=18-04-2019&to=19-04-2019")
            .getInteger("number_of_tickets"));
  }

  @Test
  void aCloseWithOneKeyChangesNothingForTheOther() {
    assertEquals(200, other.post("/v2/ticket/" + OTHER_TICKET + "/close/").statusCode());
    assertTrue(other.ok("/v2/ticket/" + OTHER_TICKET + "/").getBoolean("is_closed"));
    assertEquals(200, api.post("/v2/ticket/5cb8eeeb0715437c9126715e/close/").statusCode());
    assertEquals(
        List.of("67c3f4a0a1b2c3d4e5000002", OTHER_TICKET),
        ids(other.ok("/v2/tickets/state/closed").getJsonArray("tickets")));
  }

  @Test
  void theSecondEstablishmentDoesNotUseInProgress() {
    assertError(404, "Non-existent status", other.get("/v2/tickets/state/inProgress"));
    assertEquals(200, api.get("/v2/tickets/state/inProgress").statusCode());
  }
}
