package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Failure;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * The two read-only reports of a company, {@code /tabs/list_all/} (call tabulations) and {@code
 * /dialer/list_all/} (dialer attempts). They are history, not state: nothing the CTI commands do
 * adds to them, so they are filtered without a lock.
 *
 * <p>Vendor rules kept here: every query returns at most {@value #CAP} records; records come most
 * recent first (as in the vendor's examples), so the cap keeps the newest. Record times are the
 * PBX's local wall-clock strings and are compared as such, without a zone.
 *
 * <p>The records are sorted and encoded on first use, on another thread ({@link #ready()}), not at
 * start-up: the default fixtures hold 1.1 MB of them, a tenth of a cold start's work, and most
 * sessions never ask for a report. The emulator waits for {@link #ready()} before it queries.
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

  /** A record as the vendor sends it, encoded once, and the fields the filters read. */
  private record Row(
      LocalDateTime at, Buffer bytes, String destination, String hangupCause, String mailingId) {}

  /**
   * The records a query selects, as encoded bytes: a report of 2,000 records is 341 KB, and
   * encoding it per request was most of its cost, so each record is encoded once, when loaded.
   */
  public static final class Page {

    private final List<Buffer> rows;
    private volatile Buffer rendered;

    Page(List<Buffer> rows) {
      this.rows = rows;
    }

    /**
     * The page's answer, rendered once: the same query asked again (a dashboard polling a day's
     * report) is answered with the same bytes, without assembling 341 KB again.
     */
    public Buffer rendered(java.util.function.Function<Page, Buffer> render) {
      Buffer answer = rendered;
      if (answer == null) {
        answer = render.apply(this);
        rendered = answer;
      }
      return answer;
    }

    public int count() {
      return rows.size();
    }

    /** The records as one JSON array. */
    public Buffer json() {
      int size = 2;
      for (Buffer row : rows) {
        size += row.length() + 1;
      }
      Buffer out = Buffer.buffer(size).appendByte((byte) '[');
      for (int i = 0; i < rows.size(); i++) {
        if (i > 0) {
          out.appendByte((byte) ',');
        }
        out.appendBuffer(rows.get(i));
      }
      return out.appendByte((byte) ']');
    }

    /** The records decoded: new objects on every call, so no caller can change the report. */
    public List<JsonObject> records() {
      return rows.stream().map(JsonObject::new).toList();
    }
  }

  private final List<JsonObject> tabRecords;
  private final List<JsonObject> dialerRecords;
  private volatile CompletableFuture<Index> index;

  /** The records of both reports, sorted and encoded. */
  private record Index(List<Row> tabs, List<Row> dialer) {}

  /** The latest queries' pages: the reports never change, so a page once made stays right. */
  private final Map<List<Object>, Page> recent =
      java.util.Collections.synchronizedMap(
          new java.util.LinkedHashMap<>(8, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Page> eldest) {
              return size() > RECENT_PAGES;
            }
          });

  /** At most this many pages are kept per company: a day's report is 341 KB. */
  static final int RECENT_PAGES = 4;

  /**
   * Reports over records in the vendor's wire shape (dialer records with {@link #MAILING_ID}), each
   * with a valid time: {@link VocomFixtures} checks them. The lists are kept, not copied, and never
   * changed.
   */
  public Reports(List<JsonObject> tabs, List<JsonObject> dialer) {
    this.tabRecords = tabs;
    this.dialerRecords = dialer;
  }

  /**
   * Completes when the records are sorted and encoded, which starts on the first call, on the
   * common pool; the queries below wait for it, so call them once it has completed when on an event
   * loop.
   */
  public CompletableFuture<?> ready() {
    CompletableFuture<Index> made = index;
    if (made == null) {
      synchronized (this) {
        if (index == null) {
          index =
              CompletableFuture.supplyAsync(
                  () ->
                      new Index(
                          rows(tabRecords, "start_epoch"), rows(dialerRecords, "date_time_start")));
        }
        made = index;
      }
    }
    return made;
  }

  /** How many tabulation records there are, before any filter. */
  public int tabsSize() {
    return tabRecords.size();
  }

  /** How many dialer records there are, before any filter. */
  public int dialerSize() {
    return dialerRecords.size();
  }

  private Index index() {
    return (Index) ready().join();
  }

  /**
   * Tabulations whose {@code start_epoch} lies in [dateBegin, dateEnd].
   *
   * @throws Failure {@code params_failed} when a date is not in a format the vendor accepts
   */
  public Page tabs(String dateBegin, String dateEnd) {
    return recent(
        Arrays.asList("tabs", dateBegin, dateEnd),
        () -> between(index().tabs(), dateBegin, dateEnd, r -> true));
  }

  /**
   * Dialer attempts in [dateBegin, dateEnd]; {@code destination}, {@code mailing} (the mailing's
   * uuid) and {@code hangupCause} narrow the result when neither null nor empty.
   *
   * @throws Failure {@code params_failed} when a date is not in a format the vendor accepts
   */
  public Page dialer(
      String dateBegin, String dateEnd, String destination, String mailing, String hangupCause) {
    Predicate<Row> filter =
        r ->
            (blank(destination) || destination.equals(r.destination))
                && (blank(mailing) || mailing.equalsIgnoreCase(r.mailingId))
                && (blank(hangupCause) || hangupCause.equalsIgnoreCase(r.hangupCause));
    return recent(
        Arrays.asList("dialer", dateBegin, dateEnd, destination, mailing, hangupCause),
        () -> between(index().dialer(), dateBegin, dateEnd, filter));
  }

  private Page recent(List<Object> query, java.util.function.Supplier<Page> make) {
    Page page = recent.get(query);
    if (page == null) {
      page = make.get();
      recent.put(query, page);
    }
    return page;
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
    LocalDateTime quick = quickSeconds(t);
    if (quick != null) {
      return Optional.of(quick);
    }
    for (DateTimeFormatter f : List.of(SECONDS, MINUTES)) {
      try {
        return Optional.of(LocalDateTime.parse(t, f));
      } catch (DateTimeParseException e) {
        // try the next accepted format
      }
    }
    return Optional.empty();
  }

  /**
   * "YYYY-MM-DD HH:MM:SS" of ASCII digits read without a formatter, which costs a tenth of the
   * time; null for any other text or an impossible date, which the formatters then judge.
   */
  private static LocalDateTime quickSeconds(String t) {
    if (t.length() != 19
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != ' '
        || t.charAt(13) != ':'
        || t.charAt(16) != ':') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** The number written by {@code n} ASCII digits at {@code from}; -1 when one is not a digit. */
  private static int digits(String t, int from, int n) {
    int value = 0;
    for (int i = from; i < from + n; i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static Page between(
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
    return new Page(
        rows.stream()
            .filter(r -> !r.at.isBefore(begin.get()) && !r.at.isAfter(end.get()))
            .filter(filter)
            .limit(CAP)
            .map(Row::bytes)
            .toList());
  }

  private static List<Row> rows(List<JsonObject> records, String timeField) {
    return records.stream()
        .map(
            r -> {
              JsonObject wire = new JsonObject(new LinkedHashMap<>(r.getMap()));
              Object mailingId = wire.remove(MAILING_ID);
              LocalDateTime at =
                  parseFilterDate(wire.getString(timeField))
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "report record with bad " + timeField + ": " + r.encode()));
              return new Row(
                  at,
                  wire.toBuffer(),
                  wire.getValue("destination") == null
                      ? null
                      : String.valueOf(wire.getValue("destination")),
                  wire.getValue("hangup_cause") == null
                      ? null
                      : String.valueOf(wire.getValue("hangup_cause")),
                  mailingId == null ? null : mailingId.toString());
            })
        .sorted(Comparator.comparing(Row::at).reversed())
        .toList();
  }

  private static boolean blank(String s) {
    return s == null || s.isEmpty();
  }
}
