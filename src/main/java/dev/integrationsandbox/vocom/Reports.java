package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Failure;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The two read-only reports of a company, {@code /tabs/list_all/} (call tabulations) and {@code
 * /dialer/list_all/} (dialer attempts). They are history, not state: nothing the CTI commands do
 * adds to them, so they are filtered without a lock.
 *
 * <p>Vendor rules kept here: every query returns at most {@value #CAP} records; records come most
 * recent first (as in the vendor's examples), so the cap keeps the newest. Record times are the
 * PBX's local wall-clock strings and are compared as such, without a zone.
 */
public final class Reports {

  /** "Todas as consultas têm o limite de 2000 registros no filtro aplicado." */
  public static final int CAP = 2000;

  /** The field the dialer's {@code mailing} filter matches; the vendor never returns it. */
  public static final String MAILING_ID = "mailing_id";

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);

  private record Row(LocalDateTime at, JsonObject wire, String mailingId) {}

  private final List<Row> tabs;
  private final List<Row> dialer;

  public Reports(List<JsonObject> tabs, List<JsonObject> dialer) {
    this.tabs = rows(tabs, "start_epoch");
    this.dialer = rows(dialer, "date_time_start");
  }

  /**
   * Tabulations whose {@code start_epoch} lies in [dateBegin, dateEnd].
   *
   * @throws Failure {@code params_failed} when a date is not in a format the vendor accepts
   */
  public List<JsonObject> tabs(String dateBegin, String dateEnd) {
    return between(tabs, dateBegin, dateEnd, r -> true);
  }

  /**
   * Dialer attempts in [dateBegin, dateEnd]; {@code destination}, {@code mailing} (the mailing's
   * uuid) and {@code hangupCause} narrow the result when neither null nor empty.
   *
   * @throws Failure {@code params_failed} when a date is not in a format the vendor accepts
   */
  public List<JsonObject> dialer(
      String dateBegin, String dateEnd, String destination, String mailing, String hangupCause) {
    Predicate<Row> filter =
        r ->
            (blank(destination) || destination.equals(r.wire.getString("destination")))
                && (blank(mailing) || mailing.equalsIgnoreCase(r.mailingId))
                && (blank(hangupCause)
                    || hangupCause.equalsIgnoreCase(r.wire.getString("hangup_cause")));
    return between(dialer, dateBegin, dateEnd, filter);
  }

  /**
   * Reads a filter date, "YYYY-MM-DD HH:MM:SS" or "YYYY-MM-DD HH:MM" (seconds then 00, so an end of
   * "23:59" excludes 23:59:30, as a SQL comparison on the PBX would).
   */
  public static Optional<LocalDateTime> parseFilterDate(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    for (DateTimeFormatter f : List.of(SECONDS, MINUTES)) {
      try {
        return Optional.of(LocalDateTime.parse(t, f));
      } catch (DateTimeParseException e) {
        // try the next accepted format
      }
    }
    return Optional.empty();
  }

  private static List<JsonObject> between(
      List<Row> rows, String dateBegin, String dateEnd, Predicate<Row> filter) {
    Optional<LocalDateTime> begin = parseFilterDate(dateBegin);
    Optional<LocalDateTime> end = parseFilterDate(dateEnd);
    if (begin.isEmpty() || end.isEmpty()) {
      throw StatusType.PARAMS_FAILED.failure(
          "date_begin/date_end must be \"YYYY-MM-DD HH:MM:SS\" or \"YYYY-MM-DD HH:MM\", got \""
              + dateBegin
              + "\" / \""
              + dateEnd
              + "\"");
    }
    return rows.stream()
        .filter(r -> !r.at.isBefore(begin.get()) && !r.at.isAfter(end.get()))
        .filter(filter)
        .limit(CAP)
        .map(r -> r.wire.copy())
        .toList();
  }

  private static List<Row> rows(List<JsonObject> records, String timeField) {
    return records.stream()
        .map(
            r -> {
              JsonObject wire = r.copy();
              Object mailingId = wire.remove(MAILING_ID);
              LocalDateTime at =
                  parseFilterDate(wire.getString(timeField))
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "report record with bad " + timeField + ": " + r.encode()));
              return new Row(at, wire, mailingId == null ? null : mailingId.toString());
            })
        .sorted(Comparator.comparing(Row::at).reversed())
        .toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }
}
