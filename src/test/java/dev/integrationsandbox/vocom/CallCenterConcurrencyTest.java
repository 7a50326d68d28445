package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.spi.Failure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class CallCenterConcurrencyTest {

  private static final int THREADS = 50;

  /**
   * Runs {@code action} on 50 threads released at the same instant; returns how each ended: "ok",
   * or the {@code status_type} of its failure.
   */
  private static List<String> atOnce(Runnable action) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch ready = new CountDownLatch(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        futures.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  go.await();
                  return outcome(action);
                }));
      }
      ready.await();
      go.countDown();
      List<String> out = new ArrayList<>();
      for (Future<String> f : futures) {
        out.add(f.get(10, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static String outcome(Runnable action) {
    try {
      action.run();
      return "ok";
    } catch (Failure f) {
      return f.code();
    }
  }

  private static Map<String, Long> tally(List<String> outcomes) {
    return outcomes.stream().collect(Collectors.groupingBy(o -> o, Collectors.counting()));
  }

  @RepeatedTest(5)
  void ofFiftySimultaneousBreaksExactlyOneWins() throws Exception {
    CallCenter pbx = new VocomTestWorld().seedCompany();
    List<String> outcomes = atOnce(() -> pbx.setBreak("SUPORTE.BARBARA", VocomTestData.LANCHE));
    assertEquals(Map.of("ok", 1L, "execute_failed", 49L), tally(outcomes));
    assertEquals(AgentStatus.ON_BREAK, pbx.agent("SUPORTE.BARBARA").get().status());
  }

  /**
   * call_services never reads the agent (VENDOR-FACTS 4a): all fifty are placed, each its own call.
   * The check for a live call is still atomic: exactly one goes through without a lint note.
   */
  @RepeatedTest(5)
  void ofFiftySimultaneousCallsForOneAgentAllArePlacedAndExactlyOneIsUnlinted() throws Exception {
    CallCenter pbx = new VocomTestWorld().seedCompany();
    Queue<CallCenter.Placed> placed = new ConcurrentLinkedQueue<>();
    List<String> outcomes =
        atOnce(() -> placed.add(pbx.callServices("SUPORTE.BARBARA", "2008", "11999")));
    assertEquals(Map.of("ok", 50L), tally(outcomes));
    assertEquals(50, placed.stream().map(CallCenter.Placed::callId).distinct().count());
    assertEquals(1, placed.stream().filter(p -> p.lint() == null).count());
    assertTrue(
        placed.stream()
            .filter(p -> p.lint() != null)
            .allMatch(p -> p.lint().contains("already has a live call")),
        placed.toString());
    assertEquals(
        50,
        placed.stream()
            .filter(p -> pbx.call(p.callId()).get().state() == CallCenter.CallState.ACTIVE)
            .count());
  }

  @RepeatedTest(5)
  void fiftySimultaneousHangUpsCountTheCallOnce() throws Exception {
    CallCenter pbx = new VocomTestWorld().seedCompany();
    String id = pbx.callServices("SUPORTE.BARBARA", "2008", "11999").callId();
    long before = pbx.agent("SUPORTE.BARBARA").get().outboundCount();
    List<String> outcomes = atOnce(() -> pbx.terminate(id));
    assertEquals(Map.of("ok", 50L), tally(outcomes));
    assertEquals(before + 1, pbx.agent("SUPORTE.BARBARA").get().outboundCount());
    assertEquals(
        Map.of(CallCenter.CallState.ENDED, 1L),
        pbx.call(id).stream()
            .collect(Collectors.groupingBy(CallCenter.CallInfo::state, Collectors.counting())));
    Function<String, AgentStatus> status = a -> pbx.agent(a).get().status();
    assertEquals(AgentStatus.AVAILABLE, status.apply("SUPORTE.BARBARA"));
  }
}
