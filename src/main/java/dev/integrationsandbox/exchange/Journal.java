package dev.integrationsandbox.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The latest exchanges, in a fixed-size ring: a sandbox under a CI suite's thousands of calls must
 * not grow without bound, and appending must not lock the event loops against each other.
 *
 * <p>Appends claim a slot with one atomic increment; readers walk back from the newest slot. A
 * reader racing a writer may miss the exchange being written, never see a torn one.
 */
public final class Journal {

  private final AtomicReferenceArray<Exchange> ring;
  private final AtomicLong next = new AtomicLong();

  public Journal(int capacity) {
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  public void append(Exchange exchange) {
    long slot = next.getAndIncrement();
    ring.set((int) (slot % ring.length()), exchange);
  }

  /** Newest first, at most {@code limit}, those matching the filter. */
  public List<Exchange> latest(Predicate<Exchange> filter, int limit) {
    List<Exchange> found = new ArrayList<>(Math.min(limit, 64));
    long newest = next.get() - 1;
    long oldest = Math.max(0, newest - ring.length() + 1);
    for (long slot = newest; slot >= oldest && found.size() < limit; slot--) {
      Exchange e = ring.get((int) (slot % ring.length()));
      if (e != null && filter.test(e)) {
        found.add(e);
      }
    }
    return found;
  }

  public void clear() {
    for (int i = 0; i < ring.length(); i++) {
      ring.set(i, null);
    }
  }
}
