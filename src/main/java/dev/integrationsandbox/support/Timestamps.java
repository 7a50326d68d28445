package dev.integrationsandbox.support;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * ISO-8601 instants with a fixed millisecond precision. {@code Instant.toString()} drops a zero
 * fraction and prints up to nine digits otherwise; clients that parse with a fixed pattern break on
 * that, and recordings diff badly.
 */
public final class Timestamps {
  private static final DateText ISO_MILLIS =
      DateText.of("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", ZoneOffset.UTC);

  private Timestamps() {}

  public static String iso(Instant instant) {
    return instant == null ? null : ISO_MILLIS.format(instant);
  }
}
