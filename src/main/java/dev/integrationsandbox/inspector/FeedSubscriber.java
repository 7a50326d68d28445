package dev.integrationsandbox.inspector;

import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One open page's server-sent event stream. Exchanges arrive from any event loop into a queue that
 * keeps the newest {@value #MAX_PENDING}; the page's own event loop turns them into JSON and writes
 * them in one batch every {@value #FLUSH_MS} ms, only while the connection's write queue has room.
 * So a page costs a request one enqueue whatever the traffic, and the server encodes at most
 * {@value #MAX_PENDING} summaries per flush: at saturation the older ones are dropped, counted, and
 * the page is told ({@code event: dropped}) so that it reloads the journal. Waking the page's event
 * loop for each exchange instead made a page at 20,000 exchanges/s nearly double the server's CPU
 * per request.
 */
final class FeedSubscriber {

  static final int MAX_PENDING = 200;
  static final long FLUSH_MS = 100;

  private final Context context;
  private final HttpServerResponse response;
  private final Function<Exchange, JsonObject> summary;
  private final Runnable onDrop;
  private final Queue<Exchange> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private long droppedTold;
  private long timer = -1;

  FeedSubscriber(
      Context context,
      HttpServerResponse response,
      Function<Exchange, JsonObject> summary,
      Runnable onDrop) {
    this.context = context;
    this.response = response;
    this.summary = summary;
    this.onDrop = onDrop;
  }

  /** Starts the flushes; on the page's event loop. */
  void start() {
    timer = context.owner().setPeriodic(FLUSH_MS, id -> flush());
  }

  /** Stops them when the page goes; the queue is then left to the collector. */
  void stop() {
    if (timer >= 0) {
      context.owner().cancelTimer(timer);
    }
  }

  void offer(Exchange exchange) {
    pending.add(exchange);
    if (size.incrementAndGet() > MAX_PENDING && pending.poll() != null) {
      size.decrementAndGet();
      dropped.incrementAndGet();
      onDrop.run();
    }
  }

  /** On the page's event loop: everything that waits, in one write. */
  private void flush() {
    if (response.closed() || response.ended() || response.writeQueueFull()) {
      return;
    }
    Buffer batch = Buffer.buffer();
    long lost = dropped.get();
    if (lost != droppedTold) {
      droppedTold = lost;
      batch.appendString("event: dropped\ndata: {\"dropped\":" + lost + "}\n\n");
    }
    Exchange next;
    while ((next = pending.poll()) != null) {
      size.decrementAndGet();
      batch.appendString("event: exchange\ndata: ").appendString(summary.apply(next).encode());
      batch.appendString("\n\n");
    }
    if (batch.length() > 0) {
      response.write(batch);
    }
  }
}
