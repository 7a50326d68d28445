package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.vocom.VocomTestData.COMPANY;
import static dev.integrationsandbox.vocom.VocomTestWorld.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportsTest {

  private final Reports reports = new VocomTestWorld().seedCompany().reports();

  private static List<String> field(List<JsonObject> records, String key) {
    return records.stream().map(r -> r.getString(key)).toList();
  }

  @Test
  void tabsOfTheSeedDayComeNewestFirstWithTheSeedRecordsVerbatim() {
    List<JsonObject> day = reports.tabs("2020-09-02 00:00:00", "2020-09-02 23:59:59").records();
    assertEquals(
        List.of(
            "2020-09-02 23:59:59",
            "2020-09-02 18:03:12",
            "2020-09-02 18:01:50",
            "2020-09-02 09:15:00"),
        field(day, "start_epoch"));
    assertEquals(
        new JsonObject()
            .put("direction", "dialer-inbound")
            .put("agent", "Teste")
            .put("tab_name", "Telefone Ocupado / Não atende")
            .put("destination", "08888889999")
            .put("mailing_name", "TESTE")
            .put("start_epoch", "2020-09-02 18:03:12"),
        day.get(1));
  }

  @Test
  void datesWithoutSecondsAreAcceptedAndMeanSecondZero() {
    assertEquals(
        List.of("2020-09-02 18:03:12", "2020-09-02 18:01:50"),
        field(reports.tabs("2020-09-02 18:01", "2020-09-02 18:04").records(), "start_epoch"));
    assertEquals(
        List.of("2020-09-03 18:05:30", "2020-09-03 18:00:00", "2020-09-03 17:59:59"),
        field(
            reports.dialer("2020-09-03 00:00", "2020-09-03 23:59", "", "", "").records(),
            "date_time_start"),
        "23:59 ends at 23:59:00, so the 23:59:30 attempt is out");
  }

  @Test
  void badDatesFailParams() {
    for (String bad : List.of("", "2020-09-02", "02/09/2020 10:00", "2020-02-30 10:00", "x")) {
      assertFails(
          StatusType.PARAMS_FAILED, () -> reports.tabs(bad, "2020-09-02 23:59:59").records());
      assertFails(
          StatusType.PARAMS_FAILED,
          () -> reports.dialer("2020-09-02 00:00", bad, "", "", "").records());
    }
    assertEquals(Optional.empty(), Reports.parseFilterDate(null));
    assertEquals(
        Optional.of(LocalDateTime.of(2020, 9, 2, 0, 0)),
        Reports.parseFilterDate(" 2020-09-02 00:00 "));
  }

  @Test
  void anInvertedRangeIsEmpty() {
    assertTrue(reports.tabs("2020-09-03 00:00:00", "2020-09-02 00:00:00").records().isEmpty());
  }

  @Test
  void dialerFiltersByDestinationMailingUuidAndHangupCause() {
    String begin = "2020-09-01 00:00";
    String end = "2020-09-30 23:59";
    assertEquals(
        List.of("9998"),
        field(reports.dialer(begin, end, "01199999999", "", "").records(), "mailing_key"));
    assertEquals(
        List.of("10000", "9998", "9999"),
        field(
            reports.dialer(begin, end, "", "3f9a2c64-7d1b-4e85-a0c2-6b4d8e1f9a37", "").records(),
            "mailing_key"));
    assertTrue(reports.dialer(begin, end, "", "BASE1", "").records().isEmpty(), "name is no uuid");
    assertEquals(
        List.of("2", "9999"),
        field(reports.dialer(begin, end, "", "", "no_answer").records(), "mailing_key"));
    assertEquals(
        List.of("9999"),
        field(
            reports
                .dialer(
                    begin, end, "01199999998", "3f9a2c64-7d1b-4e85-a0c2-6b4d8e1f9a37", "NO_ANSWER")
                .records(),
            "mailing_key"));
    assertEquals(
        5, reports.dialer(begin, end, null, null, null).records().size(), "absent = no filter");
  }

  @Test
  void everyQueryStopsAtTwoThousandNewestRecords() {
    List<JsonObject> tabs = reports.tabs("2026-01-15 00:00:00", "2026-01-15 23:59:59").records();
    assertEquals(Reports.CAP, tabs.size());
    assertEquals("2026-01-15 14:59:48", tabs.get(0).getString("start_epoch"));
    assertEquals("2026-01-15 08:20:00", tabs.get(Reports.CAP - 1).getString("start_epoch"));

    List<JsonObject> dialer =
        reports.dialer("2026-01-15 00:00", "2026-01-16 00:00", "", "", "").records();
    assertEquals(Reports.CAP, dialer.size());

    List<JsonObject> busy =
        reports.dialer("2026-01-15 00:00", "2026-01-16 00:00", "", "", "USER_BUSY").records();
    assertEquals(420, busy.size(), "a filter applies before the cap");
  }

  @Test
  void recordsHandedOutAreCopies() {
    List<JsonObject> first = reports.tabs("2020-09-02 00:00", "2020-09-02 23:59:59").records();
    first.get(0).put("agent", "MUTATED");
    assertEquals(
        "DEV",
        reports
            .tabs("2020-09-02 00:00", "2020-09-02 23:59:59")
            .records()
            .get(0)
            .getString("agent"));
  }

  @Test
  void theOtherCompanyHasItsOwnReports() {
    Reports other =
        new CallCenter(
                VocomTestWorld.FIXTURES.companies().get(VocomTestData.OTHER_COMPANY),
                new VocomTestWorld().clock)
            .reports();
    assertEquals(
        List.of("VENDAS.JOAO"),
        field(other.tabs("2020-09-02 00:00", "2020-09-02 23:59").records(), "agent"));
    assertTrue(
        VocomTestWorld.FIXTURES.companies().get(COMPANY).reports().tabsSize() > Reports.CAP,
        "the seed company's fixture exceeds the cap");
  }

  /**
   * The hand-written reading of "YYYY-MM-DD HH:MM:SS" says what the strict formatters say, for
   * valid times, impossible ones, and shapes that only look alike.
   */
  @Test
  void aFilterDateIsReadAsTheStrictFormattersReadIt() {
    DateTimeFormatter seconds =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);
    DateTimeFormatter minutes =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withResolverStyle(ResolverStyle.STRICT);
    for (String text :
        List.of(
            "2020-09-02 23:59:59",
            "2024-02-29 00:00:00",
            "2023-02-29 00:00:00",
            "2020-04-31 12:00:00",
            "2020-13-01 12:00:00",
            "2020-00-10 12:00:00",
            "2020-09-00 12:00:00",
            "2020-09-02 24:00:00",
            "2020-09-02 23:60:00",
            "2020-09-02 23:59:60",
            "0000-01-01 00:00:00",
            "2020-09-02T23:59:59",
            "2020-09-02 2a:59:59",
            "2020-09-02 +3:59:59",
            "+2020-09-02 23:59:5",
            "2020-9-02 23:59:59",
            "2020-09-02 23:59",
            "٢٠٢٠-09-02 23:59:59",
            "")) {
      Optional<LocalDateTime> expected = Optional.empty();
      for (DateTimeFormatter f : List.of(seconds, minutes)) {
        try {
          expected = Optional.of(LocalDateTime.parse(text, f));
          break;
        } catch (DateTimeParseException e) {
          // the next format
        }
      }
      assertEquals(expected, Reports.parseFilterDate(text), text);
    }
  }
}
