package dev.integrationsandbox.fuzz;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.Pipeline;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract-driven fuzz: for every operation of every vendor that {@code Vendors.available()}
 * mounts (a new vendor is covered by its contract alone), it generates valid and malformed requests
 * ({@link Mutation}, {@link EvilValues}) from one seeded {@link Random}, sends them as bytes and
 * holds each answer to {@link AnswerChecks}. One request in {@value #STATE_SAMPLE} goes to a world
 * of its own, whose {@code /__sandbox/state} must be unchanged when the request was refused; every
 * journaled answer is also validated with vertx-openapi's own validator ({@link
 * TestSandbox#verifyContracts()}).
 *
 * <p>Each try sends one request to each vendor, so {@value #DEFAULT_TRIES} tries are that many
 * requests per vendor, whatever the number of vendors. The seed is random unless given, printed at
 * the start and in every failure with the command that replays it: {@code mvn -B test
 * -Dcds.skip=true -Dtest=ContractFuzzTest -Dfuzz.seed=N} (and {@code -Dfuzz.tries=N} to vary the
 * length; {@code -Dfuzz.collect=true} gathers every finding instead of stopping at the first).
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ContractFuzzTest {

  static final int DEFAULT_TRIES = 1_100;

  /** What the issue asks of every vendor, checked after the run. */
  static final int MIN_REQUESTS_PER_VENDOR = 1_000;

  /** One request in this many goes to {@link #STATE_WORLD} with its state compared. */
  static final int STATE_SAMPLE = 5;

  /** The world where sampled requests go, so that nothing else changes its state meanwhile. */
  static final String STATE_WORLD = "fuzz-refusals";

  /** How long an answer may take before the request counts as left hanging. */
  static final int ANSWER_SECONDS = 10;

  /** At most this many re-sent variants while looking for a smaller failing request. */
  static final int SHRINK_BUDGET = 80;

  private static final long SEED =
      Long.getLong("fuzz.seed", ThreadLocalRandom.current().nextLong());
  private static final int TRIES = Integer.getInteger("fuzz.tries", DEFAULT_TRIES);
  private static final boolean COLLECT = Boolean.getBoolean("fuzz.collect");

  private static Vertx vertx;
  private static TestSandbox sandbox;
  private static HttpClient http;
  private static Context context;
  private static LogWatch log;
  private static AnswerChecks checks;
  private static final Map<String, VendorModel> MODELS = new LinkedHashMap<>();
  private static final Map<String, RequestFactory> FACTORIES = new LinkedHashMap<>();
  private static final Map<String, RequestFactory> STATE_FACTORIES = new LinkedHashMap<>();
  private static final Map<String, Integer> SENT = new TreeMap<>();
  private static final Map<String, Set<String>> REACHED = new TreeMap<>();
  private static final Map<String, Integer> STATE_CHECKS = new TreeMap<>();
  private static final Map<String, String> FINDINGS = new TreeMap<>();
  private static final Map<String, Integer> EXCLUDED = new TreeMap<>();

  @BeforeAll
  static void start() throws Exception {
    System.out.println(
        "fuzz: seed " + SEED + ", " + TRIES + " requests per vendor; replay: " + replay());
    vertx = Vertx.vertx();
    sandbox = TestSandbox.start(vertx, "--journal-size", "5000").await(30, TimeUnit.SECONDS);
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setKeepAlive(Boolean.parseBoolean(System.getProperty("fuzz.keepAlive", "true")))
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(sandbox.port()));
    context = vertx.getOrCreateContext();
    for (MountedVendor vendor : sandbox.server().sandbox().vendors()) {
      VendorModel model = VendorModel.of(vendor);
      MODELS.put(vendor.id(), model);
      FACTORIES.put(vendor.id(), factory(model, null));
      STATE_FACTORIES.put(vendor.id(), factory(model, STATE_WORLD));
    }
    log = LogWatch.attach();
    checks = new AnswerChecks(sandbox, MODELS, log);
  }

  private static RequestFactory factory(VendorModel model, String world) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (world != null) {
      headers.put(Pipeline.WORLD_HEADER, world);
    }
    Credentials.headers(model.id(), sandbox, world)
        .ifPresentOrElse(
            headers::putAll,
            () ->
                System.out.println(
                    "fuzz: no credentials for "
                        + model.id()
                        + " in fuzz/Credentials.java: fuzzed unauthenticated"));
    return new RequestFactory(model.schemas(), headers);
  }

  @AfterAll
  static void finish() throws Exception {
    try {
      if (log != null) {
        log.detach();
      }
      if (http != null) {
        http.close().await(10, TimeUnit.SECONDS);
      }
      if (sandbox != null) {
        sandbox.stop().await(10, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void everyAnswerIsTheVendorsOwnAndNoFault() {
    long started = System.nanoTime();
    Random random = new Random(SEED);
    List<Mutation> weighted = new ArrayList<>();
    for (Mutation m : Mutation.values()) {
      for (int k = 0; k < m.weight; k++) {
        weighted.add(m);
      }
    }
    int sent = 0;
    for (int attempt = 0; attempt < TRIES; attempt++) {
      for (VendorModel model : MODELS.values()) {
        FuzzOperation op = model.operations().get(random.nextInt(model.operations().size()));
        Mutation mutation = weighted.get(random.nextInt(weighted.size()));
        EvilValues.Evil evil = EvilValues.draw(random);
        long seed = random.nextLong();
        boolean sampled = SENT.getOrDefault(model.id(), 0) % STATE_SAMPLE == STATE_SAMPLE - 1;
        RequestFactory factory = (sampled ? STATE_FACTORIES : FACTORIES).get(model.id());
        FuzzRequest request = factory.build(op, mutation, evil, seed);
        Optional<KnownBugs.Bug> known = KnownBugs.covering(request);
        if (known.isPresent()) {
          EXCLUDED.merge(known.get().name(), 1, Integer::sum);
          continue;
        }
        sent++;
        try {
          check(request, sampled);
        } catch (AssertionError e) {
          String found =
              "fuzz finding at request #" + sent + " (seed " + SEED + "): " + e.getMessage();
          if (!COLLECT) {
            throw new AssertionError(
                found + shrunk(request, e.getMessage()) + "\nreplay: " + replay());
          }
          FINDINGS.putIfAbsent(
              request.vendor()
                  + " "
                  + op.operationId()
                  + " "
                  + e.getMessage().lines().findFirst().orElse("").replaceAll("[0-9]+", "N"),
              found);
        }
      }
      if (attempt % 100 == 99) {
        verifyContracts();
      }
    }
    verifyContracts();
    System.out.println(
        "fuzz: "
            + SENT
            + " requests in "
            + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
            + " s; state compared after refusals "
            + STATE_CHECKS
            + "; not sent, known bugs "
            + EXCLUDED
            + "; seed "
            + SEED);
    List<String> problems = new ArrayList<>(FINDINGS.values());
    for (VendorModel model : MODELS.values()) {
      int count = SENT.getOrDefault(model.id(), 0);
      if (TRIES >= MIN_REQUESTS_PER_VENDOR && count < MIN_REQUESTS_PER_VENDOR) {
        problems.add(model.id() + ": only " + count + " requests");
      }
      Set<String> missed = new TreeSet<>();
      model.operations().forEach(o -> missed.add(o.operationId()));
      missed.removeAll(REACHED.getOrDefault(model.id(), Set.of()));
      if (TRIES >= MIN_REQUESTS_PER_VENDOR && !missed.isEmpty()) {
        problems.add(model.id() + ": operations never fuzzed " + missed);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(String.join("\n", problems) + "\nreplay: " + replay());
    }
  }

  static String replay() {
    return "mvn -B test -Dcds.skip=true -Dtest=ContractFuzzTest -Dfuzz.seed="
        + SEED
        + (TRIES == DEFAULT_TRIES ? "" : " -Dfuzz.tries=" + TRIES);
  }

  private static void verifyContracts() {
    try {
      sandbox.verifyContracts().await(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("contract verification took over 60 s", e);
    }
  }

  private static void check(FuzzRequest request, boolean sampled) {
    String vendor = request.vendor();
    SENT.merge(vendor, 1, Integer::sum);
    REACHED.computeIfAbsent(vendor, v -> new TreeSet<>()).add(request.operation().operationId());
    String before = sampled ? state(vendor) : null;
    List<String> problems = new ArrayList<>();
    Answer answer = send(request);
    problems.addAll(
        checks.problems(answer.status, answer.exchangeId, answer.contentType, answer.body));
    if (before != null && refused(answer)) {
      STATE_CHECKS.merge(vendor, 1, Integer::sum);
      String after = state(vendor);
      if (!before.equals(after)) {
        problems.add("refused, yet the state changed:\n  before " + before + "\n  after  " + after);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(
          String.join("\n", problems)
              + "\nrequest: "
              + request
              + "\nanswer: "
              + answer.status
              + " "
              + abbreviate(answer.body));
    }
  }

  /**
   * A smaller request that still fails, found by re-sending the failing one with a header, a query
   * parameter, a body member or the whole body left out, or long strings cut short, as long as each
   * step still fails; empty when no smaller one fails (or the failure was a hang).
   */
  private static String shrunk(FuzzRequest failing, String problem) {
    if (problem.startsWith("no answer")) {
      return "";
    }
    FuzzRequest smallest = failing;
    int budget = SHRINK_BUDGET;
    boolean smaller = true;
    while (smaller && budget > 0) {
      smaller = false;
      for (FuzzRequest candidate : Shrinks.of(smallest)) {
        if (budget-- <= 0) {
          break;
        }
        if (fails(candidate)) {
          smallest = candidate;
          smaller = true;
          break;
        }
      }
    }
    return smallest == failing ? "" : "\nsmallest failing request found:\n" + smallest;
  }

  private static boolean fails(FuzzRequest candidate) {
    try {
      Answer answer = send(candidate);
      return !checks
          .problems(answer.status, answer.exchangeId, answer.contentType, answer.body)
          .isEmpty();
    } catch (AssertionError e) {
      return true;
    }
  }

  /** A 4xx, or an error in a 200 (HubSoft's {@code status}, Vocom's {@code response.status}). */
  private static boolean refused(Answer answer) {
    if (answer.status >= 400) {
      return true;
    }
    try {
      JsonObject body = new JsonObject(answer.body);
      JsonObject vocom = body.getValue("response") instanceof JsonObject o ? o : null;
      return "error".equals(body.getValue("status"))
          || (vocom != null && "error".equals(vocom.getValue("status")));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String state(String vendor) {
    return sandbox
        .client()
        .get("/__sandbox/state?vendor=" + vendor + "&world=" + STATE_WORLD)
        .send()
        .await()
        .bodyAsString();
  }

  record Answer(int status, String exchangeId, String contentType, String body) {}

  /**
   * Sends one request and reads its answer on the client's one event-loop context: started from the
   * test's thread, the response could reach the connection's event loop before {@code body()} was
   * asked for on another thread, and the answer was lost to the test (a false hang).
   */
  private static Answer send(FuzzRequest request) {
    RequestOptions options =
        new RequestOptions().setMethod(HttpMethod.valueOf(request.method())).setURI(request.uri());
    for (String[] h : request.headers()) {
      options.addHeader(h[0], h[1]);
    }
    Promise<Answer> answer = Promise.promise();
    context.runOnContext(
        v ->
            http.request(options)
                .compose(
                    req ->
                        request.body() == null
                            ? req.send()
                            : req.send(Buffer.buffer(request.body())))
                .compose(
                    resp ->
                        resp.body()
                            .map(
                                b ->
                                    new Answer(
                                        resp.statusCode(),
                                        resp.getHeader(Pipeline.EXCHANGE_ID_HEADER),
                                        resp.getHeader("Content-Type"),
                                        b.toString())))
                .onComplete(answer));
    try {
      return answer
          .future()
          .recover(
              e -> Future.failedFuture(new AssertionError("no answer to " + request + ": " + e, e)))
          .await(ANSWER_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("no answer within " + ANSWER_SECONDS + " s to " + request, e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 500 ? s.substring(0, 500) + "…" : s;
  }
}
