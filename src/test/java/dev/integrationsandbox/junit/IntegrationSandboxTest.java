package dev.integrationsandbox.junit;

import static dev.integrationsandbox.btg.BtgTestData.CPF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.integrationsandbox.ProjectSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The JUnit extension as a team's tests see it: this class uses it, and runs three small test
 * classes through JUnit's {@code EngineTestKit} to see what it reports for them (a request outside
 * the contract fails the test; a test marked {@link AllowContractViolations} passes; the sandbox of
 * a test run stops when the run ends).
 */
@Timeout(60)
class IntegrationSandboxTest {

  @RegisterExtension static final IntegrationSandbox sandbox = ProjectSandbox.extension();

  static EngineExecutionResults selfTests;

  /** One test-kit run (one sandbox start) for the four classes. */
  @BeforeAll
  static void runTheSelfTests() {
    selfTests =
        EngineTestKit.engine("junit-jupiter")
            .configurationParameter(OnlyThroughTestKit.KEY, "true")
            .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
            .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
            .configurationParameter(
                "junit.jupiter.execution.parallel.config.fixed.parallelism",
                String.valueOf(RunsInParallel.TESTS))
            .selectors(
                selectClass(BreaksTheContract.class),
                selectClass(BreaksItOnPurpose.class),
                selectClass(KeepsToTheContract.class),
                selectClass(RunsInParallel.class))
            .execute();
  }

  static List<Event> finished(Class<?> test) {
    return selfTests.testEvents().finished().stream()
        .filter(e -> e.getTestDescriptor().getUniqueId().toString().contains(test.getName()))
        .toList();
  }

  static TestExecutionResult resultOf(Class<?> test) {
    List<Event> events = finished(test);
    assertEquals(1, events.size(), "one test of " + test.getSimpleName() + " ran");
    return events.get(0).getRequiredPayload(TestExecutionResult.class);
  }

  static HttpResponse<Buffer> createWithoutPhoneNumber(IntegrationSandbox sandbox) {
    JsonObject ticket = BtgTestData.newTicket();
    ticket.remove("phoneNumber");
    return BtgApi.in(sandbox).signedIn().createTicket(CPF, ticket);
  }

  @ExtendWith(OnlyThroughTestKit.class)
  static class BreaksTheContract {
    @RegisterExtension static final IntegrationSandbox sandbox = IntegrationSandbox.withDefaults();

    @Test
    void createsATicketWithoutItsPhoneNumber() {
      assertEquals(400, createWithoutPhoneNumber(sandbox).statusCode());
    }
  }

  @ExtendWith(OnlyThroughTestKit.class)
  static class BreaksItOnPurpose {
    @RegisterExtension static final IntegrationSandbox sandbox = IntegrationSandbox.withDefaults();

    @Test
    @AllowContractViolations("to see the gateway's 400")
    void createsATicketWithoutItsPhoneNumber() {
      assertEquals(400, createWithoutPhoneNumber(sandbox).statusCode());
    }
  }

  @ExtendWith(OnlyThroughTestKit.class)
  static class KeepsToTheContract {
    @RegisterExtension static final IntegrationSandbox sandbox = IntegrationSandbox.withDefaults();

    static int port;

    @Test
    void opensATicket() {
      port = sandbox.port();
      BtgApi.in(sandbox).signedIn().openTicket(CPF);
    }
  }

  /**
   * Four tests that wait for each other once their worlds exist, so that they surely overlap; each
   * sees only its own ticket, request and clock.
   */
  @ExtendWith(OnlyThroughTestKit.class)
  @Execution(ExecutionMode.CONCURRENT)
  static class RunsInParallel {
    static final int TESTS = 4;
    static final CyclicBarrier TOGETHER = new CyclicBarrier(TESTS);

    @RegisterExtension static final IntegrationSandbox sandbox = IntegrationSandbox.withDefaults();

    static void onlyItsOwn(int hours) throws Exception {
      BtgApi btg = BtgApi.in(sandbox).signedIn();
      TOGETHER.await(20, TimeUnit.SECONDS);
      Instant before = sandbox.clock().now();
      sandbox.clock().advance(Duration.ofHours(hours));
      btg.signedIn().openTicket(CPF);
      TOGETHER.await(20, TimeUnit.SECONDS);
      assertEquals(3, btg.storedTickets(BtgTestData.CLIENT).size(), "the fixtures' two and mine");
      assertEquals(1, sandbox.journal().requests("btg", "createTicket").count());
      Duration moved = Duration.between(before, sandbox.clock().now());
      assertTrue(moved.compareTo(Duration.ofHours(hours)) >= 0, moved.toString());
      assertTrue(moved.compareTo(Duration.ofHours(hours).plusMinutes(1)) < 0, moved.toString());
    }

