package dev.integrationsandbox.btg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.integrationsandbox.support.BrokenFixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BTG fixture folder as committed loads; each way of breaking it is one line with a place. */
class BtgFixturesTest {

  @Test
  void theCommittedFixturesLoad() {
    BtgFixtures f = BtgFixtures.read(Path.of("fixtures", "btg"));
    assertEquals(3, f.clients().size());
    assertEquals(2, f.tickets().size());
    assertNotNull(f.signingKey());
  }

  @Test
  void aWrongTypeNamesTheFileAndPointer(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .edit("clients.json", j -> j.put("tokenLifetimeSeconds", "1h"))
        .fails(
            BtgFixtures::read,
            "clients.json",
            "/tokenLifetimeSeconds: must be an integer (got string)");
  }

  @Test
  void aMissingKeyIsNamedInThePointer(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .edit("clients.json", j -> j.getJsonArray("clients").getJsonObject(2).remove("assessoria"))
        .fails(BtgFixtures::read, "clients.json", "/clients/2/assessoria: is missing");
  }

  @Test
  void noClientsIsOneLine(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .write("clients.json", "{\"clients\": []}")
        .fails(BtgFixtures::read, "clients.json", "/clients: must list at least one entry");
  }

  @Test
  void aMisspelledKeyIsNotIgnored(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .edit("clients.json", j -> j.put("tokenLifetime", 60))
        .fails(BtgFixtures::read, "clients.json", "/tokenLifetime: is not a known key here");
  }

  @Test
  void malformedJsonIsOneLine(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .write("info.json", "{\"ticketChannels\": [\"PHONE\"")
        .fails(
            BtgFixtures::read,
            "info.json",
            "/ticketChannels/0: not valid JSON: Unexpected end-of-input: expected close marker"
                + " for Array (line 1, column 28)");
  }

  @Test
  void aBadCpfNamesTheTicket(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .edit(
            "tickets.json",
            j -> j.getJsonArray("tickets").getJsonObject(0).put("documentNumber", "52998224724"))
        .fails(
            BtgFixtures::read,
            "tickets.json",
            "/tickets/0/documentNumber: not a valid CPF or CNPJ");
  }

  @Test
  void aFormattedCpfIsRefusedByItsShape(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .edit(
            "tickets.json",
            j -> j.getJsonArray("tickets").getJsonObject(0).put("documentNumber", "529.982.247-25"))
        .fails(
            BtgFixtures::read,
            "tickets.json",
            "/tickets/0/documentNumber: must be a CPF (11 digits) or CNPJ (14 digits) without"
                + " punctuation (got \"529.982.247-25\")");
  }

  @Test
  void aTicketOfAnUnknownClientIsRefused(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .edit("tickets.json", j -> j.getJsonArray("tickets").getJsonObject(1).put("clientId", "x"))
        .fails(
            BtgFixtures::read,
            "tickets.json",
            "/tickets/1/clientId: names no client of clients.json");
  }

  @Test
  void aLocalTimeWithoutZoneIsRefused(@TempDir Path temp) {
    BrokenFixtures.copy("btg", temp)
        .edit(
            "tickets.json",
            j -> j.getJsonArray("tickets").getJsonObject(1).put("closedAt", "2026-01-04 09:45"))
        .fails(
            BtgFixtures::read,
            "tickets.json",
            "/tickets/1/closedAt: must be an ISO-8601 instant such as 2026-01-05T12:00:00.000Z,"
                + " or null (got \"2026-01-04 09:45\")");
  }

  @Test
  void ticketsAreOptionalAndInfoIsNot(@TempDir Path temp) {
    BrokenFixtures fixtures = BrokenFixtures.copy("btg", temp).delete("tickets.json");
    assertEquals(0, BtgFixtures.read(fixtures.folder()).tickets().size());
    fixtures.delete("info.json").fails(BtgFixtures::read, "info.json", "/: the file is missing");
  }
}
