package dev.integrationsandbox.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.core.Pipeline;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Proxy mode against a test upstream that misbehaves on purpose: an answer that breaks the contract
 * (gzip-compressed), one that never comes, and no upstream at all.
 */
@Timeout(30)
class ProxyUpstreamFaultsTest {

  static final String DRIFTING_TICKET = "/v2/ticket/583dcb2855d0a46e438d0206/";
  static final String SLOW_TICKET = "/v2/ticket/000000000000000000000510/";
  static final byte[] DRIFTED = gzip("{\"ticket\":{\"id\":42}}");

  static Vertx vertx;
  static Vertx upstreamVertx;
  static HttpServer upstream;
  static final AtomicInteger received = new AtomicInteger();
  static TestSandbox proxy;
  static TestSandbox strict;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    upstreamVertx = Vertx.vertx();
    upstream =
        upstreamVertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  received.incrementAndGet();
                  if (request.path().equals(SLOW_TICKET)) {
                    return;
                  }
                  request
                      .response()
                      .putHeader("Content-Type", "application/json")
                      .putHeader("Content-Encoding", "gzip")
                      .putHeader("X-Upstream", "drifting")
                      .end(Buffer.buffer(DRIFTED));
                })
            .listen(0, "127.0.0.1")
            .await();
    String url = "http://127.0.0.1:" + upstream.actualPort();
    proxy =
        TestSandbox.start(
                vertx,
                "--mode",
                "postcenter=proxy",
                "--upstream",
                "postcenter=" + url,
                "--upstream-timeout",
                "PT0.5S")
            .await();
    strict =
        TestSandbox.start(
                Vertx.vertx(),
                "--mode",
                "postcenter=proxy",
                "--upstream",
                "postcenter=" + url,
                "--strict")
            .await();
  }

  @AfterAll
  static void stop() {
    proxy.stop().await();
    strict.stop().await();
    strict.vertx().close().await();
    upstream.close().await();
    upstreamVertx.close().await();
    vertx.close().await();
  }

  @BeforeEach
  void forget() {
    proxy.client().delete("/__sandbox/violations").send().await();
  }

  static HttpResponse<Buffer> get(TestSandbox sandbox, String uri) {
    return sandbox
        .client()
        .get(uri)
        .putHeader("Authorization", "Key sandbox-postcenter-key")
        .send()
        .await();
  }

  @Test
  void aDriftingAnswerReachesTheClientUnchangedAndIsReported() throws InterruptedException {
    HttpResponse<Buffer> r = get(proxy, DRIFTING_TICKET);
    assertEquals(200, r.statusCode());
    assertEquals("gzip", r.getHeader("Content-Encoding"));
    assertEquals("drifting", r.getHeader("X-Upstream"));
    assertArrayEquals(DRIFTED, r.body().getBytes(), "the compressed bytes, untouched");

    JsonArray groups = violations();
    assertEquals(1, groups.size(), groups.encodePrettily());
    JsonObject group = groups.getJsonObject(0);
    assertEquals("postcenter", group.getString("vendor"));
    assertEquals("getTicket", group.getString("operation"));
    assertEquals(0, group.getLong("request"));
    assertTrue(group.getLong("response") > 0);
    assertEquals("response", group.getJsonObject("first").getString("in"));
    assertEquals(
        r.getHeader("X-Sandbox-Exchange-Id"), group.getJsonObject("first").getString("exchange"));
    String metrics = proxy.client().get("/__sandbox/metrics").send().await().bodyAsString();
    assertTrue(
        metrics.contains("sandbox_contract_violations_total{in=\"response\""),
        "a counter per vendor and operation");
  }

  @Test
  void everyDriftingAnswerIsReportedNotASampleOfThem() throws InterruptedException {
    assertEquals(200, get(proxy, DRIFTING_TICKET).statusCode());
    long perAnswer = violations().getJsonObject(0).getLong("response");
    int asked = 70;
    for (int i = 1; i < asked; i++) {
      assertEquals(200, get(proxy, DRIFTING_TICKET).statusCode());
    }
    JsonArray groups = violations();
    assertEquals(1, groups.size(), groups.encodePrettily());
    assertEquals(asked * perAnswer, groups.getJsonObject(0).getLong("response"));
  }

  @Test
  void anInvalidRequestIsForwardedAndReportedWithoutStrict() throws InterruptedException {
    int before = received.get();
    assertEquals(200, get(proxy, "/v2/tickets/").statusCode(), "the upstream's answer");
    assertEquals(before + 1, received.get());
    JsonObject group = violations().getJsonObject(0);
    assertEquals("listTicketsByCountryId", group.getString("operation"));
    assertEquals("request", group.getJsonObject("first").getString("in"));
  }

  @Test
  void aPathOrMethodTheContractDoesNotDeclareIsForwardedAndReported() throws InterruptedException {
    int before = received.get();
    HttpResponse<Buffer> undeclared = get(proxy, "/v2/tickets/not-in-the-contract/");
    assertEquals("drifting", undeclared.getHeader("X-Upstream"), "the upstream answered");
    HttpResponse<Buffer> wrongMethod =
        proxy
            .client()
            .delete(DRIFTING_TICKET)
            .putHeader("Authorization", "Key sandbox-postcenter-key")
            .send()
            .await();
    assertEquals("drifting", wrongMethod.getHeader("X-Upstream"));
    assertEquals(before + 2, received.get());
    JsonObject group = violations().getJsonObject(0);
    assertEquals("unmatched", group.getString("operation"));
    assertEquals("path", group.getJsonObject("first").getString("location"));

    HttpResponse<Buffer> refused = get(strict, "/v2/tickets/not-in-the-contract/");
    assertEquals(404, refused.statusCode(), "strict: the vendor's own 404, locally");
    assertEquals(before + 2, received.get());
  }

  @Test
  void aWarnLineNeverQuotesAKnownSecret() {
    Logger pipeline = (Logger) LoggerFactory.getLogger(Pipeline.class);
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    pipeline.addAppender(lines);
    Vertx own = Vertx.vertx();
    try {
      TestSandbox withToken =
          TestSandbox.start(
                  own,
                  "--mode",
                  "postcenter=proxy",
                  "--upstream",
                  "postcenter=http://127.0.0.1:" + upstream.actualPort(),
                  "--admin-token",
                  "admin-secret-4711")
              .await();
      get(withToken, "/v2/tickets/admin-secret-4711/");
      withToken.stop().await();
    } finally {
      pipeline.detachAppender(lines);
      own.close().await();
    }
    String logged = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString();
    assertTrue(logged.contains("request outside its contract"), logged);
    assertTrue(!logged.contains("admin-secret-4711"), logged);
  }

  @Test
  void withStrictAnInvalidRequestIsRefusedInTheVendorsDialectAndNeverLeaves() {
    int before = received.get();
    HttpResponse<Buffer> r = get(strict, "/v2/tickets/");
    assertEquals(400, r.statusCode());
    assertEquals(400, r.bodyAsJsonObject().getInteger("status"));
    assertTrue(r.bodyAsJsonObject().getString("message").contains("country_id"), r.bodyAsString());
    assertEquals(before, received.get(), "the upstream never saw it");
    assertEquals(200, get(strict, DRIFTING_TICKET).statusCode(), "a valid one is forwarded");
    assertEquals(before + 1, received.get());
  }

  @Test
  void anUpstreamSlowerThanTheTimeoutIsA504InTime() {
    long start = System.nanoTime();
    HttpResponse<Buffer> r = get(proxy, SLOW_TICKET);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertEquals(504, r.statusCode(), r.bodyAsString());
    assertEquals("upstream_timeout", r.bodyAsJsonObject().getString("error"));
    assertEquals(
        "http://127.0.0.1:" + upstream.actualPort(), r.bodyAsJsonObject().getString("upstream"));
    assertTrue(millis >= 450 && millis < 2000, "answered after " + millis + " ms");
  }

  @Test
  void anUnreachableUpstreamIsA502NamingIt() {
    Vertx own = Vertx.vertx();
    try {
      HttpServer closed = own.createHttpServer().requestHandler(rq -> {}).listen(0).await();
      int port = closed.actualPort();
      closed.close().await();
      TestSandbox down =
          TestSandbox.start(
                  own,
                  "--mode",
                  "vocom=proxy",
                  "--upstream",
                  "vocom=http://127.0.0.1:" + port,
                  "--upstream-connect-timeout",
                  "PT1S")
              .await();
      HttpResponse<Buffer> r =
          down.client()
              .post("/interact_cti/agent/login/")
              .putHeader("Authorization", "Basic YXBpX2tleTprZXk=")
              .sendJsonObject(new JsonObject().put("agent", "DEV"))
              .await();
      assertEquals(502, r.statusCode(), r.bodyAsString());
      JsonObject body = r.bodyAsJsonObject();
      assertEquals("upstream_unreachable", body.getString("error"));
      assertEquals("http://127.0.0.1:" + port, body.getString("upstream"));
      assertTrue(body.getString("cause").toLowerCase().contains("refused"), body.encode());
      down.stop().await();
    } finally {
      own.close().await();
    }
  }

  /**
   * The proxy's violation groups, once there are some: the listeners hear of an exchange just after
   * its answer is sent, so the client may ask a moment before they have.
   */
  static JsonArray violations() throws InterruptedException {
    JsonArray groups = new JsonArray();
    for (int i = 0; i < 40 && groups.isEmpty(); i++) {
      groups =
          proxy
              .client()
              .get("/__sandbox/violations")
              .send()
              .await()
              .bodyAsJsonObject()
              .getJsonArray("violations");
      if (groups.isEmpty()) {
        Thread.sleep(50);
      }
    }
    return groups;
  }

  static byte[] gzip(String text) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      return bytes.toByteArray();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
