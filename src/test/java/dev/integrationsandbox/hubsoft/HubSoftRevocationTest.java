package dev.integrationsandbox.hubsoft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** HubSoft revokes every token after an upgrade; the admin API does the same to the emulator. */
@Timeout(30)
class HubSoftRevocationTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  @Test
  void theAdminApiRevokesEveryTokenAndTheApiThenAnswersUnauthenticated() {
    WebClient client = extension.sandbox().client();
    String token =
        client
            .post("/oauth/token")
            .sendJsonObject(HubSoftApi.passwordGrant())
            .await()
            .bodyAsJsonObject()
            .getString("access_token");
    HttpResponse<Buffer> before =
        client.get(HubSoftApi.TODOS).putHeader("Authorization", "Bearer " + token).send().await();
    assertEquals(200, before.statusCode(), before.bodyAsString());

    HttpResponse<Buffer> revoked =
        client.post("/__sandbox/tokens/revoke?vendor=hubsoft").send().await();
    assertEquals(200, revoked.statusCode(), revoked.bodyAsString());
    assertEquals(1, revoked.bodyAsJsonObject().getInteger("revoked"));

    HttpResponse<Buffer> after =
        client.get(HubSoftApi.TODOS).putHeader("Authorization", "Bearer " + token).send().await();
    assertEquals(401, after.statusCode());
    assertEquals(new JsonObject().put("message", "Unauthenticated."), after.bodyAsJsonObject());
  }

  @Test
  void aVendorWithoutRevocationIsNamedInTheRefusal() {
    HttpResponse<Buffer> r =
        extension.sandbox().client().post("/__sandbox/tokens/revoke?vendor=vocom").send().await();
    assertEquals(400, r.statusCode());
  }
}
