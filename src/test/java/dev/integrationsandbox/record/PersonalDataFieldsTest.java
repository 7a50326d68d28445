package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.contract.ContractDocument;
import dev.integrationsandbox.record.PersonalDataFields.Marks;
import dev.integrationsandbox.record.PersonalDataMask.Kind;
import dev.integrationsandbox.support.BrazilianDocument;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contracts' marks, and the mask replacing what they mark whatever it looks like. */
class PersonalDataFieldsTest {

  static final PersonalDataFields FIELDS = read();

  final PersonalDataMask mask = PersonalDataMask.withRandomKey().withFields(FIELDS);

  static PersonalDataFields read() {
    try {
      return PersonalDataFields.of(
          Map.of(
              "btg", ContractDocument.read(Path.of("contracts/btg-tickets.yaml")).loadable(),
              "hubsoft", ContractDocument.read(Path.of("contracts/hubsoft.yaml")).loadable(),
              "postcenter", ContractDocument.read(Path.of("contracts/postcenter.yaml")).loadable(),
              "vocom", ContractDocument.read(Path.of("contracts/vocom.yaml")).loadable()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void eachVendorsContractMarksWhereItsPersonalDataLives() {
    assertEquals(Kind.DOCUMENT, FIELDS.of("btg", "createTicket").path().get(2));
    assertEquals(Kind.PHONE, FIELDS.of("btg", "createTicket").request().get("phoneNumber"));
    assertEquals(Kind.NAME, FIELDS.of("vocom", "agentLogin").request().get("agent"));
    assertEquals(Kind.NAME, FIELDS.of("vocom", "agentLogin").response().get("agent"));
    assertEquals(Kind.PHONE, FIELDS.of("vocom", "callServices").request().get("to"));
    assertEquals(
        Kind.DOCUMENT, FIELDS.of("postcenter", "listTicketsByCountryId").query().get("country_id"));
    assertEquals(Kind.EMAIL, FIELDS.of("hubsoft", "createAtendimento").request().get("email"));
    assertEquals(Marks.NONE, FIELDS.of("vocom", "no such operation"));
  }

  @Test
  void aMarkedPathSegmentIsMaskedEvenWhenItsCheckDigitsAreWrong() {
    Marks marks = FIELDS.of("btg", "createTicket");
    String invalid = "12345678900";
    assertFalse(BrazilianDocument.isValid(invalid));
    assertEquals(
        "/v2/btg-tickets/customers/" + invalid + "/tickets",
        mask.text("/v2/btg-tickets/customers/" + invalid + "/tickets"),
        "detection by format keeps what is not a valid document");
    String masked = mask.target("/w/x/v2/btg-tickets/customers/" + invalid + "/tickets", marks);
    String fake = masked.split("/")[6];
    assertNotEquals(invalid, fake);
    assertTrue(BrazilianDocument.isValid(fake), masked);
    assertTrue(masked.startsWith("/w/x/v2/btg-tickets/customers/"), "a world prefix stays");
    assertEquals(
        masked, mask.target("/w/x/v2/btg-tickets/customers/" + invalid + "/tickets", marks));
  }

  @Test
  void aMarkedQueryParameterAndMarkedBodyFieldsAreMaskedByTheirKind() {
    String target =
        mask.target(
            "/v2/tickets/?country_id=11111111-1&page=2",
            FIELDS.of("postcenter", "listTicketsByCountryId"));
    assertFalse(target.contains("11111111-1"), target);
    assertTrue(target.matches("/v2/tickets/\\?country_id=\\d{8}-\\d&page=2"), target);
    JsonObject body =
        (JsonObject)
            mask.json(
                new JsonObject().put("agent", "DESENVOLVIMENTO.LUIZ").put("to", "(11) 99999-0000"),
                FIELDS.of("vocom", "callServices").request());
    assertTrue(body.getString("agent").matches("\\p{L}+ \\p{L}+"), body.encode());
    assertTrue(body.getString("to").matches("\\(11\\) \\d{5}-\\d{4}"), body.encode());
    assertNotEquals("(11) 99999-0000", body.getString("to"));
  }
}
