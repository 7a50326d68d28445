package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.vocom.VocomApi;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request only meets the routes under its vendor's prefix, at the root and inside a world: an
 * operation, a 405 with {@code Allow}, the vendor's own 404 for an unknown path under its prefix,
 * and the plain 404 for a path that no vendor owns.
 */
@Timeout(60)
class RouteTableTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  static final String[] MOUNTS = {"", "/__worlds/routes"};

  static HttpResponse<Buffer> post(String path, JsonObject body) {
    return new VocomApi(extension.sandbox())
        .post(path, VocomTestData.SEED_AUTHORIZATION, body.toBuffer());
  }

  @Test
  void anOperationIsFoundUnderItsVendorPrefix() {
    for (String mount : MOUNTS) {
      HttpResponse<Buffer> r =
          post(
              mount + VocomTestData.BREAK_LIST,
              new JsonObject().put("agent", "DEV").put("company_id", VocomTestData.COMPANY));
      assertEquals(200, r.statusCode(), mount);
      assertEquals("ok", r.bodyAsJsonObject().getJsonObject("response").getString("status"));
    }
  }

  @Test
  void aKnownPathWithAnotherMethodIs405WithAllow() {
    for (String mount : MOUNTS) {
      HttpResponse<Buffer> r = post(mount + "/v2/tickets/state/open", new JsonObject());
      assertEquals(405, r.statusCode(), mount);
      assertEquals("GET", r.getHeader("Allow"));
      assertEquals(405, r.bodyAsJsonObject().getInteger("status"), "PostCenter's dialect");
    }
  }

  @Test
  void anUnknownPathUnderAVendorPrefixGetsThatVendorsNotFound() {
    for (String mount : MOUNTS) {
      HttpResponse<Buffer> r = post(mount + "/interact_cti/agent/nope/", new JsonObject());
      assertEquals(404, r.statusCode(), mount);
      assertTrue(r.bodyAsString().contains("<h1>Page Not Found</h1>"), r.bodyAsString());
    }
  }

  @Test
  void aPathNoVendorOwnsIsAPlainNotFound() {
    for (String mount : MOUNTS) {
      HttpResponse<Buffer> r = post(mount + "/elsewhere/v2/tickets/state/open", new JsonObject());
      assertEquals(404, r.statusCode(), mount);
      assertEquals(new JsonObject().put("message", "Not Found"), r.bodyAsJsonObject());
    }
  }
}
