package dev.integrationsandbox.support;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * A fixed-width date-time pattern ({@code dd/MM/uuuu HH:mm:ss}, {@code
 * yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}) written digit by digit. {@link DateTimeFormatter} walks its
 * printer-parsers and boxes every field: formatting the dates of an answer was up to a twentieth of
 * a request's CPU. Years outside 1000..9999, where a pattern's width or sign rules would matter, go
 * to the formatter itself, which stays the definition of the text.
 *
 * <pre>
 * DateText.of("dd/MM/uuuu", ZoneId.of("America/Sao_Paulo")).format(Instant.now())
 * </pre>
 */
public final class DateText {

  /** The pattern's characters, quotes removed; {@code field[i]} tells a field letter's. */
  private final char[] layout;

  private final boolean[] field;
  private final ZoneId zone;
  private final DateTimeFormatter formatter;

  /**
   * The last texts written, by second, for a pattern without milliseconds: an answer writes the
   * same few instants (now, now + 1 h, …) request after request, and a zone's offset lookup and the
   * digits cost more than a look here. Null for a pattern with milliseconds. Entries are immutable
   * and replaced whole, so event loops may share the array without locks.
   */
  private final Written[] recent;

  /**
   * Slots, by second modulo a prime: the instants an answer writes together (now, now + 1 h, now +
   * 2 h, a day later) fall in different slots, where a hash into 8 slots let them evict each other
   * for a whole second.
   */
  private static final int RECENT = 31;

  private record Written(long second, String text) {}

  private DateText(char[] layout, boolean[] field, ZoneId zone, DateTimeFormatter formatter) {
    this.layout = layout;
    this.field = field;
    this.zone = zone;
    this.formatter = formatter;
    this.recent = writesMillis(layout, field) ? null : new Written[RECENT];
  }

  /**
   * A pattern of {@code uuuu}/{@code yyyy}, {@code MM}, {@code dd}, {@code HH}, {@code mm}, {@code
   * ss}, {@code SSS} and literals (quoted letters, or other characters), as {@link
   * DateTimeFormatter#ofPattern} reads it.
   *
   * @throws IllegalArgumentException for any other letter or width
   */
  public static DateText of(String pattern, ZoneId zone) {
    StringBuilder layout = new StringBuilder();
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        int close = pattern.indexOf('\'', i + 1);
        layout.append(pattern, i + 1, close);
        fields.append("-".repeat(close - i - 1));
        i = close;
      } else if (Character.isLetter(c)) {
        int run = 1;
        while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
          run++;
        }
        if (run != width(c)) {
          throw new IllegalArgumentException(
              "unsupported field " + c + "×" + run + " in " + pattern);
        }
        layout.append(String.valueOf(c).repeat(run));
        fields.append("f".repeat(run));
        i += run - 1;
      } else {
        layout.append(c);
        fields.append('-');
      }
    }
    DateTimeFormatter formatter =
        DateTimeFormatter.ofPattern(pattern).withResolverStyle(ResolverStyle.STRICT).withZone(zone);
    boolean[] field = new boolean[fields.length()];
    for (int i = 0; i < field.length; i++) {
      field[i] = fields.charAt(i) == 'f';
    }
    return new DateText(layout.toString().toCharArray(), field, zone, formatter);
  }

  private static boolean writesMillis(char[] layout, boolean[] field) {
    for (int i = 0; i < layout.length; i++) {
      if (field[i] && layout[i] == 'S') {
        return true;
      }
    }
    return false;
  }

  private static int width(char field) {
    return switch (field) {
      case 'u', 'y' -> 4;
      case 'M', 'd', 'H', 'm', 's' -> 2;
      case 'S' -> 3;
      default -> -1;
    };
  }

  /** The formatter this text stands for (for parsing, and the years it does not write itself). */
  public DateTimeFormatter formatter() {
    return formatter;
  }

  public String format(Instant at) {
    if (recent == null) {
      return write(at);
    }
    long second = at.getEpochSecond();
    int slot = (int) Math.floorMod(second, (long) RECENT);
    Written known = recent[slot];
    if (known != null && known.second() == second) {
      return known.text();
    }
    String text = write(at);
    recent[slot] = new Written(second, text);
    return text;
  }

  private String write(Instant at) {
    LocalDateTime t =
        zone instanceof ZoneOffset offset
            ? LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), offset)
            : LocalDateTime.ofInstant(at, zone);
    int year = t.getYear();
    if (year < 1000 || year > 9999) {
      return formatter.format(at);
    }
    StringBuilder out = new StringBuilder(layout.length);
    for (int i = 0; i < layout.length; i++) {
      char c = layout[i];
      if (!field[i]) {
        out.append(c);
        continue;
      }
      switch (c) {
        case 'u', 'y' -> {
          out.append(year);
          i += 3;
        }
        case 'M' -> i = two(out, t.getMonthValue(), i);
        case 'd' -> i = two(out, t.getDayOfMonth(), i);
        case 'H' -> i = two(out, t.getHour(), i);
        case 'm' -> i = two(out, t.getMinute(), i);
        case 's' -> i = two(out, t.getSecond(), i);
        case 'S' -> {
          int millis = t.getNano() / 1_000_000;
          out.append((char) ('0' + millis / 100))
              .append((char) ('0' + millis / 10 % 10))
              .append((char) ('0' + millis % 10));
          i += 2;
        }
        default -> throw new IllegalStateException("no field " + c);
      }
    }
    return out.toString();
  }

  private static int two(StringBuilder out, int value, int at) {
    out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    return at + 1;
  }
}
