package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.spi.RevokesTokens;
import dev.integrationsandbox.support.JsonOut;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * HubSoft in emulate mode, one world: the Passport token endpoint and the atendimento routes, each
 * OAuth client reaching its own installation's data.
 *
 * <p>The bearer token is looked up before anything else, as Laravel's auth middleware does; HubSoft
 * then reads the input with its own rules ({@link Inputs}) and answers in its envelope.
 */
public final class HubSoftEmulator implements Emulator<HubSoftSession>, RevokesTokens {

  static final String CREATE_TOKEN = "createToken";

  /** One installation's book and the views of its atendimentos. */
  private record Installation(Provedor provedor, AtendimentoBook book, AtendimentoViews views) {}

  private final HubSoftFixtures fixtures;
  private final SandboxClock clock;
  private final PassportTokens tokens;
  private final PassportTokenEndpoint tokenEndpoint;
  private final Map<String, Installation> installations = new LinkedHashMap<>();

  HubSoftEmulator(
      HubSoftFixtures fixtures, SandboxClock clock, int maxAtendimentos, int maxTokens) {
    this.fixtures = fixtures;
    this.clock = clock;
    this.tokens =
        new PassportTokens(
            fixtures.tokenLifetimeSeconds(), fixtures.refreshTokenLifetimeSeconds(), maxTokens);
    this.tokenEndpoint = new PassportTokenEndpoint(fixtures.clients(), tokens);
    for (OAuthClient client : fixtures.clients().values()) {
      Provedor provedor = fixtures.provedores().get(client.provedor());
      installations.put(
          client.clientId(),
          new Installation(
              provedor,
              new AtendimentoBook(provedor, maxAtendimentos),
              new AtendimentoViews(provedor)));
    }
  }

  /**
   * Revokes every access and refresh token of this world, as HubSoft does after an upgrade: the
   * next API call with an old token gets 401 and the client must take a new token with its
   * password.
   *
   * @return how many live access tokens were revoked
   */
  @Override
  public int revokeTokens() {
    return tokens.revokeAll();
  }

