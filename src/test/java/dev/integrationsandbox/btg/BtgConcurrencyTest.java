package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgTestData.CLIENT;
import static dev.integrationsandbox.btg.BtgTestData.CPF;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** State transitions under concurrent requests from many connections on every event loop. */
@Timeout(60)
class BtgConcurrencyTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  @Test
  void ofAHundredConcurrentClosesExactlyOneSucceeds() {
    BtgApi btg = new BtgApi(extension.sandbox()).signedIn();
    String id = btg.openTicket(CPF).getString("id");
    List<Future<HttpResponse<Buffer>>> closes = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      closes.add(btg.closing(CPF, id).addQueryParam("additionalInfo", "close " + i).send());
    }
    Future.all(closes).await();

    List<HttpResponse<Buffer>> answers = closes.stream().map(Future::result).toList();
    assertEquals(1, answers.stream().filter(r -> r.statusCode() == 200).count());
    assertEquals(99, answers.stream().filter(r -> r.statusCode() == 422).count());

    JsonObject winner =
        answers.stream()
            .filter(r -> r.statusCode() == 200)
            .findFirst()
            .orElseThrow()
            .bodyAsJsonObject();
    JsonObject stored =
        extension
            .sandbox()
            .server()
            .sandbox()
            .vendor("btg")
            .orElseThrow()
            .emulator()
            .snapshot()
            .getJsonObject("tickets")
            .getJsonArray(CLIENT)
            .stream()
            .map(JsonObject.class::cast)
            .filter(t -> t.getString("id").equals(winner.getString("id")))
            .findFirst()
            .orElseThrow();
    assertEquals("CLOSED", stored.getString("status"));
    assertEquals(
        winner.getString("closedAt"),
        stored.getString("closedAt"),
        "closed once: the winner's close is kept");
    assertEquals(
        winner.getJsonObject("metadata").getString("additionalInfo"),
        stored.getJsonObject("metadata").getString("additionalInfo"));
  }
}
