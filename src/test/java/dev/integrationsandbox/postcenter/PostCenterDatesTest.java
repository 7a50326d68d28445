package dev.integrationsandbox.postcenter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.integrationsandbox.spi.Failure;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostCenterDatesTest {

  @Test
  void theSeedsValidFormsAreRead() {
    assertEquals(LocalDateTime.of(2018, 10, 12, 0, 0), PostCenterDates.bound("from", "12-10-2018"));
    assertEquals(
        LocalDateTime.of(2017, 8, 9, 12, 22, 25),
        PostCenterDates.bound("to", "09-08-2017 12:22:25"));
    assertEquals(
        LocalDateTime.of(2024, 2, 29, 23, 59, 59),
        PostCenterDates.bound("to", "29-02-2024 23:59:59"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "12/12/2012",
        "12-12-12",
        "10-12",
        "03-16-2014",
        "12-10-2018 10:23",
        "",
        "00-10-2018",
        "29-02-2023",
        "12-10-2018 10:23:5",
        "12-10-2018 10:23:05 ",
        "１２-10-2018"
      })
  void theSeedsInvalidFormsAndImpossibleDatesAreBadRequestsNamingTheParameter(String value) {
    Failure f = assertThrows(Failure.class, () -> PostCenterDates.bound("from", value));
    assertEquals(Failure.Kind.BAD_REQUEST, f.kind());
    assertEquals(true, f.getMessage().contains("for from"), f.getMessage());
  }

  @Test
  void aMissingBoundIsABadRequest() {
    assertEquals(
        Failure.Kind.BAD_REQUEST,
        assertThrows(Failure.class, () -> PostCenterDates.bound("to", null)).kind());
  }

  @Test
  void aLongValueIsShortenedInTheMessage() {
    Failure f = assertThrows(Failure.class, () -> PostCenterDates.bound("to", "x".repeat(5000)));
    assertEquals(true, f.getMessage().length() < 200);
  }

  @Test
  void timesAreWrittenInTheVendorsThreeForms() {
    LocalDateTime t = PostCenterDates.of(Instant.parse("2016-12-21T13:17:29.283456Z"));
    assertEquals("2016-12-21T13:17:29", PostCenterDates.iso(t));
    assertEquals("2016-12-21T13:17:29.283", PostCenterDates.isoMillis(t));
    assertEquals("21-12-2016 13:17:29", PostCenterDates.listed(t));
    assertEquals(
        "2016-12-21T13:17:29.000",
        PostCenterDates.isoMillis(PostCenterDates.of(Instant.parse("2016-12-21T13:17:29Z"))));
  }

  @Test
  void listedDatesMatchTheVendorsPatternForEveryInstant() {
    java.util.Random random = new java.util.Random(11);
    java.time.format.DateTimeFormatter pattern =
        java.time.format.DateTimeFormatter.ofPattern("dd-MM-uuuu HH:mm:ss");
    for (int i = 0; i < 10_000; i++) {
      java.time.LocalDateTime t =
          java.time.LocalDateTime.ofEpochSecond(
              random.nextLong(-62_000_000_000L, 250_000_000_000L), 0, java.time.ZoneOffset.UTC);
      org.junit.jupiter.api.Assertions.assertEquals(
          pattern.format(t), PostCenterDates.listed(t), t.toString());
    }
  }
}
