package dev.integrationsandbox.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 instants with a fixed millisecond precision. {@code Instant.toString()} drops a zero
 * fraction and prints up to nine digits otherwise; clients that parse with a fixed pattern break on
 * that, and recordings diff badly.
 */
public final class Timestamps {
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static String iso(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }
}
