package dev.integrationsandbox.exchange;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The latest exchanges, bounded both in count and in bytes: a sandbox under a CI suite's thousands
 * of calls, or a load test of megabyte bodies, runs in constant memory. The oldest exchanges leave
 * first. Appends and reads take no lock, so event loops never wait on each other; a reader racing a
 * writer may miss the newest exchange, never see a torn one.
 */
public final class Journal implements ExchangeListener {

  private final int maxCount;
  private final long maxBytes;
  private final ConcurrentLinkedDeque<Entry> entries = new ConcurrentLinkedDeque<>();

  /**
   * An exchange with its size, reckoned once: {@link Exchange#retainedBytes()} walks both header
   * maps, and reckoning it again when the exchange leaves doubled that cost.
   */
  private record Entry(Exchange exchange, long bytes) {}

  private final AtomicInteger count = new AtomicInteger();
  private final AtomicLong bytes = new AtomicLong();

  public Journal(int maxCount, long maxBytes) {
    this.maxCount = maxCount;
    this.maxBytes = maxBytes;
  }

  @Override
  public void onExchange(Exchange exchange) {
    if (maxCount <= 0) {
      return;
    }
    Entry entry = new Entry(exchange, exchange.retainedBytes());
    entries.addLast(entry);
    count.incrementAndGet();
    bytes.addAndGet(entry.bytes());
    while (count.get() > maxCount || bytes.get() > maxBytes) {
      Entry oldest = entries.pollFirst();
      if (oldest == null) {
        break;
      }
      count.decrementAndGet();
      bytes.addAndGet(-oldest.bytes());
    }
  }

  /** Newest first, at most {@code limit}, those matching the filter. */
  public List<Exchange> latest(Predicate<Exchange> filter, int limit) {
    List<Exchange> found = new ArrayList<>(Math.min(limit, 64));
    Iterator<Entry> newestFirst = entries.descendingIterator();
    while (newestFirst.hasNext() && found.size() < limit) {
      Exchange e = newestFirst.next().exchange();
      if (filter.test(e)) {
        found.add(e);
      }
    }
    return found;
  }

  public Optional<Exchange> find(String id) {
    return latest(e -> e.id().equals(id), 1).stream().findFirst();
  }

  /** The bytes held now; never more than the configured bound once an append returns. */
  public long retainedBytes() {
    return bytes.get();
  }

  public void clear() {
    Entry e;
    while ((e = entries.pollFirst()) != null) {
      count.decrementAndGet();
      bytes.addAndGet(-e.bytes());
    }
  }
}
