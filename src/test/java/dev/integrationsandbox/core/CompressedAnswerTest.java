package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A compressed upstream answer reaches the client as the upstream sent it, while its decoded copy
 * is what the contract check and the journal see; a large one is decoded off the event loop, so
 * that the loop keeps serving other requests meanwhile. The sandbox here runs on one event loop.
 */
@Timeout(120)
class CompressedAnswerTest {

  /** Larger compressed than {@link ContentCoding#INLINE_TRY_MAX}: decoded by a worker. */
  static final String LARGE = "/v2/ticket/000000000000000000000001/";

  static final String LARGE_CHUNKED = "/v2/ticket/000000000000000000000002/";
  static final String CORRUPT = "/v2/ticket/000000000000000000000003/";
  static final String HUGE = "/v2/ticket/000000000000000000000004/";
  static final String HUGE_PLAIN = "/v2/ticket/000000000000000000000005/";

  static final String LARGE_JSON =
      "{\"ticket\":{\"id\":42,\"subject\":\"" + words(12 * 1024, 1) + "\"}}";
  static final byte[] LARGE_GZIP = gzip(LARGE_JSON.getBytes(StandardCharsets.UTF_8));
  static final byte[] CORRUPT_GZIP = corrupt(LARGE_GZIP);
  static final String GZIP = "gzip";

  /** Decodes to more than the 16 MiB bound; not JSON, so the contract check stops at once. */
  static final byte[] HUGE_GZIP =
      gzip(("x" + words(ContentCoding.MAX_DECODED + 1024, 2)).getBytes(StandardCharsets.UTF_8));

