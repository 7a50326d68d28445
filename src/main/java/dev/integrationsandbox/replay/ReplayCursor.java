package dev.integrationsandbox.replay;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Where one world is in a recording: for each request shape, how many of its recorded answers it
 * has had (so a create-then-close flow gets the open ticket, then the closed one, then the closed
 * one again), and which exchanges were ever served. Bounded by the recording: one counter per
 * distinct request, one bit per exchange.
 */
final class ReplayCursor {

  private final ConcurrentHashMap<ShapeKey, AtomicInteger> next = new ConcurrentHashMap<>();
  private final AtomicLongArray served;

  ReplayCursor(int exchanges) {
    this.served = new AtomicLongArray((exchanges + 63) / 64);
  }

  /** The next recorded answer of a shape, then the last one again; marks it served. */
  Recorded take(ShapeKey key, List<Recorded> answers) {
    int last = answers.size() - 1;
    int at =
        next.computeIfAbsent(key, k -> new AtomicInteger())
            .getAndUpdate(i -> Math.min(i + 1, last));
    Recorded answer = answers.get(at);
    int p = answer.position();
    served.getAndAccumulate(p >> 6, 1L << (p & 63), (a, b) -> a | b);
    return answer;
  }

  boolean served(int position) {
    return (served.get(position >> 6) & (1L << (position & 63))) != 0;
  }

  void reset() {
    next.clear();
    for (int i = 0; i < served.length(); i++) {
      served.set(i, 0);
    }
  }
}
