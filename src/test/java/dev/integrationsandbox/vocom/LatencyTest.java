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
    assertEquals(new Latency(Duration.ofSeconds(10)), Latency.parse("10s"));
    assertEquals(new Latency(Duration.ofMillis(200)), Latency.parse("200ms"));
    assertEquals(new Latency(Duration.ofMillis(1500)), Latency.parse("1.5s"));
    assertEquals(new Latency(Duration.ofMinutes(1)), Latency.parse(" 1m "));
    assertEquals(Latency.NONE, Latency.parse("0"));
    assertEquals(Latency.NONE, Latency.parse("0ms"));
    assertEquals(Latency.VOCOM_CALL_SERVICES, Latency.parse("10S"));
  }

  @Test
  void aRangePicksWithinItsBounds() {
    Latency range = Latency.parse("100ms..2s");
    assertEquals(Duration.ofMillis(100), range.min());
    assertEquals(Duration.ofSeconds(2), range.max());
    assertFalse(range.fixed());
    Random random = new Random(42);
    for (int i = 0; i < 1000; i++) {
      Duration d = range.pick(random);
      assertTrue(d.compareTo(range.min()) >= 0 && d.compareTo(range.max()) <= 0, d.toString());
    }
    assertEquals(Duration.ofSeconds(10), Latency.parse("10s").pick(random));
    assertEquals(Duration.ofMillis(5), Latency.parse("5ms..5ms").pick(random));
  }

  @Test
  void printsBackWhatItParses() {
    for (String s : new String[] {"10s", "200ms", "100ms..2s", "0ms", "1500ms", "0.5ms"}) {
      assertEquals(s, Latency.parse(s).toString());
      assertEquals(Latency.parse(s), Latency.parse(Latency.parse(s).toString()));
    }
  }

  @Test
  void rejectsWhatItCannotRead() {
    for (String bad :
        new String[] {"", "  ", "10", "ten s", "-1s", "2s..1s", "1h", "1s..", "..1s"}) {
      assertThrows(IllegalArgumentException.class, () -> Latency.parse(bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> Latency.parse(null));
  }
}
