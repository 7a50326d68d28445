package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.support.JsonOut;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shapes in which HubSoft shows an atendimento, each the one of a saved example: the summary of
 * the create and customer-search answers (names and {@code dd/MM/yyyy} dates), the database row of
 * the edit answer, and the row with counts and relations of the two listings.
 */
final class AtendimentoViews {

  /** Minutes from opening to the service-level deadline (see the contract's AtendimentoRow). */
  static final long SLA_MINUTES = 60;

  static final String CLIENTE_SERVICO = "cliente_servico";
  static final String USUARIOS_RESPONSAVEIS = "usuarios_responsaveis";
  static final String ATENDIMENTO_MENSAGEM = "atendimento_mensagem";
  static final Set<String> RELACOES =
      Set.of(CLIENTE_SERVICO, USUARIOS_RESPONSAVEIS, ATENDIMENTO_MENSAGEM);

  private final Provedor provedor;

  /**
   * Each customer service's customer and plan as JSON, written when first shown: fixture data that
   * every answer about the service repeats, so it is encoded once rather than on every request.
   * Bounded by the fixture's services.
   */
  private final Map<Long, Shown> shown = new ConcurrentHashMap<>();

  /** The parts of a customer service that the summary view repeats, already JSON. */
  private record Shown(
      JsonOut.Fragment cliente, JsonOut.Fragment servico, JsonOut.Fragment servicoWithId) {

    static Shown of(Provedor.ClienteServico cs) {
      return new Shown(
          JsonOut.fragment(out -> writeCliente(out, cs)),
          JsonOut.fragment(out -> writeServico(out, cs, false)),
          JsonOut.fragment(out -> writeServico(out, cs, true)));
    }
  }

  AtendimentoViews(Provedor provedor) {
    this.provedor = provedor;
  }

  private Shown shown(Provedor.ClienteServico cs) {
    Shown known = shown.get(cs.id());
    return known != null ? known : shown.computeIfAbsent(cs.id(), id -> Shown.of(cs));
  }

  /**
   * Writes the summary view, the answer's biggest part, straight as bytes (see {@link JsonOut}).
   *
   * @param withServico whether to add the customer service's plan (the search answer does)
   * @param withOrdens whether to list the service orders even when there are none
   */
  void resumo(JsonOut out, Atendimento a, boolean withServico, boolean withOrdens) {
    Provedor.ClienteServico cs = provedor.servicos().get(a.idClienteServico());
    out.startObject()
        .field("id_atendimento", a.id())
        .field("protocolo", a.protocolo())
        .field("descricao_abertura", a.descricaoAbertura())
        .field("descricao_fechamento", a.descricaoFechamento())
        .field("tipo_atendimento", provedor.tiposAtendimento().get(a.idTipoAtendimento()))
        .field("usuario_abertura", provedor.usuario(a.idUsuarioAbertura()))
        .field("usuario_responsavel", provedor.usuario(a.idUsuarioResponsavel()))
        .field("usuario_fechamento", provedor.usuario(a.idUsuarioFechamento()))
        .field("data_cadastro", HubSoftTime.dateBr(a.cadastro()))
        .field("data_fechamento", HubSoftTime.dateBr(a.fechamento()))
        .field("setor_responsavel", null)
        .field("status_fechamento", a.statusFechamento())
        .field("motivo_fechamento", null)
        .field("status", a.status().descricao);
    Shown parts = shown(cs);
    out.raw("cliente", parts.cliente());
    if (withServico) {
      out.raw("servico", parts.servicoWithId());
    }
    if (withOrdens || !a.ordens().isEmpty()) {
      out.startArray("ordens_servico");
      a.ordens().forEach(o -> ordem(out, o, parts, withServico));
      out.endArray();
    }
    out.endObject();
  }

