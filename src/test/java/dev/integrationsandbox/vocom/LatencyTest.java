package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyTest {

  @Test
  void fixedValuesInEachUnit() {
    assertEquals(new Latency(Duration.ofSeconds(10)), Latency.parse("PT10S"));
    assertEquals(new Latency(Duration.ofMillis(200)), Latency.parse("PT0.2S"));
    assertEquals(new Latency(Duration.ofMillis(1500)), Latency.parse("PT1.5S"));
    assertEquals(new Latency(Duration.ofMinutes(1)), Latency.parse(" PT1M "));
    assertEquals(Latency.NONE, Latency.parse("PT0S"));
    assertEquals(Latency.NONE, Latency.parse("PT0.000S"));
    assertEquals(Latency.VOCOM_CALL_SERVICES, Latency.parse("pt10s"));
  }

  @Test
  void aRangePicksWithinItsBounds() {
    Latency range = Latency.parse("PT0.1S..PT2S");
    assertEquals(Duration.ofMillis(100), range.min());
    assertEquals(Duration.ofSeconds(2), range.max());
    assertFalse(range.fixed());
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      Duration d = range.pick(random);
      assertTrue(d.compareTo(range.min()) >= 0 && d.compareTo(range.max()) <= 0, d.toString());
    }
    assertEquals(Duration.ofSeconds(10), Latency.parse("PT10S").pick(random));
    assertEquals(Duration.ofMillis(5), Latency.parse("PT0.005S..PT0.005S").pick(random));
  }

  @Test
  void printsBackWhatItParses() {
    for (String s : new String[] {"PT10S", "PT0.2S", "PT0.1S..PT2S", "PT1.5S", "PT0.0005S"}) {
      assertEquals(s, Latency.parse(s).toString());
      assertEquals(Latency.parse(s), Latency.parse(Latency.parse(s).toString()));
    }
  }

  @Test
  void rejectsWhatItCannotRead() {
    for (String bad :
        new String[] {
          "", "  ", "10", "10s", "ten s", "PT-1S", "PT2S..PT1S", "1h", "PT1S..", "..PT1S"
        }) {
      assertThrows(IllegalArgumentException.class, () -> Latency.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Latency.parse(null));
  }
}
