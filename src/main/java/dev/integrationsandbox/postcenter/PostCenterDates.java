package dev.integrationsandbox.postcenter;

import dev.integrationsandbox.spi.Failure;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostCenter's three ways of writing a time, and its one way of reading one.
 *
 * <p>Times are UTC without an offset: the first four bytes of a ticket id (a MongoDB ObjectId) are
 * its creation second, and in the vendor's examples they equal the {@code created} shown ({@code
 * 583dcb28} is 2016-11-29T18:38:32 UTC). The detail and the lists write {@code 2016-11-29T18:38:32}
 * for creation and {@code 2016-12-21T13:17:29.283} for updates; the paginated list writes {@code
 * 18-04-2019 21:40:59}. Its {@code from} and {@code to} accept only {@code DD-MM-YYYY} or {@code
 * DD-MM-YYYY hh:mm:ss}.
 */
public final class PostCenterDates {

  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
  private static final DateTimeFormatter ISO_MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS");
  private static final DateTimeFormatter LISTED =
      DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss");
  private static final Pattern BOUND =
      Pattern.compile("([0-9]{2})-([0-9]{2})-([0-9]{4})(?: ([0-9]{2}):([0-9]{2}):([0-9]{2}))?");

  private PostCenterDates() {}

  /** {@code 2016-11-29T18:38:32}: creation times and message times. */
  public static String iso(LocalDateTime time) {
    return ISO.format(time);
  }

  /** {@code 2016-12-21T13:17:29.283}: update times. */
  public static String isoMillis(LocalDateTime time) {
    return ISO_MILLIS.format(time);
  }

  /** {@code 18-04-2019 21:40:59}: both times of the paginated list. */
  public static String listed(LocalDateTime time) {
    int year = time.getYear();
    if (year < 0 || year > 9999) {
      return LISTED.format(time);
    }
    char[] out = new char[19];
    digits(out, 0, time.getDayOfMonth(), 2);
    out[2] = '-';
    digits(out, 3, time.getMonthValue(), 2);
    out[5] = '-';
    digits(out, 6, year, 4);
    out[10] = ' ';
    digits(out, 11, time.getHour(), 2);
    out[13] = ':';
    digits(out, 14, time.getMinute(), 2);
    out[16] = ':';
    digits(out, 17, time.getSecond(), 2);
    return new String(out);
  }

  /**
   * Writes {@code value} zero-padded: a page of 100 tickets formats 200 dates, and {@link
   * java.time.format.DateTimeFormatter} was most of that page's cost.
   */
  private static void digits(char[] out, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The sandbox clock's instant as PostCenter keeps it: UTC, to the millisecond. */
  public static LocalDateTime of(Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Reads a {@code from} or {@code to} bound: {@code 12-10-2018} (midnight) or {@code 09-08-2017
   * 12:22:25}, and nothing else ({@code 12/12/2012}, {@code 12-12-12}, {@code 12-10-2018 10:23},
   * {@code 31-02-2019} are refused).
   *
   * @throws Failure BAD_REQUEST naming the parameter
   */
  public static LocalDateTime bound(String parameter, String value) {
    Matcher m = value == null ? null : BOUND.matcher(value);
    if (m == null || !m.matches()) {
      throw invalid(parameter, value);
    }
    try {
      return LocalDateTime.of(
          Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(1)),
          m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
          m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
          m.group(6) == null ? 0 : Integer.parseInt(m.group(6)));
    } catch (DateTimeException e) {
      throw invalid(parameter, value);
    }
  }

  private static Failure invalid(String parameter, String value) {
    String shown = value == null ? "" : value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return Failure.badRequest(
        "Invalid date '"
            + shown
            + "' for "
            + parameter
            + ": use DD-MM-YYYY or DD-MM-YYYY hh:mm:ss");
  }
}
