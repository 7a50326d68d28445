package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that stalls (full, a hung network mount) must not hang the answers that wait for their
 * recording lines: each goes once it has waited {@code --record-wait}, its line is counted late and
 * written when the disk comes back, and what waits meanwhile is bounded in bytes. The server here
 * answers as the pipeline does, once {@link Recorder#onExchangeKept} completes, over real HTTP; the
 * recording file's writes block until the test lets them go.
 */
class StalledDiskRecorderTest {

  static final Duration WAIT = Duration.ofMillis(200);

  /** The watchdog looks every WAIT / 4; the rest is for a loaded machine. */
  static final long MARGIN_MS = 800;

  @TempDir Path folder;

  private final Vertx vertx = Vertx.vertx();
  private final CountDownLatch diskBack = new CountDownLatch(1);

  @AfterEach
  void close() {
    diskBack.countDown();
    vertx.close().await();
  }

  /** A file whose writes wait until the disk comes back. */
  private OutputStream stalling(Path file) throws IOException {
    return new FilterOutputStream(new FileOutputStream(file.toFile(), true)) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        try {
          diskBack.await();
        } catch (InterruptedException e) {
          throw new InterruptedIOException();
        }
        out.write(b, off, len);
      }
    };
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void answersGoAfterTheWaitWhileTheDiskStallsAndTheirLinesFollow() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    long exchangeBytes = RecorderTest.exchange("{\"n\":1}").retainedBytes();
    Recorder recorder =
        new Recorder(
            folder,
            new Redactor(Set.of()),
            null,
            1L << 30,
            4096,
            WAIT,
            10 * exchangeBytes,
            this::stalling,
            registry);
    HttpServer server =
        vertx
            .createHttpServer()
            .requestHandler(
                request ->
                    recorder
                        .onExchangeKept(RecorderTest.exchange("{\"n\":1}"))
                        .onComplete(kept -> request.response().end("answered")))
            .listen(0)
            .await();
    WebClient client =
        WebClient.create(vertx, new WebClientOptions().setDefaultPort(server.actualPort()));

    long first = System.nanoTime();
    assertEquals("answered", client.get("/").send().await().bodyAsString());
    long firstMs = (System.nanoTime() - first) / 1_000_000;
    assertTrue(firstMs >= WAIT.toMillis() - 10, "the answer waited for its line: " + firstMs);
    assertTrue(firstMs < WAIT.toMillis() + MARGIN_MS, "answered within the wait: " + firstMs);

    int more = 30;
    long start = System.nanoTime();
    List<Future<?>> answers = new ArrayList<>();
    for (int i = 0; i < more; i++) {
      answers.add(client.get("/").send());
    }
    Future.all(answers).await();
    long allMs = (System.nanoTime() - start) / 1_000_000;
    assertTrue(allMs < WAIT.toMillis() + MARGIN_MS, "all answered within the wait: " + allMs);

    double late = registry.get("sandbox_recording_late").counter().count();
    double dropped = registry.get("sandbox_recording_dropped").counter().count();
    assertTrue(late >= 1, "late lines counted: " + late);
    assertTrue(dropped >= 1, "past the queue's bytes, lines dropped: " + dropped);
    assertTrue(recorder.queuedBytes() <= 10 * exchangeBytes, "bounded: " + recorder.queuedBytes());
    assertEquals(0, RecordingReader.readFolder(folder).size(), "nothing written yet");

    diskBack.countDown();
    recorder.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(1 + more, late + dropped, "each answer that did not wait is late or dropped");
    assertEquals(
        1 + more - (int) dropped,
        RecordingReader.readFolder(folder).size(),
        "the late lines are written once the disk is back");
  }
}