    @Test
    void first() throws Exception {
      onlyItsOwn(1);
    }

    @Test
    void second() throws Exception {
      onlyItsOwn(2);
    }

    @Test
    void third() throws Exception {
      onlyItsOwn(3);
    }

    @Test
    void fourth() throws Exception {
      onlyItsOwn(4);
    }
  }

  @Test
  void testsRunningInParallelEachHaveTheirOwnWorld() {
    List<Event> events = finished(RunsInParallel.class);
    assertEquals(RunsInParallel.TESTS, events.size());
    for (Event e : events) {
      TestExecutionResult result = e.getRequiredPayload(TestExecutionResult.class);
      assertEquals(
          TestExecutionResult.Status.SUCCESSFUL,
          result.getStatus(),
          () -> result.getThrowable().map(Throwable::toString).orElse(""));
    }
  }

  @Test
  void aRequestOutsideTheContractFailsTheTestNamingTheExchangeOperationAndViolation() {
    TestExecutionResult result = resultOf(BreaksTheContract.class);
    assertEquals(TestExecutionResult.Status.FAILED, result.getStatus());
    String message = result.getThrowable().orElseThrow().getMessage();
    assertTrue(message.startsWith("the code under test sent requests that break"), message);
    assertTrue(message.contains("btg createTicket (exchange "), message);
    assertTrue(message.contains("POST /__worlds/createsATicketWithoutItsPhoneNumber-"), message);
    assertTrue(message.contains("-> 400): request body"), message);
    assertTrue(message.contains("phoneNumber"), message);
  }

  @Test
  void aTestAllowedToBreakTheContractPasses() {
    assertEquals(
        TestExecutionResult.Status.SUCCESSFUL, resultOf(BreaksItOnPurpose.class).getStatus());
  }

  @Test
  void aTestWithinTheContractPassesAndItsRunsSandboxStopsWhenTheRunEnds() {
    assertEquals(
        TestExecutionResult.Status.SUCCESSFUL, resultOf(KeepsToTheContract.class).getStatus());
    assertNotEquals(0, KeepsToTheContract.port);
    assertNotEquals(sandbox.port(), KeepsToTheContract.port, "another set of flags, another one");
    assertThrows(IOException.class, () -> new Socket("127.0.0.1", KeepsToTheContract.port).close());
  }

  @Test
  void theJournalCountsTheRequestsOfAnOperation() {
    BtgApi btg = BtgApi.in(sandbox).signedIn();
    String id = btg.openTicket(CPF).getString("id");
    assertEquals(0, sandbox.journal().requests("btg", "closeTicket").count());
    assertEquals(200, btg.close(CPF, id).statusCode());
    JsonObject close = sandbox.journal().requests("btg", "closeTicket").single();
    assertEquals("DELETE", close.getString("method"));
    assertEquals(200, close.getInteger("status"));

    assertNotEquals(200, btg.close(CPF, id).statusCode());
    Requests closes = sandbox.journal().requests("btg", "closeTicket");
    assertEquals(2, closes.count());
    assertEquals(200, closes.get(0).getInteger("status"), "oldest first");
    AssertionError twice = assertThrows(AssertionError.class, closes::single);
    assertTrue(
        twice.getMessage().startsWith("expected exactly one btg closeTicket request, found 2"));
    assertEquals(4, sandbox.journal().requests("btg").count(), "token, create and two closes");
  }

  @Test
  void eachTestHasAFreshWorldOfItsOwn() {
    List<String> worlds =
        ProjectSandbox.client(sandbox)
            .get("/__sandbox/worlds")
            .send()
            .await()
            .bodyAsJsonObject()
            .getJsonArray("worlds")
            .stream()
            .map(w -> ((JsonObject) w).getString("name"))
            .toList();
    assertEquals(
        List.of("default", sandbox.world().name()), worlds, "the worlds of earlier tests are gone");
    assertTrue(sandbox.world().name().startsWith("eachTestHasAFreshWorldOfItsOwn-"));
    assertEquals(2, BtgApi.in(sandbox).storedTickets(BtgTestData.CLIENT).size(), "fixtures only");
    assertEquals(
        sandbox.port(), java.net.URI.create(sandbox.baseUrl("vocom")).getPort(), "one port");
  }

