package dev.integrationsandbox.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Any web page open in a developer's browser can send requests to localhost: a cross-site POST
 * (with {@code Origin}) must not reset or move the clock, and a DNS-rebinding page (a foreign
 * {@code Host}) must not read the journal.
 */
@Timeout(30)
class AdminGuardTest {

  @RegisterExtension
  static final SandboxExtension extension = new SandboxExtension("--admin-host", "sandbox.ci");

  static TestSandbox sandbox() {
    return extension.sandbox();
  }

  @Test
  void aPageOfAnotherOriginCannotChangeState() {
    sandbox().clock(new JsonObject().put("freeze", true));
    String before = sandbox().client().get("/__sandbox/clock").send().await().bodyAsString();
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .post("/__sandbox/clock")
            .putHeader("Origin", "https://evil.example")
            .sendJsonObject(new JsonObject().put("advance", "PT1H"))
            .await();
    assertEquals(403, r.statusCode());
    assertEquals(before, sandbox().client().get("/__sandbox/clock").send().await().bodyAsString());
    HttpResponse<Buffer> reset =
        sandbox().client().post("/__sandbox/reset").putHeader("Origin", "null").send().await();
    assertEquals(403, reset.statusCode());
  }

  @Test
  void aForeignHostCannotReadTheJournal() {
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .get("/__sandbox/journal")
            .putHeader("Host", "attacker.example:8080")
            .send()
            .await();
    assertEquals(403, r.statusCode());
    assertFalse(r.bodyAsString().contains("exchanges"));
  }

  @Test
  void loopbackNamesAndConfiguredHostsAreServed() {
    for (String host : new String[] {"localhost:1", "127.0.0.1", "[::1]:8080", "sandbox.ci:80"}) {
      HttpResponse<Buffer> r =
          sandbox().client().get("/__sandbox/clock").putHeader("Host", host).send().await();
      assertEquals(200, r.statusCode(), host);
    }
    HttpResponse<Buffer> sameOrigin =
        sandbox()
            .client()
            .get("/__sandbox/clock")
            .putHeader("Origin", "http://localhost:8080")
            .send()
            .await();
    assertEquals(200, sameOrigin.statusCode());
  }

  @Test
  void healthAnswersAnyClientForProbes() {
    HttpResponse<Buffer> r =
        sandbox()
            .client()
            .get("/__sandbox/health")
            .putHeader("Host", "kubernetes-probe:8080")
            .send()
            .await();
    assertEquals(200, r.statusCode());
  }
}
