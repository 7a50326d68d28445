package dev.integrationsandbox.support;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrazilianDocumentTest {

  @ParameterizedTest
  @ValueSource(strings = {"52998224725", "11144477735", "11222333000181", "45997418000153"})
  void validCpfsAndCnpjsPass(String document) {
    assertTrue(BrazilianDocument.isValid(document));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "52998224726",
        "11111111111",
        "00000000000000",
        "11222333000180",
        "529.982.247-25",
        "1234567890",
        "",
        "5299822472a"
      })
  void wrongDigitsShapesAndRepeatedDigitsFail(String document) {
    assertFalse(BrazilianDocument.isValid(document));
  }
}
