package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Call;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How HubSoft reads the input of each atendimento route, with {@link Rules}: the emulator uses it
 * to answer, and {@link LaravelDialect} uses it to word the errors of a request the contract
 * refused, so both say the same thing about the same input.
 */
final class Inputs {

  static final String CREATE = "createAtendimento";
  static final String UPDATE = "updateAtendimento";
  static final String LIST = "listAtendimentos";
  static final String PAGINATED = "listAtendimentosPaginado";
  static final String PAGINATED_POST = "listAtendimentosPaginadoPost";
  static final String SEARCH = "searchClienteAtendimentos";

  record Edicao(String descricao, boolean fechar, Object parametros) {}

  record Todos(
      long pagina, long itensPorPagina, LocalDate inicio, LocalDate fim, Set<String> relacoes) {}

  record Paginado(long quantidade, long pagina, LocalDate inicio, LocalDate fim) {}

  record Busca(
      String busca,
      String termo,
      long limit,
      boolean apenasPendente,
      String orderBy,
      boolean descending,
      LocalDate inicio,
      LocalDate fim) {}

  private Inputs() {}

  /** The errors HubSoft lists for this request; empty when its input is valid. */
  static List<String> errors(Call call) {
    Rules rules = new Rules();
    switch (call.operationId() == null ? "" : call.operationId()) {
      case CREATE -> NovoAtendimento.read(body(call), rules);
      case UPDATE -> edicao(call, rules);
      case LIST -> todos(call, rules);
      case PAGINATED, PAGINATED_POST -> paginado(call, rules);
      case SEARCH -> busca(call, rules);
      default -> {}
    }
    return rules.errors();
  }

  /** The JSON body whatever the Content-Type (the seed's curl sends curl's form type); or null. */
  static Object body(Call call) {
    return call.body().jsonOrNull();
  }

  /** Body fields first, then the query string, as Laravel's {@code input()} merges them. */
  private static Object input(Call call, String name) {
    if (body(call) instanceof JsonObject json && json.getValue(name) != null) {
      return json.getValue(name);
    }
    return call.query().get(name);
  }

  static Edicao edicao(Call call, Rules rules) {
    JsonObject in = body(call) instanceof JsonObject o ? o : new JsonObject();
    String descricao = rules.string("descricao", in.getValue("descricao"));
    boolean fechar = false;
    if (rules.required("fechar_atendimento", in.getValue("fechar_atendimento"))) {
      fechar = rules.bool("fechar_atendimento", in.getValue("fechar_atendimento"), false);
    }
    Object parametros = null;
    if (rules.required("parametros", in.getValue("parametros"))) {
      parametros = rules.array("parametros", in.getValue("parametros"));
    }
    return rules.ok() ? new Edicao(descricao, fechar, parametros) : null;
  }

  static Todos todos(Call call, Rules rules) {
    Long pagina = null;
    if (rules.required("pagina", call.query().get("pagina"))) {
      pagina = rules.integerMin("pagina", call.query().get("pagina"), 0);
    }
    Long itens = null;
    if (rules.required("itens_por_pagina", call.query().get("itens_por_pagina"))) {
      itens =
          rules.integerBetween("itens_por_pagina", call.query().get("itens_por_pagina"), 1, 500);
    }
    LocalDate inicio = rules.day("data_inicio", call.query().get("data_inicio"));
    LocalDate fim = rules.day("data_fim", call.query().get("data_fim"));
    rules.notBefore("data_fim", fim, "data_inicio", inicio);
    Set<String> relacoes = new LinkedHashSet<>();
    String asked = rules.string("relacoes", call.query().get("relacoes"));
    if (asked != null) {
      for (String r : asked.split(",")) {
        if (!r.isBlank()) {
          if (AtendimentoViews.RELACOES.contains(r.strip())) {
            relacoes.add(r.strip());
          } else {
            rules.oneOf("relacoes", r.strip(), List.copyOf(AtendimentoViews.RELACOES));
          }
        }
      }
    }
    return rules.ok() ? new Todos(pagina, itens, inicio, fim, Set.copyOf(relacoes)) : null;
  }

  static Paginado paginado(Call call, Rules rules) {
    Long quantidade = rules.integerBetween("quantidade", call.pathParam("quantidade"), 1, 500);
    Object asked =
        call.query().get("page") != null ? call.query().get("page") : input(call, "pagina");
    Long pagina = Rules.present(asked) ? rules.integerMin("page", asked, 1) : Long.valueOf(1);
    LocalDate inicio = null;
    if (rules.required("data_inicio", input(call, "data_inicio"))) {
      inicio = rules.day("data_inicio", input(call, "data_inicio"));
    }
    LocalDate fim = null;
    if (rules.required("data_fim", input(call, "data_fim"))) {
      fim = rules.day("data_fim", input(call, "data_fim"));
    }
    rules.notBefore("data_fim", fim, "data_inicio", inicio);
    return rules.ok() ? new Paginado(quantidade, pagina, inicio, fim) : null;
  }

  static Busca busca(Call call, Rules rules) {
    String busca = null;
    if (rules.required("busca", call.query().get("busca"))) {
      busca =
          rules.oneOf(
              "busca",
              call.query().get("busca"),
              List.of("codigo_cliente", "cpf_cnpj", "id_cliente_servico", "protocolo"));
    }
    String termo = rules.requiredString("termo_busca", call.query().get("termo_busca"));
    Long limit = rules.integerBetween("limit", call.query().get("limit"), 1, 50);
    String pendente =
        rules.oneOf("apenas_pendente", call.query().get("apenas_pendente"), List.of("sim", "nao"));
    String orderBy =
        rules.oneOf(
            "order_by", call.query().get("order_by"), List.of("data_cadastro", "data_fechamento"));
    String orderType =
        rules.oneOf("order_type", call.query().get("order_type"), List.of("asc", "desc"));
    LocalDate inicio = rules.day("data_inicio", call.query().get("data_inicio"));
    LocalDate fim = rules.day("data_fim", call.query().get("data_fim"));
    rules.notBefore("data_fim", fim, "data_inicio", inicio);
    if (!rules.ok()) {
      return null;
    }
    return new Busca(
        busca,
        termo,
        limit == null ? 20 : limit,
        !"nao".equals(pendente),
        orderBy == null ? "data_cadastro" : orderBy,
        "desc".equals(orderType),
        inicio,
        fim);
  }
}