  @Test
  void theWorldsClockExpiresItsTokensAndOnlyItsOwn() {
    BtgApi btg = BtgApi.in(sandbox).signedIn();
    Instant before = sandbox.clock().now();
    Instant after = sandbox.clock().advance(Duration.ofHours(2));
    assertTrue(Duration.between(before, after).compareTo(Duration.ofHours(2)) >= 0);
    HttpResponse<Buffer> expired = btg.info();
    assertEquals(401, expired.statusCode());
    assertEquals("The incoming token has expired", expired.bodyAsJsonObject().getString("message"));

    Instant elsewhere =
        Instant.parse(
            ProjectSandbox.client(sandbox)
                .get("/__sandbox/clock")
                .send()
                .await()
                .bodyAsJsonObject()
                .getString("now"));
    assertTrue(elsewhere.isBefore(before.plus(Duration.ofMinutes(30))), "default world unmoved");
  }

  @Test
  void aTestTakesItsWorldAndAdminAsParameters(SandboxWorld world, SandboxAdmin admin) {
    assertEquals(sandbox.world().name(), world.name());
    assertEquals(world.name(), admin.world());
    assertTrue(sandbox.baseUrl("btg").endsWith("/__worlds/" + world.name()));
  }

  @Test
  void anUnknownVendorIsRefusedNamingTheOthers() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sandbox.baseUrl("btgg"));
    assertTrue(e.getMessage().contains("btg, "), e.getMessage());
  }

  @Test
  void theStateAndCoverageOfTheWorldAreReadable() {
    BtgApi.in(sandbox).signedIn().openTicket(CPF);
    assertEquals(
        3,
        sandbox.admin().state("btg").getJsonObject("tickets").getJsonArray("sandbox-btg").size());
    JsonObject coverage = sandbox.admin().coverage("btg");
    assertEquals(sandbox.world().name(), coverage.getString("world"));
    assertNotNull(coverage.encode());
    assertTrue(coverage.encode().contains("createTicket"), coverage.encode());
  }

  @Test
  void worldNamesAreValidAndTellTestsApart() {
    String longName = "x".repeat(200);
    String a = IntegrationSandbox.worldName("[engine:junit-jupiter]/[method:a()]", longName);
    String b = IntegrationSandbox.worldName("[engine:junit-jupiter]/[method:b()]", longName);
    assertNotEquals(a, b);
    assertTrue(a.matches("[A-Za-z0-9._-]{1,64}"), a);
    assertTrue(
        IntegrationSandbox.worldName("id", "test[1] ünïcode").matches("[A-Za-z0-9._-]{1,64}"));
  }

  @Test
  void aFaultIsTheBodyTheFaultsApiTakes() {
    assertEquals(
        new JsonObject()
            .put("vendor", "btg")
            .put("preset", "throttled")
            .put("operation", "createTicket")
            .put("times", 2),
        Fault.preset("btg", "throttled").operation("createTicket").times(2).toJson());
    assertEquals(
        new JsonObject()
            .put("vendor", "hubsoft")
            .put("kind", "error")
            .put("status", 503)
            .put("headers", new JsonObject().put("Retry-After", "5"))
            .put("body", "down")
            .put("latency", "PT2S"),
        Fault.error("hubsoft", 503)
            .header("Retry-After", "5")
            .body("down")
            .delay(Duration.ofSeconds(2))
            .toJson());
    assertEquals(
        new JsonObject()
            .put("vendor", "vocom")
            .put("kind", "latency")
            .put("latency", "PT5S")
            .put("probability", 0.25),
        Fault.latency("vocom", Duration.ofSeconds(5)).probability(0.25).toJson());
  }

  @Test
  void anArmedFaultHitsTheNextCallOfItsOperationInItsWorldOnly() {
    BtgApi btg = BtgApi.in(sandbox).signedIn();
    JsonObject armed =
        sandbox.faults().arm(Fault.preset("btg", "throttled").operation("getTicketsInfo"));
    assertEquals(sandbox.world().name(), armed.getString("world"));
    assertEquals(1, sandbox.faults().armed().size());
    assertNotEquals(200, btg.info().statusCode());
    assertEquals(200, btg.info().statusCode(), "once by default");
    assertTrue(sandbox.faults().armed().isEmpty());
    String id = sandbox.faults().arm(Fault.preset("btg", "throttled")).getString("id");
    sandbox.faults().disarm(id);
    assertEquals(200, btg.info().statusCode());
  }
}
