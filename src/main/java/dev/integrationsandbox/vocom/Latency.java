package dev.integrationsandbox.vocom;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long to hold an answer back. The real {@code call_services} sleeps about ten seconds before
 * answering, and client timeouts are tuned to that; tests that do not care want it short. Written
 * in configuration as an ISO-8601 duration ({@code PT10S}, {@code PT0.2S}, {@code PT0S}), or a
 * range {@code PT0.1S..PT2S} picked uniformly per request.
 */
public record Latency(Duration min, Duration max) {

  /** What the vendor's {@code call_services} takes (originate after 3 s, answer after 10 s). */
  public static final Latency VOCOM_CALL_SERVICES = new Latency(Duration.ofSeconds(10));

  public static final Latency NONE = new Latency(Duration.ZERO);

  public Latency {
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("latency needs 0 <= min <= max, got " + min + ".." + max);
    }
  }

  public Latency(Duration fixed) {
    this(fixed, fixed);
  }

  /**
   * Reads the configuration form: an ISO-8601 duration ({@code PT10S}, {@code PT0.2S}), the
   * sandbox's one duration syntax, or a range of two ({@code PT8S..PT12S}).
   */
  public static Latency parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty latency");
    }
    String t = text.trim();
    int dots = t.indexOf("..");
    if (dots >= 0) {
      return new Latency(
          duration(t.substring(0, dots), text), duration(t.substring(dots + 2), text));
    }
    return new Latency(duration(t, text));
  }

  public boolean fixed() {
    return min.equals(max);
  }

  /** The delay for one request: {@code min} if fixed, else uniform in [min, max]. */
  public Duration pick(RandomGenerator random) {
    if (fixed()) {
      return min;
    }
    long lo = min.toNanos();
    long hi = max.toNanos();
    return Duration.ofNanos(lo + random.nextLong(hi - lo + 1));
  }

  @Override
  public String toString() {
    return fixed() ? min.toString() : min + ".." + max;
  }

  private static Duration duration(String part, String whole) {
    try {
      return Duration.parse(part.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "latency \""
              + whole
              + "\": expected an ISO-8601 duration such as PT10S, PT0.2S or a"
              + " range PT8S..PT12S");
    }
  }
}
