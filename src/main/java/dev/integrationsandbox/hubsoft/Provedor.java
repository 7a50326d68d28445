package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.support.BrazilianDocument;
import dev.integrationsandbox.support.FixtureException;
import dev.integrationsandbox.support.FixtureFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HubSoft installation's data as its fixture describes it: the provider's users, atendimento
 * and service-order types, technicians, plans, customers with their services, the atendimentos that
 * already exist, and where its id sequences start. Read-only and shared by every world.
 */
record Provedor(
    String nome,
    long proximoIdAtendimento,
    long proximoIdOrdemServico,
    long proximoNumeroOrdemServico,
    long proximoIdMensagem,
    Map<Long, String> usuarios,
    Map<Long, String> tiposAtendimento,
    long tipoAtendimentoPadrao,
    Map<Long, String> tiposOrdemServico,
    long tipoOrdemServicoPadrao,
    Map<Long, String> tecnicos,
    long tecnicoPadrao,
    Map<Long, ClienteServico> servicos,
    List<Atendimento> atendimentos) {

  record Cliente(long id, long codigo, String nome, String cpfCnpj, boolean ativo) {}

  record Plano(long id, String nome, Number valor, JsonObject grupo) {}

  /** A customer's contracted service (the plan at an installation address). */
  record ClienteServico(
      long id,
      Cliente cliente,
      Plano plano,
      long numeroPlano,
      String status,
      String statusPrefixo,
      JsonObject endereco) {}

  String usuario(Long id) {
    return id == null ? null : usuarios.getOrDefault(id, "Usuário " + id);
  }

  /** One provedor's object read without its file; problems name {@code where} as the file. */
  static Provedor fromJson(String where, JsonObject json) {
    return fromJson(Path.of(where), "", json);
  }

  /**
   * One provedor's object, found at {@code pointer} in {@code file}; checks what the schema cannot:
   * references between its lists, a default of each kind, CPF/CNPJ check digits.
   *
   * @throws FixtureException naming the file and JSON pointer of the first problem
   */
  static Provedor fromJson(Path file, String pointer, JsonObject json) {
    Map<Long, Plano> planos = new LinkedHashMap<>();
    for (JsonObject p : objects(json, "servicos", file, pointer)) {
      planos.put(
          p.getLong("id_servico"),
          new Plano(
              p.getLong("id_servico"),
              p.getString("nome"),
              p.getNumber("valor"),
              p.getJsonObject("servico_grupo")));
    }
    Map<Long, ClienteServico> servicos = new LinkedHashMap<>();
    List<JsonObject> clientes = objects(json, "clientes", file, pointer);
    for (int i = 0; i < clientes.size(); i++) {
      JsonObject c = clientes.get(i);
      String at = pointer + FixtureFiles.pointer("clientes", i);
      if (!BrazilianDocument.isValid(c.getString("cpf_cnpj"))) {
        throw FixtureFiles.problem(file, at + "/cpf_cnpj", "not a valid CPF or CNPJ");
      }
      Cliente cliente =
          new Cliente(
              c.getLong("id_cliente"),
              c.getLong("codigo_cliente"),
              c.getString("nome_razaosocial"),
              c.getString("cpf_cnpj"),
              c.getBoolean("ativo", true));
      List<JsonObject> contratados = objects(c, "servicos", file, at);
      for (int j = 0; j < contratados.size(); j++) {
        JsonObject s = contratados.get(j);
        Plano plano = planos.get(s.getLong("id_servico"));
        if (plano == null) {
          throw FixtureFiles.problem(
              file,
              at + FixtureFiles.pointer("servicos", j, "id_servico"),
              "names no plan of this provedor's servicos");
        }
        servicos.put(
            s.getLong("id_cliente_servico"),
            new ClienteServico(
                s.getLong("id_cliente_servico"),
                cliente,
                plano,
                s.getLong("numero_plano", 0L),
                s.getString("status"),
                s.getString("status_prefixo"),
                s.getJsonObject("endereco_instalacao", new JsonObject())));
      }
    }
    Map<Long, String> usuarios = names(json, "usuarios", "id", "name", file, pointer);
    Map<Long, String> tipos =
        names(json, "tiposAtendimento", "id_tipo_atendimento", "descricao", file, pointer);
    Map<Long, String> tiposOs =
        names(json, "tiposOrdemServico", "id_tipo_ordem_servico", "descricao", file, pointer);
    Map<Long, String> tecnicos = names(json, "tecnicos", "id", "name", file, pointer);
    List<Atendimento> atendimentos = new ArrayList<>();
    List<JsonObject> existing = objects(json, "atendimentos", file, pointer);
    for (int k = 0; k < existing.size(); k++) {
      Atendimento atendimento = atendimento(existing.get(k));
      String at = pointer + FixtureFiles.pointer("atendimentos", k);
      if (!servicos.containsKey(atendimento.idClienteServico())) {
        throw FixtureFiles.problem(
            file, at + "/id_cliente_servico", "names no service of this provedor's clientes");
      }
      if (!tipos.containsKey(atendimento.idTipoAtendimento())) {
        throw FixtureFiles.problem(
            file, at + "/id_tipo_atendimento", "names no type of this provedor's tiposAtendimento");
      }
      atendimentos.add(atendimento);
    }
    return new Provedor(
        json.getString("nome"),
        json.getLong("proximoIdAtendimento", 1L),
        json.getLong("proximoIdOrdemServico", 1L),
        json.getLong("proximoNumeroOrdemServico", 1L),
        json.getLong("proximoIdMensagem", 1L),
        usuarios,
        tipos,
        padrao(json, "tiposAtendimento", "id_tipo_atendimento", file, pointer),
        tiposOs,
        padrao(json, "tiposOrdemServico", "id_tipo_ordem_servico", file, pointer),
        tecnicos,
        padrao(json, "tecnicos", "id", file, pointer),
        Map.copyOf(servicos),
        List.copyOf(atendimentos));
  }

  private static Atendimento atendimento(JsonObject a) {
    List<OrdemServico> ordens = new ArrayList<>();
    for (Object o : a.getJsonArray("ordens_servico", new JsonArray())) {
      JsonObject os = (JsonObject) o;
      ordens.add(
          new OrdemServico(
              os.getLong("id_ordem_servico"),
              os.getString("numero_ordem_servico"),
              os.getLong("id_tipo_ordem_servico"),
              HubSoftTime.parseDb(os.getString("data_cadastro")),
              HubSoftTime.parseDb(os.getString("data_inicio_programado")),
              HubSoftTime.parseDb(os.getString("data_termino_programado")),
              HubSoftTime.parseDb(os.getString("data_inicio_executado")),
              HubSoftTime.parseDb(os.getString("data_termino_executado")),
              a.getString("descricao_abertura"),
              os.getString("descricao_fechamento"),
              os.getLong("id_usuario_abertura"),
              os.getLong("id_usuario_fechamento"),
              os.getString("status"),
              os.getString("status_fechamento"),
              os.getJsonArray("ids_tecnicos", new JsonArray()).stream()
                  .map(t -> ((Number) t).longValue())
                  .toList()));
    }
    List<Mensagem> mensagens = new ArrayList<>();
    for (Object o : a.getJsonArray("mensagens", new JsonArray())) {
      JsonObject m = (JsonObject) o;
      mensagens.add(
          new Mensagem(
              m.getLong("id_atendimento_mensagem"),
              m.getString("mensagem"),
              HubSoftTime.parseDb(m.getString("data_cadastro"))));
    }
    return new Atendimento(
        a.getLong("id_atendimento"),
        a.getString("protocolo"),
        a.getLong("id_cliente_servico"),
        a.getLong("id_tipo_atendimento"),
        a.getLong("id_usuario_abertura"),
        a.getLong("id_usuario_responsavel"),
        a.getLong("id_usuario_fechamento"),
        a.getString("descricao_abertura"),
        a.getString("descricao_fechamento"),
        a.getString("nome_contato"),
        a.getString("telefone_contato"),
        a.getString("email_contato"),
        HubSoftTime.parseDb(a.getString("data_cadastro")),
        HubSoftTime.parseDb(a.getString("data_fechamento")),
        StatusAtendimento.byPrefix(a.getString("status", "aguardando_analise")),
        a.getString("status_fechamento"),
        a.getValue("parametros"),
        List.copyOf(ordens),
        List.copyOf(mensagens));
  }

  private static List<JsonObject> objects(JsonObject json, String key, Path file, String pointer) {
    JsonArray array = json.getJsonArray(key, new JsonArray());
    List<JsonObject> out = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject object)) {
        throw FixtureFiles.problem(
            file, pointer + FixtureFiles.pointer(key, i), "must be an object");
      }
      out.add(object);
    }
    return out;
  }

  private static Map<Long, String> names(
      JsonObject json, String key, String idField, String nameField, Path file, String pointer) {
    Map<Long, String> out = new LinkedHashMap<>();
    for (JsonObject o : objects(json, key, file, pointer)) {
      out.put(o.getLong(idField), o.getString(nameField));
    }
    if (out.isEmpty()) {
      throw FixtureFiles.problem(
          file, pointer + FixtureFiles.pointer(key), "must list at least one entry");
    }
    return Map.copyOf(out);
  }

  private static long padrao(
      JsonObject json, String key, String idField, Path file, String pointer) {
    for (JsonObject o : objects(json, key, file, pointer)) {
      if (o.getBoolean("padrao", false)) {
        return o.getLong(idField);
      }
    }
    throw FixtureFiles.problem(
        file, pointer + FixtureFiles.pointer(key), "no entry is \"padrao\": true");
  }
}
