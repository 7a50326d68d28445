package dev.integrationsandbox.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.record.PersonalDataMask;
import dev.integrationsandbox.record.Redactor;
import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replay matching without a server: what matches, in which order, and how a miss explains. */
class ReplayModeTest {

  /** A contract whose only volatile request field is {@code call_id}, reached through a $ref. */
  static final JsonObject CONTRACT =
      new JsonObject(
          """
          {"paths": {"/call": {"post": {"requestBody": {"content": {"application/json":
            {"schema": {"$ref": "#/components/schemas/Call"}}}}}}},
           "components": {"schemas": {"Call": {"type": "object", "properties": {
             "to": {"type": "string"},
             "call_id": {"type": "string", "x-sandbox-volatile": true}}}}}}
          """);

  @Test
  void volatileFieldsOfTheRequestSideAreFound() {
    assertEquals(java.util.Set.of("call_id"), VolatileFields.of(CONTRACT));
  }

  @Test
  void keyOrderQueryOrderAndVolatileFieldsDoNotMatter() {
    ReplayMode replay =
        mode(
            line(
                "a",
                "POST",
                "/call?b=2&a=1",
                new JsonObject().put("to", "1").put("call_id", "x"),
                200,
                "one"),
            null);
    Reply reply = answer(replay, "POST", "/call", "a=1&b=2", "{\"call_id\":\"y\",\"to\":\"1\"}");
    assertEquals(200, reply.status());
    assertEquals("\"one\"", reply.body().toString());
  }

  @Test
  void repeatedRequestsGetTheRecordedAnswersInOrderThenTheLastAgain() {
    ReplayMode replay =
        mode(
            List.of(
                line("1", "POST", "/close", null, 200, "closed"),
                line("2", "POST", "/close", null, 400, "already closed")),
            null);
    assertEquals(200, answer(replay, "POST", "/close", null, null).status());
    assertEquals(400, answer(replay, "POST", "/close", null, null).status());
    assertEquals(400, answer(replay, "POST", "/close", null, null).status());
    replay.reset();
    assertEquals(200, answer(replay, "POST", "/close", null, null).status());
    ReplayMode otherWorld = (ReplayMode) replay.forWorld();
    assertEquals(200, answer(otherWorld, "POST", "/close", null, null).status());
  }

  @Test
  void aMissNamesTheClosestRecordedRequestOfItsRouteAndEachDifference() {
    ReplayMode replay =
        mode(
            List.of(
                line(
                    "near",
                    "POST",
                    "/call?page=1",
                    new JsonObject()
                        .put("to", "1")
                        .put("items", new JsonArray().add(new JsonObject().put("n", 1))),
                    200,
                    "x"),
                line("far", "GET", "/elsewhere", null, 200, "y")),
            null);
    Reply miss =
        answer(
            replay,
            "POST",
            "/call",
            "page=2",
            "{\"to\":\"1\",\"items\":[{\"n\":2}],\"extra\":true}");
    assertEquals(404, miss.status());
    assertEquals(
        "near: query page, body /extra, body /items/0/n",
        miss.headers().get(ReplayMode.MISS_HEADER));
    JsonObject closest = ((JsonObject) miss.json()).getJsonArray("closest").getJsonObject(0);
    assertEquals("near", closest.getString("exchange"));
    assertEquals(
        new JsonObject().put("in", "body").put("where", "/items/0/n").put("recorded", 1),
        closest.getJsonArray("differences").getJsonObject(2));
    assertTrue(miss.note().startsWith("replay miss: near:"), miss.note());
  }

  @Test
  void theMissHeaderStaysAsciiAndBoundedWhateverTheClientSends() {
    ReplayMode replay =
        mode(line("r", "POST", "/call", new JsonObject().put("to", "1"), 200, "x"), null);
    JsonObject sent = new JsonObject();
    for (int i = 0; i < 20; i++) {
      sent.put("descrição-" + "x".repeat(200) + i, i);
    }
    String header =
        answer(replay, "POST", "/call", null, sent.encode()).headers().get(ReplayMode.MISS_HEADER);
    assertTrue(header.length() <= NearMiss.HEADER_MAX, header);
    assertTrue(header.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), header);
  }

  @Test
  void aMaskedRecordingMatchesTheRealValuesUnderTheSameKey(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("key");
    Files.write(key, "0123456789abcdef0123456789abcdef".getBytes());
    PersonalDataMask mask = PersonalDataMask.withKeyFile(key);
    String cpf = "52998224725";
    String maskedPath = mask.text("/customers/" + cpf + "/tickets");
    assertTrue(!maskedPath.contains(cpf), maskedPath);
    ReplayMode replay = mode(List.of(line("t", "GET", maskedPath, null, 200, "ticket")), mask);
    assertEquals(200, answer(replay, "GET", "/customers/" + cpf + "/tickets", null, null).status());
    assertEquals(404, answer(replay, "GET", "/customers/11144477735/tickets", null, null).status());
  }

  @Test
  void aRedactedSecretIsReplayedAsAFreshTokenAndSecretFieldsDoNotMatter() {
    ReplayMode replay =
        mode(
            List.of(
                line(
                    "grant",
                    "POST",
                    "/token",
                    new JsonObject().put("client_secret", Redactor.MASK),
                    200,
                    new JsonObject().put("access_token", Redactor.MASK).put("expires_in", 60))),
            null);
    Reply grant = answer(replay, "POST", "/token", null, "{\"client_secret\":\"whatever-it-is\"}");
    JsonObject body = grant.body().toJsonObject();
    assertTrue(body.getString("access_token").startsWith(Credentials.PREFIX), body.encode());
    assertEquals(60, body.getInteger("expires_in"));
    assertEquals(Exchange.REPLAYED + "recorded exchange grant", grant.note());
  }

  private static ReplayMode mode(JsonObject line, PersonalDataMask mask) {
    return mode(List.of(line), mask);
  }

  private static ReplayMode mode(List<JsonObject> lines, PersonalDataMask mask) {
    return ReplayMode.of("test", Recordings.of(lines), CONTRACT, Redactor.BY_NAME, mask, 64 * 1024);
  }

  static JsonObject line(
      String id, String method, String uri, Object body, int status, Object answer) {
    return new JsonObject()
        .put("format", 1)
        .put("id", id)
        .put("vendor", "test")
        .put(
            "request",
            new JsonObject()
                .put("method", method)
                .put("uri", uri)
                .put("headers", new JsonObject())
                .put("body", body))
        .put(
            "response",
            new JsonObject()
                .put("status", status)
                .put("headers", new JsonObject().put("content-type", "application/json"))
                .put("body", answer));
  }

  private static Reply answer(
      ReplayMode replay, String method, String path, String query, String body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    if (body != null) {
      headers.add("Content-Type", "application/json");
    }
    Call call =
        new Call(
            "c",
            "test",
            null,
            HttpMethod.valueOf(method),
            path,
            Map.of(),
            MultiMap.caseInsensitiveMultiMap(),
            headers,
            new Body(body == null ? null : Buffer.buffer(body)),
            Instant.EPOCH,
            query);
    return replay.answer(call, null).result();
  }
}
