package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Values the reference server only checks for presence (an object where a queue name goes): the
 * fuzz suite found one answered through a sandbox fault; each is an ordinary vendor answer.
 */
@Timeout(30)
class VocomOddValuesTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  @Test
  void aQueueThatIsNotTextListsNoAgentsAndIsNoFault() {
    for (Object queue :
        new Object[] {new JsonObject().put("a", 1), new io.vertx.core.json.JsonArray()}) {
      HttpResponse<Buffer> r =
          extension
              .sandbox()
              .client()
              .post("/interact_cti/get_agent_list/")
              .putHeader("Authorization", VocomTestData.SEED_AUTHORIZATION)
              .sendJsonObject(
                  new JsonObject().put("queue", queue).put("company_id", VocomTestData.COMPANY))
              .await();
      JsonObject response = r.bodyAsJsonObject().getJsonObject("response");
      assertEquals("ok", response.getString("status"), r.bodyAsString());
      assertEquals("", response.getJsonObject("result").getValue("logged_in_agents"));
      JsonObject journal =
          extension
              .sandbox()
              .client()
              .get("/__sandbox/journal?limit=1")
              .send()
              .await()
              .bodyAsJsonObject();
      assertNull(journal.getJsonArray("exchanges").getJsonObject(0).getString("error"));
    }
  }
}
