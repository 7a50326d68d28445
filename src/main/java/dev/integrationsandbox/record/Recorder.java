package dev.integrationsandbox.record;

import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every exchange to {@code --record-dir} as one JSON line ({@link RecordingLine}), appended
 * as the exchange completes. The event loop only hands the immutable exchange over; redaction,
 * encoding and the write happen on one writer thread, in order. The writer encodes every exchange
 * waiting into one buffer and hands the batch to the operating system in a single write; when it
 * has caught up it sleeps until the next exchange, woken once per turn of the event loop that
 * completed it. The answer waits for that write ({@link #onExchangeKept}): a client holding its
 * answer finds the exchange in the file, so a sandbox killed with {@code kill -9} loses only the
 * exchanges in flight, whose answers were not sent. A write cut short leaves a torn last line,
 * which {@link RecordingReader} skips.
 *
 * <p>Before a line is written, the redactor learns the secrets the exchange carried, and its last
 * check refuses a line that still holds any secret value it knows: the refusal is counted ({@code
 * sandbox_recording_refused_total}) and logged without the line. Files rotate past {@code
 * --record-file-size}. The queue to the writer is bounded: if the disk cannot keep up, exchanges
 * are dropped and counted ({@code sandbox_recording_dropped_total}) rather than held in memory
 * without limit or slowing the event loop.
 *
 * <p>An answer waits for its line at most {@code --record-wait}: when the disk stalls (full, a hung
 * network mount) a watchdog lets the answers go that have waited that long, counts their lines as
 * late ({@code sandbox_recording_late_total}) and says once a minute that the recording is behind.
 * The late lines are still written when the disk comes back, or counted as dropped if they cannot
 * be; meanwhile the queue's bound in bytes caps what they hold.
 */
public final class Recorder implements ExchangeListener {

  static final String PREFIX = "exchanges-";
  static final String SUFFIX = ".jsonl";

  /** Exchanges waiting for the writer; past it they are dropped and counted. */
  static final int QUEUE = 16_384;

  /**
   * The bytes the waiting exchanges may keep, bodies included; past it they are dropped and
   * counted. The journal lets go of an exchange by its own bound, so without this a writer behind a
   * slow disk would keep up to {@value #QUEUE} exchanges with their bodies.
   */
  static final long QUEUED_BYTES_MAX = 32L << 20;

  /** The most exchanges encoded into one write. */
  static final int BATCH = 256;

  /**
   * How long a woken writer waits for more exchanges before it writes: the answers wait that much
   * longer, and a write and a wake serve several exchanges instead of one or two.
   */
  static final long GATHER_NANOS = 100_000;

  /** The longest the writer sleeps between looks at the queue, should a wake ever be missed. */
  static final long IDLE_NANOS = 100_000_000;

  /** How often the recording may be said to be behind, in the log. */
  static final long BEHIND_LOGGED_NANOS = 60_000_000_000L;

  /** Opens a recording file for appending; a seam for tests whose disk stalls. */
  @FunctionalInterface
  interface Opener {
    OutputStream open(Path file) throws IOException;
  }

  private static final Logger LOG = LoggerFactory.getLogger(Recorder.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path folder;
  private final Redactor redactor;
  private final RecordingLine lines;
  private final long fileBytes;
  private final long waitNanos;
  private final long queuedBytesMax;
  private final Opener opener;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
  private final AtomicLong queuedBytes = new AtomicLong();

  /** Whether the writer has caught up and sleeps until woken. */
  private final AtomicBoolean idle = new AtomicBoolean();

  /** Per event-loop thread: whether a wake of the writer is due at the end of the current turn. */
  private final ThreadLocal<boolean[]> wakeDue = ThreadLocal.withInitial(() -> new boolean[1]);

  private final Thread writer;
  private final Thread watchdog;

  /**
   * The batch the writer is encoding or writing, for the watchdog; null between batches. Its
   * entries are those of the queue before it, so together they hold every exchange not yet kept.
   */
  private volatile Object[] inFlight;

  private long behindLoggedAt = System.nanoTime() - BEHIND_LOGGED_NANOS;
  private final Promise<Void> closed = Promise.promise();
  private final Counter written;
  private final Counter refused;
  private final Counter dropped;
  private final Counter late;
  private final LineBuffer batch = new LineBuffer();
  private volatile boolean closing;
  private OutputStream out;
  private long outBytes;
  private int pendingLines;
  private int files;

  /** Queued after the last exchange by {@link #close}. */
  private static final Object CLOSE = new Object();

  /**
   * @param folder an existing folder
   * @param mask replaces personal data in every line; null to record it as it came
   * @param bodyLimit bodies larger than this are recorded as their size only
   * @param wait the longest an answer waits for its line
   */
  public Recorder(
      Path folder,
      Redactor redactor,
      PersonalDataMask mask,
      long fileBytes,
      int bodyLimit,
      Duration wait,
      MeterRegistry registry) {
    this(
        folder,
        redactor,
        mask,
        fileBytes,
        bodyLimit,
        wait,
        QUEUED_BYTES_MAX,
        file -> new FileOutputStream(file.toFile(), true),
        registry);
  }

  /**
   * @param queuedBytesMax the bytes the exchanges waiting for the writer may keep
   * @param opener opens each recording file
   */
  Recorder(
      Path folder,
      Redactor redactor,
      PersonalDataMask mask,
      long fileBytes,
      int bodyLimit,
      Duration wait,
      long queuedBytesMax,
      Opener opener,
      MeterRegistry registry) {
    this.folder = folder;
    this.redactor = redactor;
    this.lines = new RecordingLine(redactor, mask, bodyLimit);
    this.fileBytes = fileBytes;
    this.waitNanos = wait.toNanos();
    this.queuedBytesMax = queuedBytesMax;
    this.opener = opener;
    this.written = Counter.builder("sandbox_recording_lines").register(registry);
    this.refused =
        Counter.builder("sandbox_recording_refused")
            .description("lines not written because they still held a known secret")
            .register(registry);
    this.dropped =
        Counter.builder("sandbox_recording_dropped")
            .description("exchanges not recorded because the writer fell behind")
            .register(registry);
    this.late =
        Counter.builder("sandbox_recording_late")
            .description("answers sent before their line was written, which waited --record-wait")
            .register(registry);
    this.writer = new Thread(this::run, "sandbox-recorder");
    writer.setDaemon(true);
    writer.start();
    this.watchdog = new Thread(this::watch, "sandbox-recorder-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
  }

  @Override
  public void onExchange(Exchange exchange) {
    onExchangeKept(exchange);
  }

  /**
   * Queues the exchange for the writer; completes on the caller's context once its line is written
   * (or refused, or failed to be), at once when it is not recorded (replayed, or dropped because
   * the writer is too far behind).
   */
  @Override
  public Future<Void> onExchangeKept(Exchange exchange) {
    if (exchange.replayed()) {
      return Future.succeededFuture();
    }
    long bytes = exchange.retainedBytes();
    Pending pending = new Pending(exchange, Vertx.currentContext());
    if (closing || queuedBytes.addAndGet(bytes) > queuedBytesMax || !queue.offer(pending)) {
      queuedBytes.addAndGet(-bytes);
      dropped.increment();
      return Future.succeededFuture();
    }
    if (closing) {
      pending.kept().tryComplete();
    } else if (idle.get()) {
      wake();
    }
    return pending.kept().future();
  }

  /**
   * An exchange waiting for the writer, and whom to tell once it is written (or once it has waited
   * {@code --record-wait}, whichever comes first).
   */
  private static final class Pending {
    private final Exchange exchange;
    private final Context context;
    private final Promise<Void> kept = Promise.promise();
    private final long queuedAt = System.nanoTime();

    /** Set by the watchdog, which has let the answer go. */
    private volatile boolean late;

    Pending(Exchange exchange, Context context) {
      this.exchange = exchange;
      this.context = context;
    }

    Exchange exchange() {
      return exchange;
    }

    Context context() {
      return context;
    }

    Promise<Void> kept() {
      return kept;
    }
  }

  /**
   * Wakes an idle writer at the end of the event loop's current turn, once for every exchange that
   * turn completed: waking it per exchange (a futex call on the event loop and two context switches
   * each) cost more than encoding the line, while a turn's exchanges go out in one write.
   */
  private void wake() {
    Context context = Vertx.currentContext();
    if (context == null || !context.isEventLoopContext()) {
      wakeIfIdle();
      return;
    }
    boolean[] due = wakeDue.get();
    if (!due[0]) {
      due[0] = true;
      context.runOnContext(
          v -> {
            due[0] = false;
            wakeIfIdle();
          });
    }
  }

  private void wakeIfIdle() {
    if (idle.compareAndSet(true, false)) {
      LockSupport.unpark(writer);
    }
  }

  /** The bytes the exchanges waiting for the writer keep. */
  long queuedBytes() {
    return queuedBytes.get();
  }

  /**
   * Drains the queue a batch at a time; once it is empty, marks itself idle and sleeps until {@link
   * #wake} (the mark is set before the last look at the queue, so an exchange queued meanwhile is
   * either seen here or wakes the writer).
   */
  private void run() {
    List<Object> taken = new ArrayList<>(BATCH);
    while (true) {
      queue.drainTo(taken, BATCH);
      inFlight = taken.isEmpty() ? null : taken.toArray();
      for (Object next : taken) {
        if (next instanceof Pending p) {
          encode(p.exchange());
          queuedBytes.addAndGet(-p.exchange().retainedBytes());
        }
      }
      flush();
      tellKept(taken, false);
      inFlight = null;
      if (taken.contains(CLOSE) || (closing && queue.isEmpty())) {
        break;
      }
      if (taken.size() < BATCH) {
        idle.set(true);
        if (queue.isEmpty() && !closing) {
          LockSupport.parkNanos(this, IDLE_NANOS);
          idle.set(false);
          LockSupport.parkNanos(this, GATHER_NANOS);
        }
        idle.set(false);
      }
      taken.clear();
    }
    closeQuietly();
    taken.clear();
    queue.drainTo(taken);
    tellKept(taken, false);
    closed.tryComplete();
  }

  /**
   * Completes the batch's exchanges on their event loops: one task per event loop for the whole
   * batch, rather than one per exchange. Those the watchdog let go already are skipped, unless
   * {@code overdue} (the watchdog's own call).
   */
  private static void tellKept(List<Object> taken, boolean overdue) {
    Map<Context, List<Promise<Void>>> byContext = new IdentityHashMap<>(4);
    for (Object next : taken) {
      if (next instanceof Pending p && (overdue || !p.late)) {
        if (p.context() == null) {
          p.kept().tryComplete();
        } else {
          byContext.computeIfAbsent(p.context(), c -> new ArrayList<>()).add(p.kept());
        }
      }
    }
    byContext.forEach(
        (context, kept) -> context.runOnContext(v -> kept.forEach(Promise::tryComplete)));
  }

  /**
   * Every {@code --record-wait} / 4, lets go the answers that have waited {@code --record-wait} for
   * their lines (the writer's batch first, then the queue, oldest first) until the recorder closes.
   * One thread looking a few times a second costs nothing per exchange, where a timer per answer
   * would cost every answer a timer set and cancelled on its event loop.
   */
  private void watch() {
    long tick = Math.max(1_000_000, Math.min(waitNanos / 4, 250_000_000));
    while (!closed.future().isComplete()) {
      LockSupport.parkNanos(this, tick);
      long deadline = System.nanoTime() - waitNanos;
      List<Object> overdue = new ArrayList<>();
      Object[] batch = inFlight;
      if (batch != null) {
        collectOverdue(Arrays.asList(batch), deadline, overdue);
      }
      Object head = queue.peek();
      if (head instanceof Pending p && p.queuedAt - deadline < 0) {
        collectOverdue(queue, deadline, overdue);
      }
      if (!overdue.isEmpty()) {
        late.increment(overdue.size());
        tellKept(overdue, true);
        logBehind(overdue.size());
      }
    }
  }

  /** Marks and adds to {@code overdue} the exchanges queued before {@code deadline}, in order. */
  private static void collectOverdue(
      Iterable<Object> waiting, long deadline, List<Object> overdue) {
    for (Object next : waiting) {
      if (next instanceof Pending p && !p.late) {
        if (p.queuedAt - deadline >= 0) {
          return;
        }
        overdue.add(p);
        p.late = true;
      }
    }
  }

  private void logBehind(int answers) {
    long now = System.nanoTime();
    if (now - behindLoggedAt >= BEHIND_LOGGED_NANOS) {
      behindLoggedAt = now;
      LOG.warn(
          "recording to {} is behind: {} answers went without waiting for their lines (more than"
              + " {} ms); the lines are written when the disk allows (sandbox_recording_late_total)",
          folder,
          answers,
          waitNanos / 1_000_000);
    }
  }

  /** Encodes one line into the batch, or cuts it off again when it still holds a secret. */
  private void encode(Exchange e) {
    int start = batch.size();
    try {
      redactor.learn(e.requestHeaders(), null, null);
      lines.append(e, batch);
    } catch (RuntimeException ex) {
      batch.truncate(start);
      dropped.increment();
      LOG.warn(
          "{} {} exchange {} not recorded: {}", e.vendor(), e.operationId(), e.id(), ex.toString());
      return;
    }
    if (redactor.leaksInBytes(batch.bytesAsText(start))) {
      batch.truncate(start);
      refused.increment();
      LOG.warn(
          "{} {} exchange {} not recorded: it still held a secret after redaction",
          e.vendor(),
          e.operationId(),
          e.id());
      return;
    }
    long lineBytes = batch.size() - start;
    if (outBytes + start > 0 && outBytes + start + lineBytes > fileBytes) {
      write(start, pendingLines);
      closeQuietly();
    }
    pendingLines++;
  }

  /** Writes the whole batch to the current file, in one write. */
  private void flush() {
    write(batch.size(), pendingLines);
  }

  /** Writes the first {@code bytes} of the batch, which hold {@code count} lines, to the file. */
  private void write(int bytes, int count) {
    if (bytes == 0) {
      return;
    }
    try {
      if (out == null) {
        rotate();
      }
      batch.drainTo(out, bytes);
      outBytes += bytes;
      written.increment(count);
    } catch (IOException ex) {
      batch.discard(bytes);
      dropped.increment(count);
      LOG.warn("recording to {} failed: {}", folder, ex.toString());
      closeQuietly();
    }
    pendingLines -= count;
  }

  private void rotate() throws IOException {
    closeQuietly();
    files++;
    Path file =
        folder.resolve(
            PREFIX + STAMP.format(Instant.now()) + "-" + String.format("%04d", files) + SUFFIX);
    out = opener.open(file);
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
    outBytes = 0;
  }

  /**
   * Writes what is queued, closes the file and stops the writer; never blocks the caller. Exchanges
   * that arrive afterwards are counted as dropped.
   */
  public Future<Void> close() {
    closing = true;
    queue.offer(CLOSE);
    LockSupport.unpark(writer);
    return closed.future();
  }
}
