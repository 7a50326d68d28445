package dev.integrationsandbox.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The skipping search for {@code "error"} in an answer's bytes finds exactly what a plain search
 * finds: on random bytes drawn mostly from the needle's own letters, where a wrong skip would jump
 * over a match, and within a slice of a larger array.
 */
class OutcomesSearchTest {

  private static final byte[] ALPHABET = "\"error:x{}".getBytes(StandardCharsets.US_ASCII);

  private static final byte[] NEEDLE = "\"error\"".getBytes(StandardCharsets.US_ASCII);

  @Test
  void findsExactlyWhatAPlainSearchFinds() {
    Random random = new Random(7);
    int found = 0;
    for (int run = 0; run < 200_000; run++) {
      byte[] bytes = new byte[random.nextInt(40)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = ALPHABET[random.nextInt(ALPHABET.length)];
      }
      if (bytes.length >= NEEDLE.length && random.nextBoolean()) {
        int at = random.nextInt(bytes.length - NEEDLE.length + 1);
        System.arraycopy(NEEDLE, 0, bytes, at, NEEDLE.length);
        if (random.nextBoolean()) {
          bytes[at + random.nextInt(NEEDLE.length)] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
      }
      int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
      int length = random.nextInt(bytes.length - from + 1);
      boolean expected =
          new String(bytes, from, length, StandardCharsets.ISO_8859_1).contains("\"error\"");
      assertEquals(
          expected,
          Outcomes.mentionsError(bytes, from, length),
          () -> new String(bytes, StandardCharsets.ISO_8859_1));
      found += expected ? 1 : 0;
    }
    assertTrue(found > 1000, "the random inputs hold the needle often enough: " + found);
  }

  @Test
  void aMatchAtEitherEdgeOfTheSliceAndNotPastIt() {
    byte[] bytes = "x\"error\"x".getBytes(StandardCharsets.US_ASCII);
    assertTrue(Outcomes.mentionsError(bytes, 1, 7));
    assertFalse(Outcomes.mentionsError(bytes, 1, 6));
    assertFalse(Outcomes.mentionsError(bytes, 2, 7));
    byte[] success = "{\"status\":\"success\",\"msg\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
    assertFalse(Outcomes.mentionsError(success, 0, success.length));
  }
}
