package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.TestSandbox;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proxy mode streams bodies both ways, keeping only a bounded copy for the contract check and the
 * journal: an upstream's answer reaches the client as it arrives, and a client's request body
 * reaches the upstream as it is sent. Observed by a client writing and reading raw chunks, in front
 * of a test upstream that writes its answers in pieces, stalls, breaks off, or never ends.
 */
@Timeout(60)
class StreamedProxyTest {

  static final String TRICKLE = "/v2/ticket/000000000000000000000001/";
  static final String HUGE = "/v2/ticket/000000000000000000000002/";
  static final String CUT = "/v2/ticket/000000000000000000000003/";
  static final String ENDLESS = "/v2/ticket/000000000000000000000004/";
  static final String SIZED = "/v2/ticket/000000000000000000000005/";
  static final String EMPTY = "/v2/ticket/000000000000000000000007/";
  static final String CLOSE = "/v2/ticket/000000000000000000000006/close/";
  static final String FIRST = "{\"ticket\":{\"id\":";
  static final String REST = "1,\"status\":\"open\"}}";
  static final int HUGE_BYTES = Relay.COPY_MAX + 1024 * 1024;

  static Vertx vertx;
  static Vertx upstreamVertx;
  static HttpServer upstream;
  static TestSandbox proxy;
  static TestSandbox limited;
  static HttpClientAgent client;
  static final AtomicReference<CompletableFuture<Void>> release = new AtomicReference<>();
  static final AtomicReference<CompletableFuture<Void>> upstreamClosed = new AtomicReference<>();
  static final AtomicReference<CompletableFuture<Void>> firstPart = new AtomicReference<>();
  static final AtomicInteger upstreamEnded = new AtomicInteger();

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    upstreamVertx = Vertx.vertx();
    upstream =
        upstreamVertx
            .createHttpServer()
            .requestHandler(
                request -> {
                  HttpServerResponse response = request.response();
                  response.putHeader("Content-Type", "application/json");
                  switch (request.path()) {
                    case TRICKLE -> {
                      Context context = Vertx.currentContext();
                      response.setChunked(true).write(FIRST);
                      release.get().thenRun(() -> context.runOnContext(v -> response.end(REST)));
                    }
                    case HUGE -> {
                      response.putHeader("Content-Length", Integer.toString(HUGE_BYTES));
                      Buffer mib = Buffer.buffer(new byte[1024 * 1024]);
                      for (int i = 0; i < HUGE_BYTES / mib.length(); i++) {
                        response.write(mib);
                      }
                      response.end();
                    }
                    case CUT ->
                        response
                            .setChunked(true)
                            .write(FIRST)
                            .onComplete(
                                written ->
                                    upstreamVertx.setTimer(50, t -> request.connection().close()));
                    case ENDLESS -> {
                      CompletableFuture<Void> closed = upstreamClosed.get();
                      request.connection().closeHandler(v -> closed.complete(null));
                      response.setChunked(true).write(FIRST);
                    }
                    case EMPTY -> response.setStatusCode(204).end();
                    case CLOSE -> {
                      Buffer received = Buffer.buffer();
                      CompletableFuture<Void> first = firstPart.get();
                      CompletableFuture<Void> closed = upstreamClosed.get();
                      request.connection().closeHandler(v -> closed.complete(null));
                      request.exceptionHandler(e -> closed.complete(null));
                      request.handler(
                          chunk -> {
                            received.appendBuffer(chunk);
                            first.complete(null);
                          });
                      request.endHandler(
                          v -> {
                            upstreamEnded.incrementAndGet();
                            response.end(
                                new JsonObject().put("received", received.toString()).encode());
                          });
                    }
                    default -> response.end(FIRST + REST);
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
    limited =
        TestSandbox.start(
                vertx,
                "--mode",
                "postcenter=proxy",
                "--upstream",
                "postcenter=http://127.0.0.1:" + upstream.actualPort(),
                "--body-limit",
                "1KiB")
            .await();
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() {
    client.close().await();
    proxy.stop().await();
    limited.stop().await();
    upstream.close().await();
    upstreamVertx.close().await();
    vertx.close().await();
  }

  @BeforeEach
  void forget() {
    proxy.client().delete("/__sandbox/journal").send().await();
  }

  @AfterEach
  void everyCopyIsLetGo() throws InterruptedException {
    for (int i = 0; i < 50 && Relay.copiedBytes() != 0; i++) {
      Thread.sleep(20);
    }
    assertEquals(0, Relay.copiedBytes(), "no copy held once the exchanges are over");
  }

  static RequestOptions get(String path) {
    return to(proxy, HttpMethod.GET, path);
  }

  static RequestOptions to(TestSandbox sandbox, HttpMethod method, String path) {
    return new RequestOptions()
        .setMethod(method)
        .setHost("127.0.0.1")
        .setPort(sandbox.port())
        .setURI(path)
        .putHeader("Authorization", "Key sandbox-postcenter-key")
        .putHeader("Content-Type", "application/json");
  }

  @Test
  void theUpstreamReadsTheFirstBytesBeforeTheClientHasSentTheRest() throws Exception {
    firstPart.set(new CompletableFuture<>());
    upstreamClosed.set(new CompletableFuture<>());
    HttpClientRequest request = client.request(to(proxy, HttpMethod.POST, CLOSE)).await();
    request.setChunked(true).write("{\"part\": 1,").await();
    firstPart.get().get(10, TimeUnit.SECONDS);
    Future<Answer> answered = answerTo(request);
    request.end("\"rest\": 2}").await();
    Answer answer = answered.await(10, TimeUnit.SECONDS);
    HttpClientResponse response = answer.response();
    assertEquals(200, response.statusCode());
    assertEquals(
        "{\"part\": 1,\"rest\": 2}",
        new JsonObject(answer.body()).getString("received"),
        "the whole body, in order");
    JsonObject journaled =
        proxy
            .client()
            .get("/__sandbox/journal/" + response.getHeader(Pipeline.EXCHANGE_ID_HEADER))
            .send()
            .await()
            .bodyAsJsonObject();
    assertTrue(
        journaled.encode().contains("rest"),
        journaled.encodePrettily()
            + proxy.client().get("/__sandbox/journal?limit=3").send().await().bodyAsString());
  }

  @Test
  void aBodyPastTheLimitMidwayIsRefusedAndNeverReachesTheUpstreamWhole() throws Exception {
    firstPart.set(new CompletableFuture<>());
    upstreamClosed.set(new CompletableFuture<>());
    int endedBefore = upstreamEnded.get();
    HttpClientRequest request = client.request(to(limited, HttpMethod.POST, CLOSE)).await();
    request.setChunked(true).write("{\"a\": \"" + "x".repeat(600)).await();
    firstPart.get().get(10, TimeUnit.SECONDS);
    Future<Answer> answered = answerTo(request);
    request.write("x".repeat(600));
    Answer answer = answered.await(10, TimeUnit.SECONDS);
    assertEquals(413, answer.response().statusCode());
    assertEquals(413, new JsonObject(answer.body()).getInteger("status"), "in the dialect");
    upstreamClosed.get().get(10, TimeUnit.SECONDS);
    assertEquals(endedBefore, upstreamEnded.get(), "the upstream never took a cut body as whole");
  }

  @Test
  void theFirstBytesReachTheClientBeforeTheUpstreamHasWrittenTheRest() throws Exception {
    release.set(new CompletableFuture<>());
    Promise<Buffer> first = Promise.promise();
    Buffer all = Buffer.buffer();
    Promise<Void> ended = Promise.promise();
    HttpClientResponse response =
        sendReading(
                get(TRICKLE),
                r -> {
                  r.handler(
                      chunk -> {
                        all.appendBuffer(chunk);
                        first.tryComplete(chunk);
                      });
                  r.endHandler(ended::tryComplete);
                })
            .await();
    assertEquals(200, response.statusCode());
    assertEquals("chunked", response.getHeader("Transfer-Encoding"));
    Buffer firstChunk = first.future().await(10, TimeUnit.SECONDS);
    assertEquals(FIRST, firstChunk.toString(), "read while the upstream still holds the rest");
    release.get().complete(null);
    ended.future().await(10, TimeUnit.SECONDS);
    assertEquals(FIRST + REST, all.toString());
    JsonObject journaled = lastExchange();
    assertEquals(200, journaled.getInteger("status"));
    assertEquals(response.getHeader(Pipeline.EXCHANGE_ID_HEADER), journaled.getString("id"));
  }

  @Test
  void theLengthTheUpstreamDeclaredIsPassedOn() {
    Answer answer = send(SIZED);
    assertEquals(
        Integer.toString((FIRST + REST).length()), answer.response().getHeader("Content-Length"));
    assertNull(answer.response().getHeader("Transfer-Encoding"));
    assertEquals(FIRST + REST, answer.body().toString());
  }

  @Test
  void anAnswerWithoutABodyIsNeverChunked() {
    Answer answer = send(EMPTY);
    assertEquals(204, answer.response().statusCode());
    assertNull(answer.response().getHeader("Transfer-Encoding"));
    assertEquals(0, answer.body().length());
  }

  @Test
  void anAnswerPastTheCopyReachesTheClientWholeAndIsJournaledUnchecked() {
    Answer answer = send(HUGE);
    assertEquals(200, answer.response().statusCode());
    assertEquals(Integer.toString(HUGE_BYTES), answer.response().getHeader("Content-Length"));
    assertEquals(HUGE_BYTES, answer.body().length(), "every byte");
    JsonObject journaled = lastExchange();
    assertTrue(
        journaled.getString("error").contains("passed on unchecked"), journaled.encodePrettily());
  }

  @Test
  void anAnswerCutAfterItsHeadCutsTheClientsAndIsJournaledAsAnAbort() {
    Promise<Buffer> body = Promise.promise();
    HttpClientResponse response = sendReading(get(CUT), r -> r.body().onComplete(body)).await();
    assertEquals(200, response.statusCode(), "the head had gone out");
    assertThrows(Exception.class, () -> body.future().await(10, TimeUnit.SECONDS), "no clean end");
    JsonObject journaled = lastExchange();
    assertEquals(0, journaled.getInteger("status"));
    assertTrue(
        journaled.getString("error").contains("the answer was cut after its head"),
        journaled.encodePrettily());
  }

  /** A response and its whole body, read from the first chunk on. */
  record Answer(HttpClientResponse response, Buffer body) {}

  private static Answer send(String path) {
    Promise<Buffer> body = Promise.promise();
    HttpClientResponse response = sendReading(get(path), r -> r.body().onComplete(body)).await();
    return new Answer(response, body.future().await());
  }

  /**
   * Sends a bodiless request with {@code reader} set on its answer before the request goes, so that
   * no chunk arrives before anyone reads it (a chunk nobody reads is not kept).
   */
  private static Future<HttpClientResponse> sendReading(
      RequestOptions options, Consumer<HttpClientResponse> reader) {
    return client
        .request(options)
        .compose(
            request -> {
              Future<HttpClientResponse> answered =
                  request
                      .response()
                      .map(
                          r -> {
                            reader.accept(r);
                            return r;
                          });
              request.end();
              return answered;
            });
  }

  /**
   * The answer to {@code request}, its body read from the first chunk on: asked before the request
   * ends, since a body that arrives before anyone reads it is not kept.
   */
  private static Future<Answer> answerTo(HttpClientRequest request) {
    return request
        .response()
        .compose(response -> response.body().map(body -> new Answer(response, body)));
  }

  @Test
  void aClientThatGoesAwayLetsGoOfTheUpstream() throws Exception {
    upstreamClosed.set(new CompletableFuture<>());
    Promise<Void> first = Promise.promise();
    HttpClientResponse response =
        sendReading(get(ENDLESS), r -> r.handler(chunk -> first.tryComplete())).await();
    first.future().await(10, TimeUnit.SECONDS);
    response.request().connection().close().await();
    upstreamClosed.get().get(10, TimeUnit.SECONDS);
    JsonObject journaled = lastExchange();
    assertEquals(0, journaled.getInteger("status"));
    assertFalse(journaled.getString("error").isEmpty());
  }

  /** The journal's only exchange; the listeners hear of an abort a moment after the client. */
  private static JsonObject lastExchange() {
    for (int i = 0; ; i++) {
      var exchanges =
          proxy
              .client()
              .get("/__sandbox/journal?limit=1&bodies=false")
              .send()
              .await()
              .bodyAsJsonObject()
              .getJsonArray("exchanges");
      if (!exchanges.isEmpty()) {
        return exchanges.getJsonObject(0);
      }
      assertTrue(i < 250, "no exchange journaled");
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
