package dev.integrationsandbox.vocom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.vocom.VocomFixtures.AgentSeed;
import dev.integrationsandbox.vocom.VocomFixtures.Company;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocomFixturesTest {

  @Test
  void theCommittedFixtureHoldsTheSeedCompany() {
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
    assertTrue(seed.dialer().size() > Reports.CAP);
    assertEquals(2, VocomTestWorld.FIXTURES.companies().size());
  }

  @Test
  void aMalformedFixtureFailsAtLoad() {
    JsonObject twoCompaniesOneKey =
        new JsonObject()
            .put(
                "companies",
                new JsonArray()
                    .add(new JsonObject().put("company_id", "a").put("api_key", "k"))
                    .add(new JsonObject().put("company_id", "b").put("api_key", "k")));
    assertThrows(IllegalArgumentException.class, () -> VocomFixtures.from(twoCompaniesOneKey));

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
    assertThrows(IllegalArgumentException.class, () -> VocomFixtures.from(agentInUnknownQueue));
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
}