  private void ordem(JsonOut out, OrdemServico o, Shown parts, boolean servicoId) {
    out.startObject()
        .field("id_ordem_servico", o.id())
        .field("numero_ordem_servico", o.numero())
        .field("data_cadastro", HubSoftTime.dateTimeBr(o.cadastro()))
        .field("tipo", provedor.tiposOrdemServico().get(o.idTipo()))
        .field("data_inicio_programado", HubSoftTime.dateTimeBr(o.inicioProgramado()))
        .field("data_termino_programado", HubSoftTime.dateTimeBr(o.terminoProgramado()))
        .field("data_inicio_executado", HubSoftTime.dateTimeBr(o.inicioExecutado()))
        .field("data_termino_executado", HubSoftTime.dateTimeBr(o.terminoExecutado()))
        .field("descricao_abertura", o.descricaoAbertura())
        .field("descricao_servico", o.descricaoAbertura())
        .field("descricao_fechamento", o.descricaoFechamento())
        .field("usuario_abertura", provedor.usuario(o.idUsuarioAbertura()))
        .field("usuario_fechamento", provedor.usuario(o.idUsuarioFechamento()))
        .field("status", o.status())
        .field("status_fechamento", o.statusFechamento())
        .raw("cliente", parts.cliente())
        .raw("servico", servicoId ? parts.servicoWithId() : parts.servico())
        .endObject();
  }

  private static void writeCliente(JsonOut out, Provedor.ClienteServico cs) {
    out.startObject()
        .field("codigo_cliente", cs.cliente().codigo())
        .field("nome_razaosocial", cs.cliente().nome())
        .field("cpf_cnpj", cs.cliente().cpfCnpj())
        .endObject();
  }

  private static void writeServico(JsonOut out, Provedor.ClienteServico cs, boolean withId) {
    out.startObject();
    if (withId) {
      out.field("id_cliente_servico", String.valueOf(cs.id()));
    }
    out.field("numero_plano", cs.numeroPlano())
        .field("nome", cs.plano().nome())
        .field("valor", cs.plano().valor())
        .field("status", cs.status())
        .field("status_prefixo", cs.statusPrefixo())
        .endObject();
  }

  /** The database row with its computed fields, as the listings show it. */
  JsonObject row(Atendimento a, Instant now) {
    long minutes =
        Math.max(
            0,
            Duration.between(a.cadastro(), a.fechamento() != null ? a.fechamento() : now)
                .toMinutes());
    long remaining = SLA_MINUTES - minutes;
    long percent = Math.max(0, remaining * 100 / SLA_MINUTES);
    return new JsonObject()
        .put("id_atendimento", a.id())
        .put("id_atendimento_status", a.status().id)
        .put("id_tipo_atendimento", a.idTipoAtendimento())
        .put("id_cliente_servico", a.idClienteServico())
        .put("id_usuario_responsavel", a.idUsuarioResponsavel())
        .put("id_usuario_abertura", a.idUsuarioAbertura())
        .put("id_usuario_fechamento", a.idUsuarioFechamento())
        .put("protocolo", a.protocolo())
        .put("descricao_abertura", a.descricaoAbertura())
        .put("data_cadastro", HubSoftTime.db(a.cadastro()))
        .put("data_fechamento", HubSoftTime.db(a.fechamento()))
        .put("rascunho", false)
        .put("status_fechamento", a.statusFechamento())
        .put("descricao_fechamento", a.descricaoFechamento())
        .put("id_motivo_fechamento_atendimento", a.aberto() ? null : 5)
        .put("deleted_at", null)
        .put("avaliacao", null)
        .put("comentario_avaliacao", null)
        .put("data_cadastro_br", HubSoftTime.minuteBr(a.cadastro()))
        .put("data_cadastro_timestamp", a.cadastro().toEpochMilli())
        .put("data_fechamento_br", HubSoftTime.minuteBr(a.fechamento()))
        .put(
            "data_fechamento_timestamp",
            a.fechamento() == null ? null : a.fechamento().toEpochMilli())
        .put("minutos_em_aberto", minutes)
        .put("tempo_restante", tempo(remaining))
        .put("percentual_tempo_restante", percent)
        .put(
            "percentual_color_class",
            percent > 50
                ? "white-fg md-green-bg"
                : percent > 0 ? "white-fg md-orange-bg" : "white-fg md-red-bg");
  }

  /** {@code -501h 6min}: the time left to the deadline, negative once it has passed. */
  static String tempo(long remainingMinutes) {
    long abs = Math.abs(remainingMinutes);
    return (remainingMinutes < 0 ? "-" : "") + abs / 60 + "h " + abs % 60 + "min";
  }

  /** The row with the extra columns of the edit answer. */
  JsonObject editado(Atendimento a, Instant now) {
    return row(a, now)
        .put("ip_cadastro", null)
        .put("id_setor_responsavel", null)
        .put("destino", "usuario")
        .put("resultado_diagnostico", null)
        .put("nome_contato", a.nomeContato())
        .put("telefone_contato", a.telefoneContato())
        .put("email_contato", a.emailContato())
        .put("id_origem_contato", null)
        .put("push_notification_enviado", false);
  }