  @Override
  public HubSoftSession authenticate(Call call) {
    if (CREATE_TOKEN.equals(call.operationId())) {
      return null;
    }
    String header = call.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw Failure.unauthorized("no bearer token");
    }
    int start = 7;
    int end = header.length();
    while (start < end && Character.isWhitespace(header.charAt(start))) {
      start++;
    }
    while (end > start && Character.isWhitespace(header.charAt(end - 1))) {
      end--;
    }
    PassportTokens.Access access = tokens.valid(header, start, end, call.at());
    if (access == null) {
      throw Failure.unauthorized("unknown, expired or revoked token");
    }
    OAuthClient client = fixtures.clients().get(access.clientId());
    OAuthClient.ApiUser user =
        client.users().stream().filter(u -> u.id() == access.userId()).findFirst().orElseThrow();
    return new HubSoftSession(client, user);
  }

  @Override
  public Future<Reply> handle(Call call, HubSoftSession session) {
    if (CREATE_TOKEN.equals(call.operationId())) {
      return Future.succeededFuture(tokenEndpoint.token(call));
    }
    Installation at = installations.get(session.client().clientId());
    return Future.succeededFuture(
        switch (call.operationId()) {
          case Inputs.CREATE -> create(call, session, at);
          case Inputs.UPDATE -> update(call, session, at);
          case Inputs.LIST -> todos(call, at);
          case Inputs.PAGINATED, Inputs.PAGINATED_POST -> paginado(call, at);
          case Inputs.SEARCH -> busca(call, at);
          default ->
              throw Failure.of(Failure.Kind.NO_ROUTE, "no handler for " + call.operationId());
        });
  }

  private static Failure invalid(Rules rules) {
    return Failure.invalid(
        rules.errors().stream()
            .map(e -> dev.integrationsandbox.contract.Violation.request("body", e))
            .toList());
  }

  private Reply create(Call call, HubSoftSession session, Installation at) {
    Rules rules = new Rules();
    NovoAtendimento request = NovoAtendimento.read(Inputs.body(call), rules);
    if (request == null) {
      throw invalid(rules);
    }
    Atendimento a = at.book().open(request, call.at(), session.user().id());
    String msg = "Atendimento aberto com sucesso. Anote o protocolo: " + a.protocolo();
    if (!a.ordens().isEmpty()) {
      msg += ". Foi aberto também uma ordem de serviço e encaminhada ao sertor responsável";
    }
    String text = msg;
    return Reply.encoded(
            200,
            JsonOut.write(
                2048,
                out -> {
                  successStart(out, text).name("atendimento");
                  at.views().resumo(out, a, false, false);
                  out.endObject();
                }))
        .asSuccess();
  }

  private Reply update(Call call, HubSoftSession session, Installation at) {
    Long id = Rules.asLong(call.pathParam("id_atendimento"));
    Rules rules = new Rules();
    Inputs.Edicao edicao = Inputs.edicao(call, rules);
    if (edicao == null) {
      throw invalid(rules);
    }
    if (id == null) {
      throw AtendimentoBook.notFound(call.pathParam("id_atendimento"));
    }
    Atendimento a =
        at.book()
            .edit(
                id,
                edicao.descricao(),
                edicao.parametros(),
                edicao.fechar(),
                call.at(),
                session.user().id());
    return success("Atendimento atualizado com sucesso")
        .put("atendimento", at.views().editado(a, call.at()))
        .reply();
  }

  private Reply todos(Call call, Installation at) {
    Rules rules = new Rules();
    Inputs.Todos q = Inputs.todos(call, rules);
    if (q == null) {
      throw invalid(rules);
    }
    List<Atendimento> found = newestFirst(at, between(q.inicio(), q.fim()));
    long total = found.size();
    long lastPage = Math.max(0, (total + q.itensPorPagina() - 1) / q.itensPorPagina() - 1);
    JsonArray page = new JsonArray();
    slice(found, q.pagina(), q.itensPorPagina())
        .forEach(a -> page.add(at.views().listado(a, call.at(), q.relacoes())));
    return success("Dados consultados com sucesso")
        .put(
            "paginacao",
            new JsonObject()
                .put("primeira_pagina", 0)
                .put("ultima_pagina", lastPage)
                .put("pagina_atual", q.pagina())
                .put("total_registros", total))
        .put("atendimentos", page)
        .reply();
  }

  private Reply paginado(Call call, Installation at) {
    Rules rules = new Rules();
    Inputs.Paginado q = Inputs.paginado(call, rules);
    if (q == null) {
      throw invalid(rules);
    }
    List<Atendimento> found = newestFirst(at, between(q.inicio(), q.fim()));
    long total = found.size();
    long perPage = q.quantidade();
    long lastPage = Math.max(1, (total + perPage - 1) / perPage);
    List<Atendimento> slice = slice(found, q.pagina() - 1, perPage);
    JsonArray data = new JsonArray();
    Set<String> relacoes = AtendimentoViews.RELACOES;
    slice.forEach(a -> data.add(at.views().listado(a, call.at(), relacoes)));
    String host = call.header("Host") == null ? "localhost" : call.header("Host");
    String path = "http://" + host + call.path();
    long from = (q.pagina() - 1) * perPage + 1;
    JsonObject paginator =
        new JsonObject()
            .put("current_page", q.pagina())
            .put("data", data)
            .put("first_page_url", path + "?page=1")
            .put("from", slice.isEmpty() ? null : from)
            .put("last_page", lastPage)
            .put("last_page_url", path + "?page=" + lastPage)
            .put("next_page_url", q.pagina() < lastPage ? path + "?page=" + (q.pagina() + 1) : null)
            .put("path", path)
            .put("per_page", perPage)
            .put("prev_page_url", q.pagina() > 1 ? path + "?page=" + (q.pagina() - 1) : null)
            .put("to", slice.isEmpty() ? null : from + slice.size() - 1)
            .put("total", total);
    return success("Dados consultados com sucesso")
        .put("atendimentos", paginator)
        .put("cliente", null)
        .reply();
  }

  private Reply busca(Call call, Installation at) {
    Rules rules = new Rules();
    Inputs.Busca q = Inputs.busca(call, rules);
    if (q == null) {
      throw invalid(rules);
    }
    Predicate<Atendimento> matches = matcher(q, at.provedor());
    Comparator<Atendimento> order =
        Comparator.comparing(
                (Atendimento a) ->
                    "data_fechamento".equals(q.orderBy()) ? a.fechamento() : a.cadastro(),
                Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(Atendimento::id);
    List<Atendimento> found =
        at.book().all().stream()
            .filter(matches)
            .filter(a -> !q.apenasPendente() || a.aberto())
            .filter(between(q.inicio(), q.fim()))
            .sorted(q.descending() ? order.reversed() : order)
            .limit(q.limit())
            .toList();
    return Reply.encoded(
            200,
            JsonOut.write(
                2048,
                out -> {
                  successStart(out, "Dados consultados com sucesso").startArray("atendimentos");
                  found.forEach(a -> at.views().resumo(out, a, true, true));
                  out.endArray().endObject();
                }))
        .asSuccess();
  }

  private static Predicate<Atendimento> matcher(Inputs.Busca q, Provedor provedor) {
    String termo = q.termo();
    return switch (q.busca()) {
      case "protocolo" -> a -> a.protocolo().equals(termo);
      case "id_cliente_servico" -> a -> String.valueOf(a.idClienteServico()).equals(termo);
      case "codigo_cliente" ->
          a ->
              String.valueOf(provedor.servicos().get(a.idClienteServico()).cliente().codigo())
                  .equals(termo);
      default -> {
        String digits = termo.replaceAll("[^0-9]", "");
        yield a ->
            !digits.isEmpty()
                && provedor.servicos().get(a.idClienteServico()).cliente().cpfCnpj().equals(digits);
      }
    };
  }

  private static Predicate<Atendimento> between(LocalDate inicio, LocalDate fim) {
    return a -> {
      LocalDate day = HubSoftTime.day(a.cadastro());
      return (inicio == null || !day.isBefore(inicio)) && (fim == null || !day.isAfter(fim));
    };
  }

  private static List<Atendimento> newestFirst(Installation at, Predicate<Atendimento> filter) {
    return at.book().all().stream()
        .filter(filter)
        .sorted(Comparator.comparingLong(Atendimento::id).reversed())
        .toList();
  }

  private static List<Atendimento> slice(List<Atendimento> all, long page, long size) {
    if (page < 0 || page >= (all.size() + size - 1) / size) {
      return List.of();
    }
    int from = (int) (page * size);
    return all.subList(from, (int) Math.min(all.size(), from + size));
  }

  private static Envelope success(String msg) {
    return new Envelope(new JsonObject().put("status", "success").put("msg", msg));
  }

  /** The start of {@link #success}'s envelope, for an answer written as bytes. */
  private static JsonOut successStart(JsonOut out, String msg) {
    return out.startObject().field("status", "success").field("msg", msg);
  }

  /** HubSoft's success envelope under construction. */
  private record Envelope(JsonObject json) {
    Envelope put(String key, Object value) {
      json.put(key, value);
      return this;
    }

    Reply reply() {
      return Reply.json(200, json).asSuccess();
    }
  }

  @Override
  public void reset() {
    tokens.reset();
    installations.values().forEach(i -> i.book().reset());
  }

  @Override
  public JsonObject snapshot() {
    JsonObject state = new JsonObject().put("liveTokens", tokens.snapshot(clock.now()));
    JsonObject byClient = new JsonObject();
    installations.forEach((client, i) -> byClient.put(client, i.book().snapshot()));
    return state.put("clients", byClient);
  }
}
