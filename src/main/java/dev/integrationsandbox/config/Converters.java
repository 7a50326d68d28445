package dev.integrationsandbox.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose refusals are one sentence naming what was expected. */
final class Converters {

  private Converters() {}

  /** An ISO-8601 duration, from 1 ms to 1 day. */
  static final class Timeout implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
      try {
        Duration d = Duration.parse(text.trim());
        if (d.toMillis() >= 1 && d.compareTo(Duration.ofDays(1)) <= 0) {
          return d;
        }
      } catch (DateTimeParseException e) {
        // refused below
      }
      throw new TypeConversionException(
          "must be an ISO-8601 duration from PT0.001S to P1D such as PT30S, got '" + text + "'");
    }
  }

  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      try {
        int p = Integer.parseInt(text.trim());
        if (p >= 0 && p <= 65535) {
          return p;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw new TypeConversionException("must be a port number 0-65535, got '" + text + "'");
    }
  }

  static final class Count implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String text) {
      try {
        int n = Integer.parseInt(text.trim());
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // refused below
      }
      throw new TypeConversionException("must be a positive whole number, got '" + text + "'");
    }
  }

  /** {@code 1MiB}, {@code 512KiB}, {@code 2MB}, {@code 1048576}: positive, at most 2 GiB. */
  static final class Size implements ITypeConverter<Long> {
    private static final List<Map.Entry<String, Long>> UNITS =
        List.of(
            Map.entry("gib", 1024L * 1024 * 1024),
            Map.entry("mib", 1024L * 1024),
            Map.entry("mb", 1000L * 1000),
            Map.entry("kib", 1024L),
            Map.entry("kb", 1000L),
            Map.entry("b", 1L));

    @Override
    public Long convert(String text) {
      String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
      long unit = 1;
      for (var suffix : UNITS) {
        if (t.endsWith(suffix.getKey())) {
          unit = suffix.getValue();
          t = t.substring(0, t.length() - suffix.getKey().length());
          break;
        }
      }
      try {
        long n = Math.multiplyExact(Long.parseLong(t), unit);
        if (n > 0 && n <= Integer.MAX_VALUE) {
          return n;
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // refused below
      }
      throw new TypeConversionException(
          "must be a size from 1 byte to 2GiB such as 1MiB, 512KiB or 1048576, got '" + text + "'");
    }
  }

  /**
   * An admin token must not be empty: an empty one would let any client in with an empty header.
   */
  static final class Token implements ITypeConverter<String> {
    @Override
    public String convert(String text) {
      if (text == null || text.isBlank()) {
        throw new TypeConversionException(
            "must not be empty (an empty token would open the admin API to anyone)");
      }
      return text;
    }
  }

  static final class Validation implements ITypeConverter<ResponseValidation> {
    @Override
    public ResponseValidation convert(String text) {
      for (ResponseValidation v : ResponseValidation.values()) {
        if (v.id().equalsIgnoreCase(text.trim())) {
          return v;
        }
      }
      throw new TypeConversionException("must be all, sampled or off, got '" + text + "'");
    }
  }
}