  /** The row with counts, status, type and the relations asked for, as the listings show it. */
  JsonObject listado(Atendimento a, Instant now, Set<String> relacoes) {
    long abertas = a.ordens().stream().filter(OrdemServico::aberta).count();
    JsonObject json =
        row(a, now)
            .put("ordem_servico_count", a.ordens().size())
            .put("ordem_servico_fechada", a.ordens().size() - abertas)
            .put("ordem_servico_aberta", abertas)
            .put("anexos_count", 0)
            .put("ingressado", false)
            .put("status", a.status().toJson())
            .put(
                "tipo_atendimento",
                new JsonObject()
                    .put("id_tipo_atendimento", a.idTipoAtendimento())
                    .put("descricao", provedor.tiposAtendimento().get(a.idTipoAtendimento()))
                    .put("checklists", new JsonArray()));
    if (relacoes.contains(CLIENTE_SERVICO)) {
      json.put(CLIENTE_SERVICO, clienteServico(provedor.servicos().get(a.idClienteServico())));
    }
    if (relacoes.contains(USUARIOS_RESPONSAVEIS)) {
      JsonArray usuarios = new JsonArray();
      if (a.idUsuarioResponsavel() != null) {
        usuarios.add(
            new JsonObject()
                .put("id", a.idUsuarioResponsavel())
                .put("name", provedor.usuario(a.idUsuarioResponsavel()))
                .put("id_imagem_upload", null)
                .put(
                    "pivot",
                    new JsonObject()
                        .put("id_atendimento", a.id())
                        .put("id_usuario", a.idUsuarioResponsavel()))
                .put("imagem", null));
      }
      json.put(USUARIOS_RESPONSAVEIS, usuarios);
    }
    if (relacoes.contains(ATENDIMENTO_MENSAGEM)) {
      JsonArray mensagens = new JsonArray();
      for (Mensagem m : a.mensagens()) {
        mensagens.add(
            new JsonObject()
                .put("id_atendimento_mensagem", m.id())
                .put("id_atendimento", a.id())
                .put("mensagem", m.texto())
                .put("data_cadastro_br", HubSoftTime.minuteBr(m.cadastro()))
                .put("data_cadastro_timestamp", m.cadastro().toEpochMilli()));
      }
      json.put(ATENDIMENTO_MENSAGEM, mensagens);
    }
    return json;
  }

  private static JsonObject clienteServico(Provedor.ClienteServico cs) {
    JsonObject endereco = cs.endereco().copy().put("id_cliente_servico", cs.id());
    JsonObject numero = endereco.getJsonObject("endereco_numero", new JsonObject());
    JsonObject cidade = numero.getJsonObject("cidade", new JsonObject());
    String cep = numero.getString("cep", "");
    String completo =
        numero.getString("endereco", "")
            + ", "
            + numero.getString("numero", "S/N")
            + " - "
            + numero.getString("bairro", "")
            + ", "
            + cidade.getString("nome", "").toUpperCase(Locale.ROOT)
            + "/"
            + cidade.getJsonObject("estado", new JsonObject()).getString("sigla", "")
            + " | CEP: "
            + (cep.length() == 8 ? cep.substring(0, 5) + "-" + cep.substring(5) : cep);
    Provedor.Plano plano = cs.plano();
    JsonObject servico =
        new JsonObject().put("id_servico", plano.id()).put("descricao", plano.nome());
    if (plano.grupo() != null) {
      servico
          .put("id_servico_grupo", plano.grupo().getValue("id_servico_grupo"))
          .put("servico_grupo", plano.grupo().copy());
    }
    Provedor.Cliente c = cs.cliente();
    return new JsonObject()
        .put("id_cliente_servico", cs.id())
        .put("id_cliente", c.id())
        .put("id_servico", plano.id())
        .put("numero_plano", cs.numeroPlano())
        .put("display", "(" + cs.numeroPlano() + ") " + plano.nome())
        .put("endereco_numero_completo", completo)
        .put("endereco_instalacao", endereco)
        .put("servico", servico)
        .put(
            "cliente",
            new JsonObject()
                .put("id_cliente", c.id())
                .put("ativo", c.ativo())
                .put("codigo_cliente", c.codigo())
                .put("nome_razaosocial", c.nome())
                .put("display", "(" + c.codigo() + ") " + c.nome()));
  }
}