  static Vertx vertx;
  static Vertx upstreamVertx;
  static HttpServer upstream;
  static TestSandbox proxy;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    upstreamVertx = Vertx.vertx();
    upstream =
        upstreamVertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  var response = request.response().putHeader("Content-Type", "application/json");
                  if (!request.path().equals(HUGE_PLAIN)) {
                    response.putHeader("Content-Encoding", "gzip");
                  }
                  switch (request.path()) {
                    case LARGE_CHUNKED -> {
                      response.setChunked(true);
                      Buffer all = Buffer.buffer(LARGE_GZIP);
                      int half = all.length() / 2;
                      response.write(all.getBuffer(0, half));
                      upstreamVertx.setTimer(
                          20, t -> response.end(all.getBuffer(half, all.length())));
                    }
                    case CORRUPT -> response.end(Buffer.buffer(CORRUPT_GZIP));
                    case HUGE, HUGE_PLAIN -> response.end(Buffer.buffer(HUGE_GZIP));
                    default -> response.end(Buffer.buffer(LARGE_GZIP));
                  }
                })
            .listen(0, "127.0.0.1")
            .await();
    proxy =
        TestSandbox.start(
                vertx,
                "--mode",
                "postcenter=proxy",
                "--upstream",
                "postcenter=http://127.0.0.1:" + upstream.actualPort())
            .await();
  }

  @AfterAll
  static void stop() {
    proxy.stop().await();
    upstream.close().await();
    upstreamVertx.close().await();
    vertx.close().await();
  }

  @Test
  void aLargeGzipAnswerReachesTheClientUnchangedAndIsJournaledDecoded() {
    for (String path : List.of(LARGE, LARGE_CHUNKED)) {
      HttpResponse<Buffer> r = get(proxy.client(), path);
      assertEquals(200, r.statusCode(), path);
      assertEquals("gzip", r.getHeader("Content-Encoding"));
      assertArrayEquals(LARGE_GZIP, r.body().getBytes(), "the compressed bytes, untouched");

      JsonObject kept = journaled(r);
      assertEquals(
          new JsonObject(LARGE_JSON),
          kept.getJsonObject("response").getJsonObject("body"),
          "the journal shows the JSON inside");
      JsonArray violations = kept.getJsonArray("violations");
      assertTrue(
          violations.stream()
              .map(JsonObject.class::cast)
              .anyMatch(v -> v.getString("in").equals("response")),
          "the drift inside the gzip body is reported: " + violations.encode());
    }
  }

  @Test
  void anHttp10ClientGetsTheWholeGzipAnswerAndTheJournalItsJson() {
    WebClient http10 =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_0)
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(proxy.port()));
    try {
      HttpResponse<Buffer> r = get(http10, LARGE_CHUNKED);
      assertEquals(200, r.statusCode());
      assertArrayEquals(LARGE_GZIP, r.body().getBytes());
      assertEquals(
          new JsonObject(LARGE_JSON), journaled(r).getJsonObject("response").getJsonObject("body"));
    } finally {
      http10.close();
    }
  }

  @Test
  void aBodyThatDoesNotInflateIsJournaledAsSentAndReported() {
    HttpResponse<Buffer> r = get(proxy.client(), CORRUPT);
    assertEquals(200, r.statusCode());
    assertArrayEquals(CORRUPT_GZIP, r.body().getBytes());
    Exchange e = stored(r);
    assertArrayEquals(CORRUPT_GZIP, e.responseBody().kept().getBytes(), "the raw copy");
    assertTrue(
        e.violations().stream().anyMatch(v -> v.message().equals("body is not valid JSON")),
        e.violations().toString());
  }

  /**
   * Measured as the event loop thread's CPU time rather than by the clock, since on a 2-core
   * machine busy with decodes and builds the loop's wall time says more about the scheduler than
   * about what ran on it; and against the same bytes sent without {@code Content-Encoding}, since
   * relaying megabytes costs the loop more than inflating them would. Decoded on the loop, the
   * answers would cost it the inflates' CPU time (measured here on the test's thread) on top.
   */
  @Test
  void largeAnswersAreDecodedOffTheEventLoopWhichKeepsAnswering() throws InterruptedException {
    WebClient client =
        WebClient.create(
            upstreamVertx,
            new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(proxy.port()));
    try {
      int answers = 4;
      loopCpu(client, HUGE, 1);
      loopCpu(client, HUGE_PLAIN, 1);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      long inflates = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < answers; i++) {
        ContentCoding.decoded(GZIP, Buffer.buffer(HUGE_GZIP), ContentCoding.MAX_DECODED);
      }
      inflates = threads.getCurrentThreadCpuTime() - inflates;
      long plain = loopCpu(client, HUGE_PLAIN, answers);
      long gzip = loopCpu(client, HUGE, answers);
      assertTrue(
          gzip - plain < inflates / 2,
          "the event loop spent "
              + TimeUnit.NANOSECONDS.toMillis(gzip)
              + " ms of CPU on "
              + answers
              + " gzip answers, "
              + TimeUnit.NANOSECONDS.toMillis(plain)
              + " ms on the same bytes unencoded; their inflates take "
              + TimeUnit.NANOSECONDS.toMillis(inflates)
              + " ms");
    } finally {
      client.close();
    }
  }

  /**
   * The CPU time the sandbox's event loop spends on {@code answers} concurrent answers, while a
   * health check every 10 ms is answered by the same loop.
   */
  private static long loopCpu(WebClient client, String path, int answers)
      throws InterruptedException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long loop = loopThread();
    long before = threads.getThreadCpuTime(loop);
    List<Future<HttpResponse<Buffer>>> pending = new ArrayList<>();
    for (int i = 0; i < answers; i++) {
      pending.add(client.get(path).putHeader("Authorization", "Key sandbox-postcenter-key").send());
    }
    int healthAnswers = 0;
    while (pending.stream().anyMatch(a -> !a.isComplete())) {
      assertEquals(200, proxy.client().get("/__sandbox/health").send().await().statusCode());
      healthAnswers++;
      Thread.sleep(10);
    }
    long spent = threads.getThreadCpuTime(loop) - before;
    for (Future<HttpResponse<Buffer>> answer : pending) {
      HttpResponse<Buffer> r = answer.await();
      assertArrayEquals(HUGE_GZIP, r.body().getBytes());
      assertEquals(
          path.equals(HUGE) ? ContentCoding.MAX_DECODED : HUGE_GZIP.length,
          stored(r).responseBody().size(),
          "decoded and cut, or as sent");
    }
    assertTrue(healthAnswers > 0, "health answered while the answers were on their way");
    return spent;
  }

  /** The id of the sandbox's one event loop thread. */
  private static long loopThread() {
    CompletableFuture<Long> id = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> id.complete(Thread.currentThread().getId()));
    return id.join();
  }

  private static HttpResponse<Buffer> get(WebClient client, String path) {
    return client.get(path).putHeader("Authorization", "Key sandbox-postcenter-key").send().await();
  }

  private static JsonObject journaled(HttpResponse<Buffer> r) {
    return proxy
        .client()
        .get("/__sandbox/journal/" + r.getHeader(Pipeline.EXCHANGE_ID_HEADER))
        .send()
        .await()
        .bodyAsJsonObject();
  }

  private static Exchange stored(HttpResponse<Buffer> r) {
    return proxy
        .server()
        .sandbox()
        .journal()
        .find(r.getHeader(Pipeline.EXCHANGE_ID_HEADER))
        .orElseThrow();
  }

  /** Text of words and hex numbers, which compresses about as real JSON does (threefold). */
  static String words(int length, long seed) {
    String[] words = {"fatura", "cliente", "boleto", "protocolo", "acordo", "parcela", "juros"};
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder(length + 32);
    while (text.length() < length) {
      text.append(
              random.nextInt(4) == 0
                  ? Long.toHexString(random.nextLong())
                  : words[random.nextInt(words.length)])
          .append(' ');
    }
    return text.substring(0, length);
  }

  static byte[] gzip(byte[] bytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
        gzip.write(bytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A gzip header followed by bytes that are not a deflate stream. */
  static byte[] corrupt(byte[] gzip) {
    byte[] broken = gzip.clone();
    for (int i = 10; i < broken.length; i++) {
      broken[i] = (byte) 0xff;
    }
    return broken;
  }
}
