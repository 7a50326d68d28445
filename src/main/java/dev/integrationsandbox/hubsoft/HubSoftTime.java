package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.support.DateText;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * HubSoft's date formats, all in São Paulo local time: the vendor's samples pair {@code "2020-03-05
 * 14:52:00"} with the epoch {@code 1583430720000} (17:52 UTC). The summary views use {@code
 * dd/MM/yyyy} and {@code dd/MM/yyyy HH:mm:ss}, the database rows {@code yyyy-MM-dd HH:mm:ss},
 * protocols {@code yyyyMMddHHmmss}.
 */
final class HubSoftTime {

  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  private static final DateText DATE_BR = DateText.of("dd/MM/uuuu", ZONE);
  private static final DateText DATE_TIME_BR = DateText.of("dd/MM/uuuu HH:mm:ss", ZONE);
  private static final DateText MINUTE_BR = DateText.of("dd/MM/uuuu HH:mm", ZONE);
  private static final DateText DB = DateText.of("uuuu-MM-dd HH:mm:ss", ZONE);
  private static final DateText DAY = DateText.of("uuuu-MM-dd", ZONE);
  private static final DateText PROTOCOL = DateText.of("uuuuMMddHHmmss", ZONE);

  private HubSoftTime() {}

  static String dateBr(Instant at) {
    return at == null ? null : DATE_BR.format(at);
  }

  static String dateTimeBr(Instant at) {
    return at == null ? null : DATE_TIME_BR.format(at);
  }

  static String minuteBr(Instant at) {
    return at == null ? null : MINUTE_BR.format(at);
  }

  static String db(Instant at) {
    return at == null ? null : DB.format(at);
  }

  static long protocolStamp(Instant at) {
    return Long.parseLong(PROTOCOL.format(at));
  }

  static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZONE);
  }

  /** A fixture's {@code yyyy-MM-dd HH:mm:ss}, or null. */
  static Instant parseDb(String text) {
    return text == null ? null : LocalDateTime.parse(text, DB.formatter()).atZone(ZONE).toInstant();
  }

  /** A request's {@code Y-m-d} date, or null when it is not one (Laravel's date_format). */
  static LocalDate parseDay(String text) {
    try {
      return LocalDate.parse(text, DAY.formatter());
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
