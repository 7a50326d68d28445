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
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Proxy mode streams an upstream's answer to the client as it arrives, keeping only a bounded copy
 * for the contract check and the journal: observed by a client reading raw chunks from a test
 * upstream that writes its answers in pieces, stalls, breaks off, or never ends.
 */
@Timeout(60)
class StreamedAnswerTest {

  static final String TRICKLE = "/v2/ticket/000000000000000000000001/";
  static final String HUGE = "/v2/ticket/000000000000000000000002/";
  static final String CUT = "/v2/ticket/000000000000000000000003/";
  static final String ENDLESS = "/v2/ticket/000000000000000000000004/";
  static final String SIZED = "/v2/ticket/000000000000000000000005/";
  static final String FIRST = "{\"ticket\":{\"id\":";
  static final String REST = "1,\"status\":\"open\"}}";
  static final int HUGE_BYTES = Relay.COPY_MAX + 1024 * 1024;

  static Vertx vertx;
  static Vertx upstreamVertx;
  static HttpServer upstream;
  static TestSandbox proxy;
  static HttpClientAgent client;
  static final AtomicReference<CompletableFuture<Void>> release = new AtomicReference<>();
  static final AtomicReference<CompletableFuture<Void>> upstreamClosed = new AtomicReference<>();

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
    client = vertx.createHttpClient();
  }

  @AfterAll
  static void stop() {
    client.close().await();
    proxy.stop().await();
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
    return new RequestOptions()
        .setMethod(HttpMethod.GET)
        .setHost("127.0.0.1")
        .setPort(proxy.port())
        .setURI(path)
        .putHeader("Authorization", "Key sandbox-postcenter-key");
  }

  @Test
  void theFirstBytesReachTheClientBeforeTheUpstreamHasWrittenTheRest() throws Exception {
    release.set(new CompletableFuture<>());
    Promise<Buffer> first = Promise.promise();
    Buffer all = Buffer.buffer();
    Promise<Void> ended = Promise.promise();
    HttpClientResponse response =
        client
            .request(get(TRICKLE))
            .compose(request -> request.send())
            .map(
                r -> {
                  r.handler(
                      chunk -> {
                        all.appendBuffer(chunk);
                        first.tryComplete(chunk);
                      });
                  r.endHandler(ended::tryComplete);
                  return r;
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
    Future<Buffer> body =
        client
            .request(get(CUT))
            .compose(request -> request.send())
            .compose(
                response -> {
                  assertEquals(200, response.statusCode(), "the head had gone out");
                  return response.body();
                });
    assertThrows(Exception.class, () -> body.await(10, TimeUnit.SECONDS), "no clean end");
    JsonObject journaled = lastExchange();
    assertEquals(0, journaled.getInteger("status"));
    assertTrue(
        journaled.getString("error").contains("the answer was cut after its head"),
        journaled.encodePrettily());
  }

  /** A response and its whole body, read from the first chunk on. */
  record Answer(HttpClientResponse response, Buffer body) {}

  private static Answer send(String path) {
    return client
        .request(get(path))
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> new Answer(response, body)))
        .await();
  }

  @Test
  void aClientThatGoesAwayLetsGoOfTheUpstream() throws Exception {
    upstreamClosed.set(new CompletableFuture<>());
    Promise<Void> first = Promise.promise();
    HttpClientResponse response =
        client
            .request(get(ENDLESS))
            .compose(request -> request.send())
            .map(
                r -> {
                  r.handler(chunk -> first.tryComplete());
                  return r;
                })
            .await();
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
