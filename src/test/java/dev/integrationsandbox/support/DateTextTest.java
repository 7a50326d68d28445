package dev.integrationsandbox.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written text is the formatter's, for every pattern the emulators use. */
class DateTextTest {

  private static final List<ZoneId> ZONES =
      List.of(ZoneOffset.UTC, ZoneId.of("America/Sao_Paulo"), ZoneId.of("America/Santiago"));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'",
        "dd/MM/uuuu",
        "dd/MM/uuuu HH:mm:ss",
        "dd/MM/uuuu HH:mm",
        "uuuu-MM-dd HH:mm:ss",
        "uuuu-MM-dd",
        "uuuuMMddHHmmss",
        "uuuu-MM-dd'T'HH:mm:ss"
      })
  void writesWhatTheFormatterWrites(String pattern) {
    Random random = new Random(7);
    for (ZoneId zone : ZONES) {
      DateText text = DateText.of(pattern, zone);
      DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern).withZone(zone);
      for (int i = 0; i < 20_000; i++) {
        long seconds =
            i % 4 == 0
                ? random.nextLong(-62_135_596_800L, 400_000_000_000L)
                : random.nextLong(-100_000_000L, 33_000_000_000L);
        Instant at = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
        assertEquals(formatter.format(at), text.format(at), pattern + " " + zone + " " + at);
      }
      for (Instant edge :
          List.of(
              Instant.EPOCH,
              Instant.parse("0999-12-31T23:59:59.999Z"),
              Instant.parse("1000-01-01T00:00:00Z"),
              Instant.parse("9999-12-31T23:59:59.999Z"),
              Instant.parse("+10000-01-01T00:00:00Z"))) {
        assertEquals(formatter.format(edge), text.format(edge), pattern + " " + zone + " " + edge);
      }
    }
  }

  /** Many instants within the same few seconds: the texts kept per second are still the right. */
  @ParameterizedTest
  @ValueSource(strings = {"dd/MM/uuuu HH:mm:ss", "uuuuMMddHHmmss", "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"})
  void instantsOfTheSameSecondsAreWrittenAsTheFormatterWrites(String pattern) {
    Random random = new Random(11);
    ZoneId zone = ZoneId.of("America/Sao_Paulo");
    DateText text = DateText.of(pattern, zone);
    DateTimeFormatter formatter = DateTimeFormatter.ofPattern(pattern).withZone(zone);
    long base = 1_795_000_000L;
    for (int i = 0; i < 20_000; i++) {
      long seconds =
          base + random.nextInt(40) + (random.nextBoolean() ? 3600L * random.nextInt(3) : 0);
      Instant at = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
      assertEquals(formatter.format(at), text.format(at), pattern + " " + at);
    }
  }

  @Test
  void refusesAFieldItDoesNotWrite() {
    assertThrows(IllegalArgumentException.class, () -> DateText.of("EEE dd/MM", ZoneOffset.UTC));
    assertThrows(IllegalArgumentException.class, () -> DateText.of("d/M/uuuu", ZoneOffset.UTC));
  }
}
