package com.example.collections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.junit.IntegrationSandbox;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client against the sandbox's BTG: each test in a world of its own. */
class BtgTicketsTest {

  @RegisterExtension static IntegrationSandbox sandbox = IntegrationSandbox.withDefaults();

  static final String CPF = "52998224725";

  BtgTickets btg;

  @BeforeEach
  void client() {
    String base = sandbox.baseUrl("btg");
    btg =
        new BtgTickets(
            URI.create(base + "/oauth2/token"),
            URI.create(base),
            "sandbox-btg",
            "sandbox-btg-secret",
            "Maria");
  }

  @Test
  void closesTheTicketItOpenedWithOneRequest() {
    String id = btg.openTicket(CPF, "11", "999998888");
    assertEquals("CLOSED", btg.closeTicket(CPF, id, "RECONHECE", "acordo fechado"));

    JsonObject close = sandbox.journal().requests("btg", "closeTicket").single();
    assertEquals(200, close.getInteger("status"));
    assertEquals(1, sandbox.journal().requests("btg", "createToken").count(), "token kept");
  }

  @Test
  void signsInAgainWhenItsTokenHasExpired() {
    btg.openTicket(CPF, "11", "999998888");
    sandbox.clock().advance(Duration.ofHours(2));
    btg.openTicket(CPF, "11", "999998888");

    assertEquals(2, sandbox.journal().requests("btg", "createToken").count());
    assertEquals(
        401, sandbox.journal().requests("btg", "createTicket").get(1).getInteger("status"));
  }
}
