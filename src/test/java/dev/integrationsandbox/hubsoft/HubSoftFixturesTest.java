package dev.integrationsandbox.hubsoft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.integrationsandbox.support.BrokenFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HubSoft fixture folder as committed loads; each way of breaking it is one line. */
class HubSoftFixturesTest {

  private static final String IP = "/provedores/ip-telecom";

  @Test
  void theCommittedFixturesLoad() {
    HubSoftFixtures f = HubSoftFixtures.read(Path.of("fixtures", "hubsoft"));
    assertEquals(2, f.clients().size());
    assertEquals(2, f.provedores().size());
  }

  @Test
  void aWrongTypeNamesTheFileAndPointer(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .edit(
            "oauth-clients.json",
            j ->
                j.getJsonArray("clients")
                    .getJsonObject(0)
                    .getJsonArray("users")
                    .getJsonObject(0)
                    .put("id", "5228"))
        .fails(
            HubSoftFixtures::read,
            "oauth-clients.json",
            "/clients/0/users/0/id: must be an integer (got string)");
  }

  @Test
  void aMissingKeyIsNamedInThePointer(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .edit(
            "oauth-clients.json",
            j -> j.getJsonArray("clients").getJsonObject(1).remove("provedor"))
        .fails(HubSoftFixtures::read, "oauth-clients.json", "/clients/1/provedor: is missing");
  }

  @Test
  void noClientsIsOneLine(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .write("oauth-clients.json", "{\"clients\": []}")
        .fails(
            HubSoftFixtures::read, "oauth-clients.json", "/clients: must list at least one entry");
  }

  @Test
  void malformedJsonIsOneLine(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .write("provedores.json", "{\"provedores\": {\"x\": nul}}")
        .fails(
            HubSoftFixtures::read,
            "provedores.json",
            "/provedores/x: not valid JSON: Unrecognized token 'nul': was expecting (JSON String,"
                + " Number, Array, Object or token 'null', 'true' or 'false') (line 1, column 26)");
  }

  @Test
  void anUnknownProvedorListsTheKnownOnes(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .edit(
            "oauth-clients.json",
            j -> j.getJsonArray("clients").getJsonObject(1).put("provedor", "vale"))
        .fails(
            HubSoftFixtures::read,
            "oauth-clients.json",
            "/clients/1/provedor: names no provedor of provedores.json (known: ip-telecom,"
                + " vale-net)");
  }

  @Test
  void aBadCpfNamesTheCliente(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .edit(
            "provedores.json",
            j ->
                ipTelecom(j)
                    .getJsonArray("clientes")
                    .getJsonObject(1)
                    .put("cpf_cnpj", "52998224700"))
        .fails(
            HubSoftFixtures::read,
            "provedores.json",
            IP + "/clientes/1/cpf_cnpj: not a valid CPF or CNPJ");
  }

  @Test
  void anAtendimentoOfAnUnknownServiceIsRefused(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .edit(
            "provedores.json",
            j ->
                ipTelecom(j)
                    .getJsonArray("atendimentos")
                    .getJsonObject(1)
                    .put("id_cliente_servico", 1))
        .fails(
            HubSoftFixtures::read,
            "provedores.json",
            IP
                + "/atendimentos/1/id_cliente_servico: names no service of this provedor's clientes");
  }

  @Test
  void aDateInAnotherShapeIsRefused(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .edit(
            "provedores.json",
            j ->
                ipTelecom(j)
                    .getJsonArray("atendimentos")
                    .getJsonObject(0)
                    .put("data_cadastro", "19/06/2018"))
        .fails(
            HubSoftFixtures::read,
            "provedores.json",
            IP
                + "/atendimentos/0/data_cadastro: must be a date and time as YYYY-MM-DD HH:MM:SS,"
                + " or null (got \"19/06/2018\")");
  }

  @Test
  void noDefaultTechnicianIsRefused(@TempDir Path temp) {
    BrokenFixtures.copy("hubsoft", temp)
        .edit(
            "provedores.json",
            j -> {
              JsonArray tecnicos =
                  j.getJsonObject("provedores").getJsonObject("vale-net").getJsonArray("tecnicos");
              tecnicos.getJsonObject(0).remove("padrao");
            })
        .fails(
            HubSoftFixtures::read,
            "provedores.json",
            "/provedores/vale-net/tecnicos: no entry is \"padrao\": true");
  }

  private static JsonObject ipTelecom(JsonObject provedores) {
    return provedores.getJsonObject("provedores").getJsonObject("ip-telecom");
  }
}
