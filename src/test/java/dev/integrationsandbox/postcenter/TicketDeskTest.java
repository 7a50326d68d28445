package dev.integrationsandbox.postcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.spi.Failure;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The desk's rules on a small hand-made establishment, without a server. */
@Timeout(30)
class TicketDeskTest {

  static final Account CHAT = new Account(1, "Chat", "chat", "c");
  static final Account MAIL = new Account(2, "Mail", "email", "m");
  static final Agent ONLINE_A = new Agent(10, "A", null, true, Set.of(1L));
  static final Agent ONLINE_B = new Agent(11, "B", null, true, Set.of(1L, 2L));
  static final Agent OFFLINE = new Agent(5, "Off", null, false, Set.of(1L, 2L));
  static final LocalDateTime DAY = LocalDateTime.of(2025, 3, 1, 0, 0);

  static Ticket ticket(int n, Account account, int second, TicketState state, Agent agent) {
    return new Ticket(
        String.format("%024x", n),
        n,
        account,
        state,
        DAY.plusSeconds(second),
        DAY.plusSeconds(second),
        agent,
        null,
        "c" + n,
        null,
        null,
        null);
  }

  static TicketDesk desk(List<Ticket> tickets) {
    return new TicketDesk(
        new Establishment(
            "e",
            "E",
            "k",
            EnumSet.allOf(TicketState.class),
            List.of(CHAT, MAIL),
            List.of(OFFLINE, ONLINE_A, ONLINE_B),
            tickets,
            Map.of()));
  }

  @Test
  void pagesFollowTheCursorWithoutLosingTicketsThatShareASecond() {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 1; i <= 25; i++) {
      tickets.add(ticket(i, i % 5 == 0 ? MAIL : CHAT, i / 3, TicketState.OPEN, null));
    }
    TicketDesk desk = desk(tickets);
    List<String> walked = new ArrayList<>();
    String next = null;
    do {
      TicketPage page = desk.page("chat", DAY, DAY.plusDays(1), next, 7);
      walked.addAll(page.tickets().stream().map(Ticket::id).toList());
      next = page.next();
    } while (next != null);
    assertEquals(
        tickets.stream()
            .filter(t -> t.account() == CHAT)
            .map(Ticket::id)
            .sorted(java.util.Comparator.reverseOrder())
            .toList(),
        walked);
  }

  @Test
  void aRangeOfExactlyOnePageEndsWithoutCursor() {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      tickets.add(ticket(i, CHAT, i, TicketState.OPEN, null));
    }
    TicketPage page = desk(tickets).page("chat", DAY, DAY.plusDays(1), null, 7);
    assertEquals(7, page.tickets().size());
    assertNull(page.next());
  }

  @Test
  void thePossibleAgentIsTheLeastLoadedOnlineOneAndNothingChanges() {
    TicketDesk desk =
        desk(
            List.of(
                ticket(1, CHAT, 1, TicketState.OPEN, ONLINE_A),
                ticket(2, CHAT, 2, TicketState.CLOSED, ONLINE_B),
                ticket(3, CHAT, 3, TicketState.CLOSED, ONLINE_B),
                ticket(4, MAIL, 4, TicketState.OPEN, null)));
    assertSame(ONLINE_B, desk.possibleAgent(String.format("%024x", 1)).agent());
    assertSame(ONLINE_B, desk.possibleAgent(String.format("%024x", 4)).agent());
    assertNull(desk.ticket(String.format("%024x", 4)).assignee());
  }

  @Test
  void onATieTheLowerCmidWins() {
    TicketDesk desk = desk(List.of(ticket(1, CHAT, 1, TicketState.OPEN, null)));
    assertSame(ONLINE_A, desk.possibleAgent(String.format("%024x", 1)).agent());
  }

  @Test
  void reassigningSkipsTheCurrentAgentAndResetRestoresTheFixtures() {
    String id = String.format("%024x", 1);
    TicketDesk desk = desk(List.of(ticket(1, MAIL, 1, TicketState.IN_PROGRESS, ONLINE_B)));
    LocalDateTime at = DAY.plusDays(3);
    Ticket moved = desk.reassign(id, at);
    assertNull(moved.assignee(), "nobody else online takes mail");
    assertEquals(at, moved.updated());
    assertEquals(TicketState.IN_PROGRESS, moved.state());
    desk.reset();
    assertSame(ONLINE_B, desk.ticket(id).assignee());
  }

  @Test
  void closedTicketsAreNeitherClosedAgainNorReassigned() {
    String id = String.format("%024x", 1);
    TicketDesk desk = desk(List.of(ticket(1, CHAT, 1, TicketState.IGNORED, null)));
    assertEquals(TicketState.CLOSED, desk.close(id, DAY).state());
    assertEquals(
        Failure.Kind.UNPROCESSABLE, assertThrows(Failure.class, () -> desk.close(id, DAY)).kind());
    assertEquals(
        Failure.Kind.UNPROCESSABLE,
        assertThrows(Failure.class, () -> desk.reassign(id, DAY)).kind());
    assertEquals(
        Failure.Kind.NOT_FOUND, assertThrows(Failure.class, () -> desk.close("x", DAY)).kind());
  }

  @Test
  void ofConcurrentClosesOnThreadsExactlyOneWins() throws Exception {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 1; i <= 50; i++) {
      tickets.add(ticket(i, CHAT, i, TicketState.OPEN, null));
    }
    TicketDesk desk = desk(tickets);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> attempts = new ArrayList<>();
    for (int round = 0; round < 8; round++) {
      for (int i = 1; i <= 50; i++) {
        String id = String.format("%024x", i);
        attempts.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    desk.close(id, DAY);
                    return true;
                  } catch (Failure f) {
                    return false;
                  }
                }));
      }
    }
    go.countDown();
    int wins = 0;
    for (Future<Boolean> a : attempts) {
      wins += a.get(10, TimeUnit.SECONDS) ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(50, wins);
    assertEquals(50, desk.inState(TicketState.CLOSED).size());
  }
}
