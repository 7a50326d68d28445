package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.support.BrazilianDocument;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fakes of the same format, the same for the same input, never the input itself. */
class PersonalDataMaskTest {

  static final String CPF = "52998224725";
  static final String CNPJ = "11222333000181";

  final PersonalDataMask mask = PersonalDataMask.withRandomKey();

  @Test
  void aDocumentBecomesAnotherValidOneTheSameEachTime() {
    String fakeCpf = mask.text(CPF);
    assertNotEquals(CPF, fakeCpf);
    assertTrue(BrazilianDocument.isValid(fakeCpf), fakeCpf);
    assertEquals(fakeCpf, mask.text(CPF), "consistent");
    String fakeCnpj = mask.text(CNPJ);
    assertEquals(14, fakeCnpj.length());
    assertTrue(BrazilianDocument.isValid(fakeCnpj), fakeCnpj);
    assertEquals(
        "/v2/btg-tickets/customers/" + fakeCpf + "/tickets",
        mask.text("/v2/btg-tickets/customers/" + CPF + "/tickets"),
        "in a path the same as in a body");
    String dotted = mask.text("529.982.247-25");
    assertTrue(dotted.matches("\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}"), dotted);
    assertEquals(fakeCpf, dotted.replaceAll("\\D", ""), "punctuation does not change the fake");
  }

  @Test
  void digitRunsThatAreNotDocumentsStay() {
    assertEquals(
        "protocol 12345678901 id 583dcb2855d0a46e438d0206",
        mask.text("protocol 12345678901 id 583dcb2855d0a46e438d0206"));
  }

  @Test
  void phonesKeepTheirAreaCodeEmailsAndNamesTheirShape() {
    JsonObject masked =
        (JsonObject)
            mask.json(
                new JsonObject()
                    .put("telefone", "37999112233")
                    .put("phoneNumber", "+55 (11) 98888-7777")
                    .put("email", "maria@example.com.br")
                    .put("nome", "Maria da Silva")
                    .put("descricao", "cliente maria@example.com.br, CPF 529.982.247-25")
                    .put("id_cliente_servico", "11000"));
    String phone = masked.getString("telefone");
    assertTrue(phone.startsWith("37") && phone.length() == 11 && !phone.equals("37999112233"));
    String formatted = masked.getString("phoneNumber");
    assertTrue(formatted.matches("\\+55 \\(11\\) \\d{5}-\\d{4}"), formatted);
    assertTrue(masked.getString("email").matches("user-[0-9a-f]{10}@example\\.com"));
    assertNotEquals("Maria da Silva", masked.getString("nome"));
    assertTrue(masked.getString("nome").matches("\\p{L}+ \\p{L}+"));
    assertEquals(
        masked.getString("nome"),
        ((JsonObject) mask.json(new JsonObject().put("nome", "Maria da Silva"))).getString("nome"));
    assertFalse(masked.getString("descricao").contains("maria@"));
    assertFalse(masked.getString("descricao").contains("529.982.247-25"));
    assertEquals("11000", masked.getString("id_cliente_servico"));
  }

  @Test
  void aKeyFileGivesTheSameFakesAcrossRunsAndAnotherKeyOthers(@TempDir Path dir) throws Exception {
    Path key = dir.resolve("mask.key");
    Files.write(key, "0123456789abcdef0123456789abcdef".getBytes());
    assertEquals(
        PersonalDataMask.withKeyFile(key).text(CPF), PersonalDataMask.withKeyFile(key).text(CPF));
    assertNotEquals(
        PersonalDataMask.withKeyFile(key).text(CPF), PersonalDataMask.withRandomKey().text(CPF));
  }
}
