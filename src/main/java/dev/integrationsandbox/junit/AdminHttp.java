package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The admin API over {@code java.net.http}, blocking: the admin client is called from test threads,
 * which may wait, and never from an event loop. Every answer other than the expected status becomes
 * an {@link IllegalStateException} that quotes the admin API's own error.
 */
final class AdminHttp {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;
  private final String token;

  /**
   * @param root the sandbox's root URL, such as {@code http://127.0.0.1:8080}
   * @param token the admin token, or null for a sandbox reached over loopback
   */
  AdminHttp(String root, String token) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.token = token;
  }

  String root() {
    return root;
  }

  JsonObject get(String path) {
    return new JsonObject(send("GET", path, null, 200));
  }

  String getText(String path) {
    return send("GET", path, null, 200);
  }

  JsonObject post(String path, JsonObject body, int expected) {
    return new JsonObject(send("POST", path, body, expected));
  }

  void delete(String path) {
    send("DELETE", path, null, 204);
  }

  private String send(String method, String path, JsonObject body, int expected) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + "/__sandbox" + path))
            .timeout(TIMEOUT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.encode()));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("X-Sandbox-Admin-Token", token);
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(method + " /__sandbox" + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(method + " /__sandbox" + path + " was interrupted", e);
    }
    if (response.statusCode() != expected) {
      throw new IllegalStateException(
          method
              + " /__sandbox"
              + path
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return response.body();
  }
}
