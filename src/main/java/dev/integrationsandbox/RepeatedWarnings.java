package dev.integrationsandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Marker;

/**
 * Lets each kind of warning or error (one logger, one message pattern) through at most {@value
 * #PER_WINDOW} times in {@value #WINDOW_MILLIS} ms: a client that repeats one mistake ten thousand
 * times a second must not fill the disk with the same line. Lines below WARN (the request log) are
 * never limited.
 */
final class RepeatedWarnings extends TurboFilter {

  static final int PER_WINDOW = 20;
  static final long WINDOW_MILLIS = 10_000;
  private static final int MAX_KINDS = 1_000;

  private record Window(long start, AtomicLong count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  @Override
  public FilterReply decide(
      Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    if (windows.size() > MAX_KINDS) {
      windows.clear();
    }
    long now = System.currentTimeMillis();
    String kind = logger.getName() + '|' + format;
    Window window =
        windows.compute(
            kind,
            (k, w) ->
                w == null || now - w.start() > WINDOW_MILLIS
                    ? new Window(now, new AtomicLong())
                    : w);
    return window.count().incrementAndGet() <= PER_WINDOW ? FilterReply.NEUTRAL : FilterReply.DENY;
  }
}
