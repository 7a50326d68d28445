package dev.integrationsandbox.postcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.TestSandbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A PostCenter client for the tests, speaking to the sandbox over HTTP with one establishment's
 * key, and the fixtures' facts the tests check against. Calls wait with {@code await()} on the
 * JUnit thread, never on an event loop.
 */
public final class PostCenterApi {

  public static final String KEY = "sandbox-postcenter-key";
  static final String OTHER_KEY = "sandbox-postcenter-key-2";

  /** The ticket of the vendor's detail and list examples. */
  public static final String SEED_TICKET = "583dcb2855d0a46e438d0206";

  /** The ticket the vendor's by_agent_id example answers for number 261. */
  static final String BY_AGENT_TICKET = "5b64e514ed76411a80dd3bed";

  /** The ticket holding the vendor's example conversation. */
  static final String MESSAGES_TICKET = "547b66e320a9f1301050fed0";

  /** The paginated example's open twitter ticket, unassigned. */
  static final String TWITTER_TICKET = "5cb8eeeb0715437c9126715e";

  /** An open ticket of the second establishment. */
  static final String OTHER_TICKET = "67c2d6f0a1b2c3d4e5000001";

  static final Path FIXTURES = Path.of("fixtures", "postcenter");

  private final TestSandbox sandbox;
  private final String authorization;

  private PostCenterApi(TestSandbox sandbox, String authorization) {
    this.sandbox = sandbox;
    this.authorization = authorization;
  }

  public static PostCenterApi as(TestSandbox sandbox, String key) {
    return new PostCenterApi(sandbox, key == null ? null : "Key " + key);
  }

  static PostCenterApi withHeader(TestSandbox sandbox, String authorization) {
    return new PostCenterApi(sandbox, authorization);
  }

  public HttpResponse<Buffer> get(String uri) {
    return send(HttpMethod.GET, uri);
  }

  HttpResponse<Buffer> post(String uri) {
    return send(HttpMethod.POST, uri);
  }

  HttpResponse<Buffer> send(HttpMethod method, String uri) {
    var request = sandbox.client().request(method, uri);
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return request.send().await();
  }

  /** A GET that must succeed: its JSON body. */
  JsonObject ok(String uri) {
    HttpResponse<Buffer> r = get(uri);
    assertEquals(200, r.statusCode(), uri + " → " + r.bodyAsString());
    return r.bodyAsJsonObject();
  }

  /** Asserts PostCenter's error shape: the status in the body too, and the message. */
  static void assertError(int status, String message, HttpResponse<Buffer> r) {
    assertEquals(status, r.statusCode(), r.bodyAsString());
    assertEquals(
        new JsonObject().put("status", status).put("message", message), r.bodyAsJsonObject());
  }

  /** Freezes the sandbox clock at an instant (ISO-8601, UTC), through the admin API. */
  void freezeClockAt(String instant) {
    sandbox.clock(new JsonObject().put("freeze", true));
    var r = sandbox.clock(new JsonObject().put("set", instant));
    assertEquals(200, r.statusCode(), r.bodyAsString());
  }

  /** Every ticket record of the fixture files, as written there. */
  static List<JsonObject> fixtureTickets() {
    List<JsonObject> out = new ArrayList<>();
    for (String file : PostCenterFixtures.TICKET_FILES) {
      try {
        JsonArray tickets =
            new JsonObject(Files.readString(FIXTURES.resolve(file))).getJsonArray("tickets");
        tickets.forEach(t -> out.add((JsonObject) t));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  static List<String> ids(JsonArray items) {
    return items.stream()
        .map(i -> i instanceof JsonObject o ? o.getString("id") : (String) i)
        .toList();
  }
}
