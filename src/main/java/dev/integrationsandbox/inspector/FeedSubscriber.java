package dev.integrationsandbox.inspector;

import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One open page's server-sent event stream. Exchanges arrive from any event loop and wait in a
 * queue of at most {@value #MAX_PENDING}; they are turned into JSON and written on the page's own
 * event loop, only while the connection's write queue has room. What does not fit is dropped and
 * counted, and the page is told ({@code event: dropped}) so that it reloads the journal.
 */
final class FeedSubscriber {

  static final int MAX_PENDING = 256;
  private static final int BATCH_BYTES = 32 * 1024;

  private final Context context;
  private final HttpServerResponse response;
  private final Function<Exchange, JsonObject> summary;
  private final Runnable onDrop;
  private final Queue<Exchange> pending = new ConcurrentLinkedQueue<>();
  private final AtomicInteger size = new AtomicInteger();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private long droppedTold;

  FeedSubscriber(
      Context context,
      HttpServerResponse response,
      Function<Exchange, JsonObject> summary,
      Runnable onDrop) {
    this.context = context;
    this.response = response;
    this.summary = summary;
    this.onDrop = onDrop;
    response.drainHandler(v -> drain());
  }

  void offer(Exchange exchange) {
    if (size.incrementAndGet() > MAX_PENDING) {
      size.decrementAndGet();
      dropped.incrementAndGet();
      onDrop.run();
    } else {
      pending.add(exchange);
    }
    if (scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  /**
   * On the page's event loop: writes what waits while the connection takes it, many events to a
   * write, since a write each would cost a system call per exchange under load.
   */
  private void drain() {
    scheduled.set(false);
    if (response.closed() || response.ended()) {
      return;
    }
    while (!response.writeQueueFull()) {
      Buffer batch = Buffer.buffer();
      long lost = dropped.get();
      if (lost != droppedTold) {
        droppedTold = lost;
        batch.appendString("event: dropped\ndata: {\"dropped\":" + lost + "}\n\n");
      }
      Exchange next;
      while (batch.length() < BATCH_BYTES && (next = pending.poll()) != null) {
        size.decrementAndGet();
        batch.appendString("event: exchange\ndata: ").appendString(summary.apply(next).encode());
        batch.appendString("\n\n");
      }
      if (batch.length() == 0) {
        return;
      }
      response.write(batch);
    }
  }
}
