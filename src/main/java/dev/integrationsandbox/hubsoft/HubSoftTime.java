package dev.integrationsandbox.hubsoft;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * HubSoft's date formats, all in São Paulo local time: the vendor's samples pair {@code "2020-03-05
 * 14:52:00"} with the epoch {@code 1583430720000} (17:52 UTC). The summary views use {@code
 * dd/MM/yyyy} and {@code dd/MM/yyyy HH:mm:ss}, the database rows {@code yyyy-MM-dd HH:mm:ss},
 * protocols {@code yyyyMMddHHmmss}.
 */
final class HubSoftTime {

  static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

  private static final DateTimeFormatter DATE_BR = pattern("dd/MM/uuuu");
  private static final DateTimeFormatter DATE_TIME_BR = pattern("dd/MM/uuuu HH:mm:ss");
  private static final DateTimeFormatter MINUTE_BR = pattern("dd/MM/uuuu HH:mm");
  private static final DateTimeFormatter DB = pattern("uuuu-MM-dd HH:mm:ss");
  private static final DateTimeFormatter DAY = pattern("uuuu-MM-dd");
  private static final DateTimeFormatter PROTOCOL = pattern("uuuuMMddHHmmss");

  private HubSoftTime() {}

  private static DateTimeFormatter pattern(String p) {
    return DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT).withZone(ZONE);
  }

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
    return text == null ? null : LocalDateTime.parse(text, DB).atZone(ZONE).toInstant();
  }

  /** A request's {@code Y-m-d} date, or null when it is not one (Laravel's date_format). */
  static LocalDate parseDay(String text) {
    try {
      return LocalDate.parse(text, DAY);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
