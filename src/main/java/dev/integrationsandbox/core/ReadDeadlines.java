package dev.integrationsandbox.core;

import io.vertx.core.Vertx;

/**
 * The bodies being read on one event loop, oldest first, each with its read deadline, and one
 * periodic sweep that expires the late ones: a timer per request cost a map entry, a close hook and
 * a scheduled task on the event loop (a body rarely comes in the packets of its head, so nearly
 * every request armed one). All bodies share the read timeout, so the oldest deadline is always
 * first and a sweep stops at the first one still running. A body is expired between its timeout and
 * a tenth of it later; the sweep runs only while some body is being read.
 *
 * <p>Not thread-safe: one instance serves the routes of one verticle, on its event loop.
 */
final class ReadDeadlines {

  private final Vertx vertx;
  private final long timeoutNanos;
  private final long periodMillis;
  private Watch first;
  private Watch last;
  private long sweep = -1;

  ReadDeadlines(Vertx vertx, long timeoutMillis) {
    this.vertx = vertx;
    this.timeoutNanos = timeoutMillis * 1_000_000;
    this.periodMillis = Math.max(1, timeoutMillis / 10);
  }

  /** One body under watch; {@link #done} ends the watch. */
  final class Watch {
    private final long deadline = System.nanoTime() + timeoutNanos;
    private final Runnable onExpiry;
    private Watch previous;
    private Watch next;
    private boolean watched = true;

    private Watch(Runnable onExpiry) {
      this.onExpiry = onExpiry;
    }

    /** The body ended, failed or expired: it is no longer watched (again is harmless). */
    void done() {
      if (!watched) {
        return;
      }
      watched = false;
      if (previous == null) {
        first = next;
      } else {
        previous.next = next;
      }
      if (next == null) {
        last = previous;
      } else {
        next.previous = previous;
      }
      previous = null;
      next = null;
    }
  }

  /**
   * Watches a body from now: {@code onExpiry} runs once, if it is still watched at its deadline.
   */
  Watch watch(Runnable onExpiry) {
    Watch w = new Watch(onExpiry);
    w.previous = last;
    if (last == null) {
      first = w;
    } else {
      last.next = w;
    }
    last = w;
    if (sweep < 0) {
      sweep = vertx.setPeriodic(periodMillis, id -> sweep());
    }
    return w;
  }

  private void sweep() {
    long now = System.nanoTime();
    while (first != null && now - first.deadline >= 0) {
      Watch late = first;
      late.done();
      late.onExpiry.run();
    }
    if (first == null) {
      vertx.cancelTimer(sweep);
      sweep = -1;
    }
  }
}
