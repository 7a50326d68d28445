package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.ProjectSandbox;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.junit.IntegrationSandbox;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

/**
 * Vocom interact_cti as its tests call it over HTTP: JSON POSTs with the seed's Basic header (or
 * another, or none), waiting on the test's thread with {@code Future.await()} (never an event
 * loop), unless a test sends them at once with {@link #send}. It calls the default world of a
 * {@link TestSandbox}, or the current test's world of an {@link IntegrationSandbox} ({@link #in}).
 */
public final class VocomApi {

  private final WebClient client;
  private final String prefix;

  public VocomApi(TestSandbox sandbox) {
    this(sandbox.client(), "");
  }

  private VocomApi(WebClient client, String prefix) {
    this.client = client;
    this.prefix = prefix;
  }

  /** In the world of the test running on this thread. */
  public static VocomApi in(IntegrationSandbox sandbox) {
    return new VocomApi(
        ProjectSandbox.client(sandbox), ProjectSandbox.pathOf(sandbox.baseUrl("vocom")));
  }

  /** POSTs {@code body} as JSON with {@code authorization} (none when {@code null}), unawaited. */
  public Future<HttpResponse<Buffer>> send(String path, String authorization, Buffer body) {
    HttpRequest<Buffer> request =
        client.post(prefix + path).putHeader("Content-Type", "application/json");
    if (authorization != null) {
      request.putHeader("Authorization", authorization);
    }
    return request.sendBuffer(body);
  }

  public HttpResponse<Buffer> post(String path, String authorization, Buffer body) {
    return send(path, authorization, body).await();
  }

  /** The {@code response} object of a command sent with the seed's key. */
  public JsonObject cti(String path, JsonObject body) {
    return response(post(path, VocomTestData.SEED_AUTHORIZATION, body.toBuffer()));
  }

  /** The {@code response} object of an answer, which is always HTTP 200. */
  public static JsonObject response(HttpResponse<Buffer> r) {
    assertEquals(200, r.statusCode(), "Vocom answers 200 to everything: " + r.bodyAsString());
    return r.bodyAsJsonObject().getJsonObject("response");
  }

  public JsonObject agentList(String queue) {
    return cti(VocomTestData.AGENT_LIST, VocomTestData.queue(queue));
  }
}
