package dev.integrationsandbox.vocom;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long to hold an answer back. The real {@code call_services} sleeps about ten seconds before
 * answering, and client timeouts are tuned to that; tests that do not care want it short. Written
 * in configuration as {@code "10s"}, {@code "200ms"}, {@code "1.5s"}, {@code "1m"}, {@code "0"}, or
 * a range {@code "100ms..2s"} picked uniformly per request.
 */
public record Latency(Duration min, Duration max) {

  /** What the vendor's {@code call_services} takes (originate after 3 s, answer after 10 s). */
  public static final Latency VOCOM_CALL_SERVICES = new Latency(Duration.ofSeconds(10));

  public static final Latency NONE = new Latency(Duration.ZERO);

  private static final Pattern ONE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

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

  /** Reads the configuration form; the unit may be omitted only for zero. */
  public static Latency parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty latency");
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
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
    return fixed() ? format(min) : format(min) + ".." + format(max);
  }

  private static Duration duration(String part, String whole) {
    Matcher m = ONE.matcher(part.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "latency \"" + whole + "\": expected e.g. 200ms, 10s, 1m or 100ms..2s");
    }
    BigDecimal amount = new BigDecimal(m.group(1));
    String unit = m.group(2);
    if (unit == null) {
      if (amount.signum() != 0) {
        throw new IllegalArgumentException("latency \"" + whole + "\": unit missing (ms, s, m)");
      }
      return Duration.ZERO;
    }
    BigDecimal millis =
        switch (unit) {
          case "ms" -> amount;
          case "s" -> amount.movePointRight(3);
          default -> amount.multiply(BigDecimal.valueOf(60_000));
        };
    return Duration.ofNanos(millis.movePointRight(6).longValueExact());
  }

  private static String format(Duration d) {
    long ms = d.toMillis();
    if (d.toNanos() % 1_000_000 != 0) {
      return d.toNanos() / 1_000_000.0 + "ms";
    }
    return ms != 0 && ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
