package dev.integrationsandbox.hubsoft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Laravel's integer and HubSoft's phone rule: ASCII digits only, as the regexes they replace. */
class RulesDigitsTest {

  @Test
  void anIntegerIsAnOptionalMinusAndAsciiDigitsWithinALong() {
    assertEquals(11000L, Rules.asLong("11000"));
    assertEquals(-5L, Rules.asLong(" -5 "));
    assertEquals(Long.MAX_VALUE, Rules.asLong("9223372036854775807"));
    for (String bad :
        List.of("", "-", "--5", "+5", "5-", "1 2", "١٢", "9223372036854775808", "0x1F", "1.0")) {
      assertNull(Rules.asLong(bad), bad);
    }
  }

  @Test
  void aPhoneIsTenOrElevenAsciiDigits() {
    Rules rules = new Rules();
    assertEquals("3799911223", rules.phone("telefone", "3799911223"));
    assertEquals("37999112233", rules.phone("telefone", " 37999112233 "));
    assertEquals("37999112233", rules.phone("telefone", 37999112233L));
    assertEquals(List.of(), rules.errors());
    for (Object bad :
        List.of("379991122", "379991122334", "(37)99911223", "3799911223٣", -3799911223L)) {
      Rules r = new Rules();
      assertNull(r.phone("telefone", bad), bad.toString());
      assertEquals(List.of("O formato do campo telefone é inválido."), r.errors(), bad.toString());
    }
  }
}
