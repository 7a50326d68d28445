package dev.integrationsandbox.hubsoft;

import static dev.integrationsandbox.hubsoft.HubSoftApi.ATENDIMENTO;
import static dev.integrationsandbox.hubsoft.HubSoftApi.SEARCH;
import static dev.integrationsandbox.hubsoft.HubSoftApi.TODOS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The atendimento family over HTTP: open, edit, close, search and list, as a client sees them. */
@Timeout(60)
class HubSoftFlowTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  HubSoftApi api;
  String token;

  @BeforeEach
  void freshWorld() {
    api = new HubSoftApi(extension.sandbox());
    token = api.token();
  }

  static String today() {
    return LocalDate.now(ZoneId.of("America/Sao_Paulo"))
        .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
  }

  @Test
  void theSeedExampleOpensAnAtendimentoWithAServiceOrder() {
    JsonObject answer = api.create(token, HubSoftApi.seedBody());
    assertEquals("success", answer.getString("status"));
    JsonObject a = answer.getJsonObject("atendimento");
    assertEquals(300, a.getInteger("id_atendimento"));
    assertTrue(a.getString("protocolo").matches("[0-9]{20}"));
    assertEquals(
        "Atendimento aberto com sucesso. Anote o protocolo: "
            + a.getString("protocolo")
            + ". Foi aberto também uma ordem de serviço e encaminhada ao sertor responsável",
        answer.getString("msg"));
    assertEquals(
        "Abertura de atendimento de teste | ATENDIMENTO ABERTO VIA API",
        a.getString("descricao_abertura"));
    assertEquals("SAC", a.getString("tipo_atendimento"));
    assertEquals("IP Telecom", a.getString("usuario_abertura"));
    assertEquals("Aguardando Análise", a.getString("status"));
    assertEquals(today(), a.getString("data_cadastro"));
    assertEquals(
        new JsonObject()
            .put("codigo_cliente", 1204)
            .put("nome_razaosocial", "BIANCA COUTO")
            .put("cpf_cnpj", "86214941081"),
        a.getJsonObject("cliente"));
    JsonObject os = a.getJsonArray("ordens_servico").getJsonObject(0);
    assertEquals(340, os.getInteger("id_ordem_servico"));
    assertEquals("320", os.getString("numero_ordem_servico"));
    assertEquals("ABERTURA VIA API", os.getString("tipo"));
    assertEquals("aguardando_agendamento", os.getString("status"));
    assertEquals("NEXT-NV_1MBPS", os.getJsonObject("servico").getString("nome"));
    assertEquals(69.9, os.getJsonObject("servico").getDouble("valor"));
    DateTimeFormatter f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    var opened = java.time.LocalDateTime.parse(os.getString("data_cadastro"), f);
    assertEquals(
        opened.plusHours(1),
        java.time.LocalDateTime.parse(os.getString("data_inicio_programado"), f));
    assertEquals(
        opened.plusHours(2),
        java.time.LocalDateTime.parse(os.getString("data_termino_programado"), f));
  }

  /**
   * The create and search answers are written straight as bytes: they must be exactly the compact
   * encoding of the same JSON, keys in the same order, accents as UTF-8, that an encoded JsonObject
   * gives, as they were when they were built as one.
   */
  @Test
  void theAnswersWrittenAsBytesAreTheCompactEncodingOfTheirJson() {
    Buffer created =
        api.send(HttpMethod.POST, ATENDIMENTO, token, HubSoftApi.seedBody()).bodyAsBuffer();
    JsonObject answer = created.toJsonObject();
    assertEquals(answer.toBuffer(), created);
    assertEquals(List.of("status", "msg", "atendimento"), List.copyOf(answer.fieldNames()));
    assertEquals(
        List.of(
            "id_atendimento",
            "protocolo",
            "descricao_abertura",
            "descricao_fechamento",
            "tipo_atendimento",
            "usuario_abertura",
            "usuario_responsavel",
            "usuario_fechamento",
            "data_cadastro",
            "data_fechamento",
            "setor_responsavel",
            "status_fechamento",
            "motivo_fechamento",
            "status",
            "cliente",
            "ordens_servico"),
        List.copyOf(answer.getJsonObject("atendimento").fieldNames()));
    assertTrue(created.toString().contains("\"status\":\"Aguardando Análise\""));
    Buffer found =
        api.send(
                HttpMethod.GET,
                SEARCH
                    + "?busca=protocolo&termo_busca="
                    + answer.getJsonObject("atendimento").getString("protocolo"),
                token,
                null)
            .bodyAsBuffer();
    JsonObject search = found.toJsonObject();
    assertEquals(search.toBuffer(), found);
    JsonObject first = search.getJsonArray("atendimentos").getJsonObject(0);
    assertEquals("servico", List.copyOf(first.fieldNames()).get(15));
    assertEquals(
        "11000",
        first
            .getJsonArray("ordens_servico")
            .getJsonObject(0)
            .getJsonObject("servico")
            .getString("id_cliente_servico"));
  }

  @Test
  void withoutAbrirOsNoServiceOrderIsOpened() {
    JsonObject answer = api.create(token, HubSoftApi.seedBody().put("abrir_os", false));
    assertEquals("success", answer.getString("status"));
    assertFalse(answer.getString("msg").contains("ordem de serviço"));
    assertFalse(answer.getJsonObject("atendimento").containsKey("ordens_servico"));
  }

  @Test
  void theSeedsCurlWithCurlsDefaultFormContentTypeIsReadAsJson() {
    HttpResponse<Buffer> r =
        extension
            .sandbox()
            .client()
            .post(ATENDIMENTO)
            .bearerTokenAuthentication(token)
            .putHeader("Accept", "application/json")
            .putHeader("Content-Type", "application/x-www-form-urlencoded")
            .sendBuffer(Buffer.buffer(HubSoftApi.seedBody().encode()))
            .await();
    assertEquals(200, r.statusCode());
    assertEquals("success", r.bodyAsJsonObject().getString("status"));
  }

  @Test
  void protocolsAreUniqueAndIncreasingEvenWhenTheClockGoesBack() {
    BigInteger previous = BigInteger.ZERO;
    for (int i = 0; i < 5; i++) {
      if (i == 3) {
        extension
            .sandbox()
            .client()
            .post("/__sandbox/clock")
            .sendJsonObject(new JsonObject().put("advance", "-PT2H"))
            .await();
      }
      BigInteger p =
          new BigInteger(
              api.create(token, HubSoftApi.seedBody())
                  .getJsonObject("atendimento")
                  .getString("protocolo"));
      assertTrue(p.compareTo(previous) > 0, p + " after " + previous);
      previous = p;
    }
  }

  @Test
  void eachInvalidFieldGetsOnePortugueseMessageWithHttp200() {
    JsonObject answer =
        api.create(
            token,
            new JsonObject()
                .put("id_cliente_servico", "abc")
                .put("descricao", "   ")
                .put("telefone", "123")
                .put("email", "not-an-email")
                .put("abrir_os", "talvez"));
    assertEquals("error", answer.getString("status"));
    assertEquals(
        "Favor preencher os campos obrigatórios de acordo com as especificações",
        answer.getString("msg"));
    assertEquals(
        new JsonArray(
            List.of(
                "O campo id_cliente_servico deve ser do tipo integer.",
                "O campo descricao é obrigatório.",
                "O campo nome é obrigatório.",
                "O formato do campo telefone é inválido.",
                "O campo email deve ser um endereço de e-mail válido.",
                "O campo abrir_os deve ser do tipo boolean.")),
        answer.getJsonArray("errors"));
  }

  @Test
  void aMissingNameIsTheVendorsOwnExample() {
    JsonObject answer = api.create(token, HubSoftApi.seedBody().putNull("nome"));
    assertEquals(new JsonArray().add("O campo nome é obrigatório."), answer.getJsonArray("errors"));
  }

  @Test
  void numbersPastALongAndNonJsonBodiesAreRefusedInTheEnvelope() {
    HttpResponse<Buffer> big =
        extension
            .sandbox()
            .client()
            .post(ATENDIMENTO)
            .bearerTokenAuthentication(token)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(
                Buffer.buffer(
                    HubSoftApi.seedBody().encode().replace("\"11000\"", "92233720368547758070")))
            .await();
    assertEquals(200, big.statusCode());
    assertEquals(
        new JsonArray().add("O campo id_cliente_servico deve ser do tipo integer."),
        big.bodyAsJsonObject().getJsonArray("errors"));
    HttpResponse<Buffer> garbage =
        extension
            .sandbox()
            .client()
            .post(ATENDIMENTO)
            .bearerTokenAuthentication(token)
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Buffer.buffer("{\"nome\":"))
            .await();
    assertEquals(200, garbage.statusCode());
    assertEquals("error", garbage.bodyAsJsonObject().getString("status"));
    assertEquals(4, garbage.bodyAsJsonObject().getJsonArray("errors").size());
  }

  @Test
  void anUnknownCustomerServiceIsAnErrorWithAClearMessage() {
    JsonObject answer = api.create(token, HubSoftApi.seedBody().put("id_cliente_servico", 424242));
    assertEquals("error", answer.getString("status"));
    assertEquals("Serviço do cliente de ID 424242 não encontrado", answer.getString("msg"));
  }

  @Test
  void typesTechniciansAndServiceOrderStatusComeFromTheCollectionsParameters() {
    JsonObject body =
        HubSoftApi.seedBody()
            .put("id_tipo_atendimento", 125)
            .put("parametros", new JsonObject().put("id_ligacao", "1233882731973123"))
            .put(
                "parametros_ordem_servico",
                new JsonObject()
                    .put("id_tipo_ordem_servico", "2")
                    .put("status", "pendente")
                    .put("ids_tecnicos", new JsonArray().add("1001").add(935)));
    JsonObject a = api.create(token, body).getJsonObject("atendimento");
    assertEquals("COMERCIAL", a.getString("tipo_atendimento"));
    JsonObject os = a.getJsonArray("ordens_servico").getJsonObject(0);
    assertEquals("SUPORTE", os.getString("tipo"));
    assertEquals("pendente", os.getString("status"));
    JsonObject unknown =
        api.create(
            token,
            HubSoftApi.seedBody()
                .put(
                    "parametros_ordem_servico",
                    new JsonObject().put("ids_tecnicos", new JsonArray().add(1))));
    assertEquals("Técnico de ID 1 não encontrado", unknown.getString("msg"));
  }

  @Test
  void editingKeepsItOpenAndClosingItLeavesThePendingList() {
    long id =
        api.create(token, HubSoftApi.seedBody())
            .getJsonObject("atendimento")
            .getLong("id_atendimento");
    JsonObject edited =
        api.send(
                HttpMethod.PUT,
                ATENDIMENTO + "/" + id,
                token,
                new JsonObject()
                    .put("descricao", "Nova descrição")
                    .put("fechar_atendimento", false)
                    .put("parametros", new JsonObject().put("software", "PBX")))
            .bodyAsJsonObject();
    assertEquals("Atendimento atualizado com sucesso", edited.getString("msg"));
    assertEquals(
        "Nova descrição", edited.getJsonObject("atendimento").getString("descricao_abertura"));
    assertNull(edited.getJsonObject("atendimento").getString("data_fechamento"));
    String pending = SEARCH + "?busca=id_cliente_servico&termo_busca=11000";
    assertTrue(ids(api.get(pending, token)).contains(id));

    JsonObject closed =
        api.send(
                HttpMethod.PUT,
                ATENDIMENTO + "/" + id,
                token,
                new JsonObject()
                    .put("fechar_atendimento", true)
                    .put("parametros", new JsonObject().put("a", 1)))
            .bodyAsJsonObject();
    JsonObject row = closed.getJsonObject("atendimento");
    assertEquals("concluido", row.getString("status_fechamento"));
    assertEquals(24, row.getInteger("id_atendimento_status"));
    assertTrue(
        row.getString("data_fechamento").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"));
    assertFalse(ids(api.get(pending, token)).contains(id));
    JsonObject all = api.get(pending + "&apenas_pendente=nao", token);
    JsonObject found =
        all.getJsonArray("atendimentos").stream()
            .map(JsonObject.class::cast)
            .filter(a -> a.getLong("id_atendimento") == id)
            .findFirst()
            .orElseThrow();
    assertEquals(
        "finalizado", found.getJsonArray("ordens_servico").getJsonObject(0).getString("status"));

    JsonObject again =
        api.send(
                HttpMethod.PUT,
                ATENDIMENTO + "/" + id,
                token,
                new JsonObject()
                    .put("fechar_atendimento", true)
                    .put("parametros", new JsonObject().put("a", 1)))
            .bodyAsJsonObject();
    assertEquals("error", again.getString("status"));
    assertEquals("O atendimento de ID " + id + " já está fechado", again.getString("msg"));
  }

  @Test
  void editingAnUnknownOrMalformedIdOrWithoutTheRequiredFieldsIsAnError() {
    JsonObject body =
        new JsonObject()
            .put("fechar_atendimento", true)
            .put("parametros", new JsonObject().put("a", 1));
    assertEquals(
        "Atendimento de ID 9999 não encontrado",
        api.send(HttpMethod.PUT, ATENDIMENTO + "/9999", token, body)
            .bodyAsJsonObject()
            .getString("msg"));
    assertEquals(
        "Atendimento de ID 99999999999999999999 não encontrado",
        api.send(HttpMethod.PUT, ATENDIMENTO + "/99999999999999999999", token, body)
            .bodyAsJsonObject()
            .getString("msg"));
    JsonObject missing =
        api.send(HttpMethod.PUT, ATENDIMENTO + "/285", token, new JsonObject()).bodyAsJsonObject();
    assertEquals(
        new JsonArray()
            .add("O campo fechar_atendimento é obrigatório.")
            .add("O campo parametros é obrigatório."),
        missing.getJsonArray("errors"));
  }

  @Test
  void theCustomerSearchFiltersOrdersAndLimits() {
    api.create(token, HubSoftApi.seedBody());
    JsonObject byCode =
        api.get(SEARCH + "?busca=codigo_cliente&termo_busca=1204&apenas_pendente=nao", token);
    assertEquals("success", byCode.getString("status"));
    assertEquals(List.of(110L, 285L, 300L), ids(byCode));
    assertEquals(
        List.of(300L, 285L, 110L),
        ids(
            api.get(
                SEARCH
                    + "?busca=cpf_cnpj&termo_busca=862.149.410-81&apenas_pendente=nao&order_type=desc",
                token)));
    assertEquals(
        List.of(110L),
        ids(api.get(SEARCH + "?busca=protocolo&termo_busca=201806191505251", token)));
    assertEquals(
        List.of(110L, 285L),
        ids(
            api.get(
                SEARCH + "?busca=codigo_cliente&termo_busca=1204&limit=2&apenas_pendente=nao",
                token)));
    assertEquals(
        List.of(300L),
        ids(
            api.get(
                SEARCH + "?busca=codigo_cliente&termo_busca=1204&data_inicio=2020-01-01", token)));
    JsonObject servico =
        byCode.getJsonArray("atendimentos").getJsonObject(0).getJsonObject("servico");
    assertEquals("10990", servico.getString("id_cliente_servico"));
    JsonObject wrong =
        api.get(
            SEARCH + "?busca=nome&termo_busca=x&limit=51&order_by=x&data_inicio=2020-13-01", token);
    assertEquals(
        new JsonArray(
            List.of(
                "O campo busca selecionado é inválido.",
                "O campo limit deve estar entre 1 e 50.",
                "O campo order_by selecionado é inválido.",
                "O campo data_inicio não corresponde ao formato Y-m-d.")),
        wrong.getJsonArray("errors"));
    assertEquals(
        new JsonArray()
            .add("O campo busca é obrigatório.")
            .add("O campo termo_busca é obrigatório."),
        api.get(SEARCH, token).getJsonArray("errors"));
  }

  @Test
  void todosPagesFromZeroNewestFirstWithTheRelationsAskedFor() {
    api.create(token, HubSoftApi.seedBody());
    JsonObject first =
        api.get(TODOS + "?pagina=0&itens_por_pagina=2&relacoes=cliente_servico", token);
    assertEquals(
        new JsonObject()
            .put("primeira_pagina", 0)
            .put("ultima_pagina", 1)
            .put("pagina_atual", 0)
            .put("total_registros", 3),
        first.getJsonObject("paginacao"));
    assertEquals(List.of(300L, 285L), rowIds(first.getJsonArray("atendimentos")));
    JsonObject row = first.getJsonArray("atendimentos").getJsonObject(0);
    assertEquals(
        "(1204) BIANCA COUTO",
        row.getJsonObject("cliente_servico").getJsonObject("cliente").getString("display"));
    assertFalse(row.containsKey("atendimento_mensagem"));
    assertEquals(
        List.of(110L),
        rowIds(
            api.get(TODOS + "?pagina=1&itens_por_pagina=2", token).getJsonArray("atendimentos")));
    assertEquals(
        List.of(),
        rowIds(
            api.get(TODOS + "?pagina=7&itens_por_pagina=2", token).getJsonArray("atendimentos")));
    assertEquals(
        new JsonArray()
            .add("O campo pagina é obrigatório.")
            .add("O campo itens_por_pagina deve estar entre 1 e 500."),
        api.get(TODOS + "?itens_por_pagina=501", token).getJsonArray("errors"));
  }

  @Test
  void paginadoIsALaravelPaginatorByGetOrPost() {
    JsonObject page =
        api.get(
                "/api/v1/integracao/atendimento/paginado/1?page=2&data_inicio=2018-01-01&data_fim=2018-12-31",
                token)
            .getJsonObject("atendimentos");
    assertEquals(2, page.getInteger("current_page"));
    assertEquals(2, page.getInteger("last_page"));
    assertEquals(2, page.getInteger("from"));
    assertEquals(List.of(110L), rowIds(page.getJsonArray("data")));
    assertTrue(
        page.getString("prev_page_url")
            .endsWith("/api/v1/integracao/atendimento/paginado/1?page=1"));
    assertNull(page.getString("next_page_url"));
    JsonObject posted =
        api.send(
                HttpMethod.POST,
                "/api/v1/integracao/atendimento/paginado/10",
                token,
                new JsonObject().put("data_inicio", "2018-11-01").put("data_fim", "2018-11-30"))
            .bodyAsJsonObject();
    assertEquals(List.of(285L), rowIds(posted.getJsonObject("atendimentos").getJsonArray("data")));
    JsonObject wrong =
        api.get(
            "/api/v1/integracao/atendimento/paginado/0?data_inicio=2018-12-01&data_fim=2018-01-01",
            token);
    assertEquals(
        new JsonArray()
            .add("O campo quantidade deve estar entre 1 e 500.")
            .add("O campo data_fim deve ser uma data posterior ou igual a data_inicio."),
        wrong.getJsonArray("errors"));
  }

  @Test
  void aSecondOAuthClientSeesOnlyItsOwnProvidersData() {
    String other = api.otherToken();
    assertEquals(
        "Serviço do cliente de ID 11000 não encontrado",
        api.create(other, HubSoftApi.seedBody()).getString("msg"));
    JsonObject created = api.create(other, HubSoftApi.seedBody().put("id_cliente_servico", 21000));
    assertEquals("Vale Net", created.getJsonObject("atendimento").getString("usuario_abertura"));
    assertEquals(1, created.getJsonObject("atendimento").getInteger("id_atendimento"));
    assertEquals(
        1,
        api.get(TODOS + "?pagina=0&itens_por_pagina=10", other)
            .getJsonObject("paginacao")
            .getInteger("total_registros"));
    assertEquals(
        2,
        api.get(TODOS + "?pagina=0&itens_por_pagina=10", token)
            .getJsonObject("paginacao")
            .getInteger("total_registros"));
  }

  static List<Long> ids(JsonObject answer) {
    return rowIds(answer.getJsonArray("atendimentos"));
  }

  static List<Long> rowIds(JsonArray rows) {
    return rows.stream().map(o -> ((JsonObject) o).getLong("id_atendimento")).toList();
  }
}
