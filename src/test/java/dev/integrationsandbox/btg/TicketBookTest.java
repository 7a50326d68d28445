package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgTestData.CPF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.support.Ids;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TicketBookTest {

  static Ticket ticket() {
    return Ticket.open(
        Ids.uuid(),
        CPF,
        BtgTestData.newTicket(),
        "op",
        "ASSESSORIA",
        Instant.EPOCH,
        null,
        List.of(),
        null);
  }

  @Test
  void pastItsLimitAClientForgetsItsOldestTickets() {
    TicketBook book = new TicketBook(List.of(), 3);
    List<Ticket> opened = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      opened.add(book.open("a", ticket()));
    }
    for (Ticket gone : opened.subList(0, 2)) {
      Failure f =
          assertThrows(
              Failure.class,
              () -> book.close("a", CPF, gone.id(), Instant.EPOCH, new JsonObject()));
      assertEquals(Failure.Kind.NOT_FOUND, f.kind());
    }
    for (Ticket kept : opened.subList(2, 5)) {
      assertEquals(
          Ticket.Status.CLOSED,
          book.close("a", CPF, kept.id(), Instant.EPOCH, new JsonObject()).status());
    }
    assertEquals(3, book.snapshot().getJsonArray("a").size());
  }

  @Test
  void oneClientsTicketsDoNotCountAgainstAnothers() {
    TicketBook book = new TicketBook(List.of(), 2);
    Ticket mine = book.open("a", ticket());
    book.open("b", ticket());
    book.open("b", ticket());
    book.open("b", ticket());
    assertEquals(
        Ticket.Status.CLOSED,
        book.close("a", CPF, mine.id(), Instant.EPOCH, new JsonObject()).status());
  }
}
