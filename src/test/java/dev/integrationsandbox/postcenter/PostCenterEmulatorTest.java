package dev.integrationsandbox.postcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The emulator on its own, without the pipeline's contract check in front: whatever reaches it, it
 * answers or fails in PostCenter's terms, never with an unexpected exception.
 */
class PostCenterEmulatorTest {

  static final List<Establishment> FIXTURES = PostCenterFixtures.load(PostCenterApi.FIXTURES);

  final PostCenterEmulator emulator = new PostCenterEmulator(FIXTURES, new SandboxClock());

  static Call call(String operationId, Map<String, String> path, MultiMap query, String auth) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (auth != null) {
      headers.add("Authorization", auth);
    }
    return new Call(
        "1",
        "postcenter",
        operationId,
        HttpMethod.GET,
        "/",
        path,
        query,
        headers,
        new Body(null),
        Instant.now());
  }

  static Call call(String operationId, Map<String, String> path, MultiMap query) {
    return call(operationId, path, query, "Key " + PostCenterApi.KEY);
  }

  static MultiMap query(String... pairs) {
    MultiMap q = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      q.add(pairs[i], pairs[i + 1]);
    }
    return q;
  }

  Failure failure(Call call) {
    return assertThrows(
        Failure.class, () -> emulator.handle(call, emulator.authenticate(call)).await());
  }

  JsonObject ok(Call call) {
    Reply reply = emulator.handle(call, emulator.authenticate(call)).await();
    assertEquals(200, reply.status());
    return (JsonObject) reply.json();
  }

  @Test
  void eachKeyOpensItsOwnEstablishment() {
    Call first = call(PostCenterVendor.LIST_ACCOUNTS, Map.of(), query());
    Call second =
        call(PostCenterVendor.LIST_ACCOUNTS, Map.of(), query(), "Key " + PostCenterApi.OTHER_KEY);
    assertEquals("super-empresa", emulator.authenticate(first).establishment().id());
    assertEquals("tienda-sur", emulator.authenticate(second).establishment().id());
  }

  @Test
  void missingParametersAreBadRequestsEvenWithoutTheContractCheck() {
    for (Call c :
        List.of(
            call(PostCenterVendor.LIST_BY_COUNTRY_ID, Map.of(), query()),
            call(PostCenterVendor.LIST_FACEBOOK, Map.of(), query("page_id", "1")),
            call(PostCenterVendor.LIST_FACEBOOK, Map.of(), query("uid", "1", "page_id", "")),
            call(
                PostCenterVendor.LIST_PAGINATED,
                Map.of("social_network", "email"),
                query("to", "19-04-2019")),
            call(PostCenterVendor.GET_BY_AGENT_ID, Map.of("agent_ticket_id", "12a"), query()),
            call(PostCenterVendor.GET_BY_AGENT_ID, Map.of(), query()))) {
      assertEquals(Failure.Kind.BAD_REQUEST, failure(c).kind(), c.operationId());
    }
  }

  @Test
  void aTicketWithoutItsIdIsNotFound() {
    assertEquals(
        Failure.Kind.NOT_FOUND,
        failure(call(PostCenterVendor.GET_TICKET, Map.of(), query())).kind());
  }

  @Test
  void theSeedsDetailComesFromTheFixtures() {
    assertEquals(
        "261",
        ok(call(
                PostCenterVendor.GET_TICKET,
                Map.of("ticket_id", PostCenterApi.SEED_TICKET),
                query()))
            .getString("identifier"));
  }

  @Test
  void resetBringsBackTheFixtures() {
    Call close =
        call(
            PostCenterVendor.CLOSE_TICKET,
            Map.of("ticket_id", PostCenterApi.TWITTER_TICKET),
            query());
    ok(close);
    assertEquals(Failure.Kind.UNPROCESSABLE, failure(close).kind());
    emulator.reset();
    ok(close);
  }

  @Test
  void theSnapshotCountsStatesAndListsChangedTickets() {
    ok(
        call(
            PostCenterVendor.CLOSE_TICKET,
            Map.of("ticket_id", PostCenterApi.TWITTER_TICKET),
            query()));
    JsonObject main =
        emulator.snapshot().getJsonObject("establishments").getJsonObject("super-empresa");
    assertEquals(1, main.getJsonArray("changed").size());
    assertEquals(
        main.getInteger("tickets"),
        main.getJsonObject("byState").stream().mapToInt(e -> (Integer) e.getValue()).sum());
  }
}
