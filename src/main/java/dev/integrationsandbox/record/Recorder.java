package dev.integrationsandbox.record;

import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every exchange to {@code --record-dir} as one JSON line ({@link RecordingLine}), appended
 * as the exchange completes. The event loop only hands the immutable exchange over; redaction,
 * encoding and the write happen on one writer thread, in order. Each line reaches the operating
 * system in a single write, so a sandbox killed with {@code kill -9} loses at most the line being
 * written, and {@link RecordingReader} skips a torn last line.
 *
 * <p>Before a line is written, the redactor learns the secrets the exchange carried, and its last
 * check refuses a line that still holds any secret value it knows: the refusal is counted ({@code
 * sandbox_recording_refused_total}) and logged without the line. Files rotate past {@code
 * --record-file-size}. The queue to the writer is bounded: if the disk cannot keep up, exchanges
 * are dropped and counted ({@code sandbox_recording_dropped_total}) rather than held in memory
 * without limit or slowing the event loop.
 */
public final class Recorder implements ExchangeListener {

  static final String PREFIX = "exchanges-";
  static final String SUFFIX = ".jsonl";

  /** Exchanges waiting for the writer; past it they are dropped and counted. */
  static final int QUEUE = 16_384;

  private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path folder;
  private final Redactor redactor;
  private final PersonalDataMask mask;
  private final long fileBytes;
  private final int bodyLimit;
  private final ThreadPoolExecutor writer;
  private final Counter written;
  private final Counter refused;
  private final Counter dropped;
  private OutputStream out;
  private long outBytes;
  private int files;

  /**
   * @param folder an existing folder
   * @param mask replaces personal data in every line; null to record it as it came
   * @param bodyLimit bodies larger than this are recorded as their size only
   */
  public Recorder(
      Path folder,
      Redactor redactor,
      PersonalDataMask mask,
      long fileBytes,
      int bodyLimit,
      MeterRegistry registry) {
    this.folder = folder;
    this.redactor = redactor;
    this.mask = mask;
    this.fileBytes = fileBytes;
    this.bodyLimit = bodyLimit;
    this.writer =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            r -> {
              Thread t = new Thread(r, "sandbox-recorder");
              t.setDaemon(true);
              return t;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.written = Counter.builder("sandbox_recording_lines").register(registry);
    this.refused =
        Counter.builder("sandbox_recording_refused")
            .description("lines not written because they still held a known secret")
            .register(registry);
    this.dropped =
        Counter.builder("sandbox_recording_dropped")
            .description("exchanges not recorded because the writer fell behind")
            .register(registry);
  }

  @Override
  public void onExchange(Exchange exchange) {
    if (exchange.replayed()) {
      return;
    }
    try {
      writer.execute(() -> write(exchange));
    } catch (RejectedExecutionException e) {
      dropped.increment();
    }
  }

  private void write(Exchange e) {
    redactor.learn(
        e.requestHeaders(), e.requestBody().kept(), e.requestHeaders().get("Content-Type"));
    redactor.learn(null, e.responseBody().kept(), e.responseContentType());
    String line = RecordingLine.of(e, redactor, mask, bodyLimit).encode();
    if (redactor.leaks(line)) {
      refused.increment();
      LOG.warn(
          "{} {} exchange {} not recorded: it still held a secret after redaction",
          e.vendor(),
          e.operationId(),
          e.id());
      return;
    }
    byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
    try {
      if (out == null || (outBytes > 0 && outBytes + bytes.length > fileBytes)) {
        rotate();
      }
      out.write(bytes);
      outBytes += bytes.length;
      written.increment();
    } catch (IOException ex) {
      dropped.increment();
      LOG.warn("recording to {} failed: {}", folder, ex.toString());
      closeQuietly();
    }
  }

  private void rotate() throws IOException {
    closeQuietly();
    files++;
    Path file =
        folder.resolve(
            PREFIX + STAMP.format(Instant.now()) + "-" + String.format("%04d", files) + SUFFIX);
    out = new FileOutputStream(file.toFile(), true);
    outBytes = 0;
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.warn("closing a recording failed: {}", e.toString());
      }
      out = null;
    }
  }

  /** Writes what is queued, closes the file and stops the writer; never blocks the caller. */
  public Future<Void> close() {
    Promise<Void> done = Promise.promise();
    try {
      writer.execute(
          () -> {
            closeQuietly();
            done.complete();
          });
    } catch (RejectedExecutionException e) {
      done.complete();
    }
    writer.shutdown();
    return done.future();
  }
}
