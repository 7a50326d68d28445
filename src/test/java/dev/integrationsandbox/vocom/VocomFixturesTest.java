package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.support.BrokenFixtures;
import dev.integrationsandbox.support.FixtureException;
import dev.integrationsandbox.vocom.VocomFixtures.AgentSeed;
import dev.integrationsandbox.vocom.VocomFixtures.Company;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocomFixturesTest {

  @Test
  void theCommittedFixtureHoldsTheSeedCompanyItsReportDomainsAndASecondTenant() {
    Company seed = VocomTestWorld.FIXTURES.companies().get(VocomTestData.COMPANY);
    assertEquals(VocomTestData.API_KEY, seed.apiKey());
    assertEquals(
        List.of("Lanche", "Almoço", "Banheiro", "Feedback"),
        seed.breaks().stream().map(VocomFixtures.BreakType::breakName).toList());
    AgentSeed barbara =
        seed.agents().stream().filter(a -> a.name().equals("SUPORTE.BARBARA")).findFirst().get();
    assertEquals(1578679731L, barbara.firstLogin());
    assertEquals(108, barbara.notAnsweredCount());
    assertEquals(AgentStatus.AVAILABLE, barbara.status());
    assertTrue(seed.reports().dialerSize() > Reports.CAP);
    Map<String, Company> companies = VocomTestWorld.FIXTURES.companies();
    assertEquals(
        Set.of(
            VocomTestData.COMPANY,
            VocomTestData.OTHER_COMPANY,
            VocomTestData.TABS_EXAMPLE_COMPANY,
            VocomTestData.DIALER_EXAMPLE_COMPANY),
        companies.keySet());
    assertEquals(
        VocomTestData.API_KEY,
        companies.get(VocomTestData.TABS_EXAMPLE_COMPANY).apiKey(),
        "the seed's report examples are domains of the seed company's PBX");
    assertEquals(
        VocomTestData.API_KEY, companies.get(VocomTestData.DIALER_EXAMPLE_COMPANY).apiKey());
    assertEquals(
        VocomTestData.OTHER_API_KEY,
        companies.get(VocomTestData.OTHER_COMPANY).apiKey(),
        "the second tenant has a key of its own");
  }

  /** One key opens one PBX, which may hold several domains (VENDOR-FACTS 4a). */
  @Test
  void twoCompaniesMayShareAnApiKeyAsDomainsOfOnePbx() {
    VocomFixtures f =
        VocomFixtures.from(
            new JsonObject()
                .put(
                    "companies",
                    new JsonArray()
                        .add(new JsonObject().put("company_id", "a").put("api_key", "k"))
                        .add(new JsonObject().put("company_id", "b").put("api_key", "k"))));
    assertEquals(Set.of("a", "b"), f.companies().keySet());
    assertEquals("k", f.companies().get("b").apiKey());
  }

  @Test
  void aMalformedFixtureFailsAtLoad() {
    JsonObject oneCompanyTwice =
        new JsonObject()
            .put(
                "companies",
                new JsonArray()
                    .add(new JsonObject().put("company_id", "a").put("api_key", "k"))
                    .add(new JsonObject().put("company_id", "a").put("api_key", "other")));
    assertEquals(
        "companies.json: /companies/1/company_id: duplicate company_id",
        assertThrows(FixtureException.class, () -> VocomFixtures.from(oneCompanyTwice))
            .getMessage());

    JsonObject agentInUnknownQueue =
        new JsonObject()
            .put(
                "companies",
                new JsonArray()
                    .add(
                        new JsonObject()
                            .put("company_id", "a")
                            .put("api_key", "k")
                            .put("queues", new JsonArray().add("Q"))
                            .put(
                                "agents",
                                new JsonArray()
                                    .add(
                                        new JsonObject()
                                            .put("name", "X")
                                            .put("queues", new JsonArray().add("R"))))));
    assertEquals(
        "companies.json: /companies/0/agents/0/queues/0:"
            + " names a queue that the company does not list in its queues",
        assertThrows(FixtureException.class, () -> VocomFixtures.from(agentInUnknownQueue))
            .getMessage());
  }

  @Test
  void aMinimalFixtureNeedsOnlyIdAndKey() {
    VocomFixtures f =
        VocomFixtures.from(
            new JsonObject()
                .put(
                    "companies",
                    new JsonArray()
                        .add(new JsonObject().put("company_id", "a").put("api_key", "k"))));
    assertTrue(f.companies().get("a").agents().isEmpty());
  }

  @Test
  void aWrongTypeNamesTheFileAndPointer(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .edit(
            "companies.json", j -> j.getJsonArray("companies").getJsonObject(0).put("api_key", 42))
        .fails(
            VocomFixtures::load,
            "companies.json",
            "/companies/0/api_key: must be a string (got number)");
  }

  @Test
  void aMissingKeyIsNamedInThePointer(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .edit(
            "companies.json",
            j ->
                j.getJsonArray("companies")
                    .getJsonObject(1)
                    .getJsonArray("agents")
                    .getJsonObject(0)
                    .remove("name"))
        .fails(VocomFixtures::load, "companies.json", "/companies/1/agents/0/name: is missing");
  }

  @Test
  void anArrayInsteadOfTheObjectIsOneLine(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .write("companies.json", "[]")
        .fails(VocomFixtures::load, "companies.json", "/: must be an object (got array)");
  }

  @Test
  void noCompaniesAtAllIsOneLine(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .write("companies.json", "{\"companies\": []}")
        .fails(VocomFixtures::load, "companies.json", "/companies: must list at least one entry");
  }

  @Test
  void malformedJsonNamesTheLineAndNotTheContent(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .write("companies.json", "{\"companies\": [\n  {\"company_id\": \"a\",}\n]}")
        .fails(
            VocomFixtures::load,
            "companies.json",
            "/companies/0/company_id: not valid JSON: Unexpected character ('}'):"
                + " was expecting double-quote to start field name (line 2, column 22)");
  }

  @Test
  void anUnknownStatusListsTheAcceptedOnes(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .edit(
            "companies.json",
            j ->
                j.getJsonArray("companies")
                    .getJsonObject(0)
                    .getJsonArray("agents")
                    .getJsonObject(2)
                    .put("status", "Busy"))
        .fails(
            VocomFixtures::load,
            "companies.json",
            "/companies/0/agents/2/status: must be one of Logged Out, Available, On Break"
                + " (got \"Busy\")");
  }

  @Test
  void aReportRecordWithAnImpossibleDateNamesItsFile(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .edit(
            "dialer.json",
            j ->
                j.getJsonArray(VocomTestData.COMPANY)
                    .getJsonObject(3)
                    .put("date_time_start", "2026-02-30 10:00:00"))
        .fails(
            VocomFixtures::load,
            "dialer.json",
            "/"
                + VocomTestData.COMPANY
                + "/3/date_time_start:"
                + " must be a date and time as YYYY-MM-DD HH:MM:SS");
  }

  @Test
  void reportsOfAnUnknownCompanyAreRefused(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .edit("tabs.json", j -> j.put("nobody", new JsonArray()))
        .fails(VocomFixtures::load, "tabs.json", "/nobody: names no company_id of companies.json");
  }

  @Test
  void aMissingCompaniesFileIsOneLine(@TempDir Path temp) {
    BrokenFixtures.copy("vocom", temp)
        .delete("companies.json")
        .fails(VocomFixtures::load, "companies.json", "/: the file is missing");
  }
}
