package dev.integrationsandbox.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * No credential the sandbox issued or was configured with reaches the journal, wherever the client
 * put it: the audit found secrets in a token form sent with the wrong Content-Type, in the query
 * string, in malformed JSON, under {@code accessToken}, and in {@code Api-Key} and {@code
 * X-Auth-Token} headers.
 */
@Timeout(30)
class JournalRedactionTest {

  static final String ADMIN_TOKEN = "admin-secret-for-journal-test";

  @RegisterExtension
  static final SandboxExtension extension = new SandboxExtension("--admin-token", ADMIN_TOKEN);

  static TestSandbox sandbox() {
    return extension.sandbox();
  }

  @Test
  void secretsNeverReachTheJournalWhereverTheyAreSent() {
    String token = new BtgApi(sandbox()).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
    String secret = BtgTestData.SECRET;
    var client = sandbox().client();
    client
        .post(BtgTestData.TOKEN)
        .putHeader("Content-Type", "text/plain")
        .sendBuffer(
            Buffer.buffer(
                "grant_type=client_credentials&client_id=sandbox-btg&client_secret=" + secret))
        .await();
    client
        .get(BtgTestData.INFO + "?client_secret=" + secret + "&access_token=" + token)
        .send()
        .await();
    client
        .post("/v2/btg-tickets/customers/52998224725/tickets")
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer("{\"accessToken\": \"" + token + "\", \"x\": "))
        .await();
    client
        .post("/v2/btg-tickets/customers/52998224725/tickets")
        .putHeader("Authorization", "Bearer " + token)
        .putHeader("Api-Key", secret)
        .putHeader("X-Auth-Token", token)
        .putHeader("X-Note", "my key is " + "sandbox-postcenter-key")
        .sendJsonObject(new io.vertx.core.json.JsonObject().put("accessToken", token))
        .await();
    String journal =
        client
            .get("/__sandbox/journal?limit=1000")
            .putHeader("X-Sandbox-Admin-Token", ADMIN_TOKEN)
            .send()
            .await()
            .bodyAsString();
    assertTrue(journal.contains("***"), journal);
    for (String value : new String[] {token, secret, ADMIN_TOKEN, "sandbox-postcenter-key"}) {
      assertFalse(journal.contains(value), "journal holds " + value + ":\n" + journal);
    }
  }
}
