package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Failure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HubSoft installation's atendimentos in one world: its id sequences, its protocol numbers and
 * the atendimentos themselves, newest kept.
 *
 * <p>Every change runs under the book's lock, so concurrent opens get distinct ids and increasing
 * protocols, and of two concurrent closes one wins. Past {@code max} atendimentos the oldest is
 * forgotten, so a load test runs in bounded memory.
 */
final class AtendimentoBook {

  private static final long SEQUENCE_SPAN = 1_000_000L;

  private final Provedor provedor;
  private final int max;
  private final Map<Long, Atendimento> atendimentos = new LinkedHashMap<>();
  private long nextId;
  private long nextOrdemId;
  private long nextOrdemNumero;
  private long lastStamp;
  private long lastSequence;

  AtendimentoBook(Provedor provedor, int max) {
    this.provedor = provedor;
    this.max = max;
    reset();
  }

  synchronized void reset() {
    atendimentos.clear();
    provedor.atendimentos().forEach(a -> atendimentos.put(a.id(), a));
    nextId = provedor.proximoIdAtendimento();
    nextOrdemId = provedor.proximoIdOrdemServico();
    nextOrdemNumero = provedor.proximoNumeroOrdemServico();
    lastStamp = 0;
    lastSequence = 0;
  }

  /**
   * Opens an atendimento (and its service order when asked) for the API user {@code idUsuario}.
   *
   * @throws Failure NOT_FOUND naming the unknown service, type or technician
   */
  Atendimento open(NovoAtendimento request, Instant at, long idUsuario) {
    if (!provedor.servicos().containsKey(request.idClienteServico())) {
      throw Failure.notFound(
          "Serviço do cliente de ID " + request.idClienteServico() + " não encontrado");
    }
    long tipo =
        request.idTipoAtendimento() == null
            ? provedor.tipoAtendimentoPadrao()
            : request.idTipoAtendimento();
    if (!provedor.tiposAtendimento().containsKey(tipo)) {
      throw Failure.notFound("Tipo de atendimento de ID " + tipo + " não encontrado");
    }
    long tipoOs =
        request.idTipoOrdemServico() == null
            ? provedor.tipoOrdemServicoPadrao()
            : request.idTipoOrdemServico();
    List<Long> tecnicos =
        request.idsTecnicos().isEmpty() ? List.of(provedor.tecnicoPadrao()) : request.idsTecnicos();
    if (request.abrirOs()) {
      if (!provedor.tiposOrdemServico().containsKey(tipoOs)) {
        throw Failure.notFound("Tipo de ordem de serviço de ID " + tipoOs + " não encontrado");
      }
      for (Long tecnico : tecnicos) {
        if (!provedor.tecnicos().containsKey(tecnico)) {
          throw Failure.notFound("Técnico de ID " + tecnico + " não encontrado");
        }
      }
    }
    String descricao = request.descricao() + Atendimento.SUFIXO_API;
    synchronized (this) {
      List<OrdemServico> ordens =
          request.abrirOs()
              ? List.of(
                  new OrdemServico(
                      nextOrdemId++,
                      String.valueOf(nextOrdemNumero++),
                      tipoOs,
                      at,
                      at.plus(Duration.ofHours(1)),
                      at.plus(Duration.ofHours(2)),
                      null,
                      null,
                      descricao,
                      null,
                      idUsuario,
                      null,
                      request.statusOrdemServico() == null
                          ? OrdemServico.AGUARDANDO_AGENDAMENTO
                          : request.statusOrdemServico(),
                      null,
                      tecnicos))
              : List.of();
      Atendimento atendimento =
          new Atendimento(
              nextId++,
              protocolo(at),
              request.idClienteServico(),
              tipo,
              idUsuario,
              idUsuario,
              null,
              descricao,
              null,
              request.nome(),
              request.telefone(),
              request.email(),
              at,
              null,
              StatusAtendimento.AGUARDANDO_ANALISE,
              null,
              request.parametros(),
              ordens,
              List.of());
      atendimentos.put(atendimento.id(), atendimento);
      if (atendimentos.size() > max) {
        atendimentos.remove(atendimentos.keySet().iterator().next());
      }
      return atendimento;
    }
  }

  /**
   * A new protocol: the opening time (yyyyMMddHHmmss) and a six-digit sequence, always above the
   * previous one even when the sandbox clock is moved back.
   */
  private String protocolo(Instant at) {
    long stamp = HubSoftTime.protocolStamp(at);
    if (stamp > lastStamp) {
      lastStamp = stamp;
      lastSequence = 0;
    } else if (++lastSequence == SEQUENCE_SPAN) {
      lastStamp++;
      lastSequence = 0;
    }
    String sequence = Long.toString(lastSequence);
    return lastStamp + "000000".substring(sequence.length()) + sequence;
  }

  /**
   * Edits an open atendimento and, when asked, closes it with its service orders.
   *
   * @throws Failure NOT_FOUND for an unknown id, UNPROCESSABLE for a closed atendimento
   */
  synchronized Atendimento edit(
      long id, String descricao, Object parametros, boolean fechar, Instant at, long idUsuario) {
    Atendimento current = atendimentos.get(id);
    if (current == null) {
      throw notFound(String.valueOf(id));
    }
    if (!current.aberto()) {
      throw Failure.unprocessable("O atendimento de ID " + id + " já está fechado");
    }
    Atendimento edited = current.editado(descricao, parametros, fechar, at, idUsuario);
    atendimentos.put(id, edited);
    return edited;
  }

  static Failure notFound(String id) {
    return Failure.notFound("Atendimento de ID " + id + " não encontrado");
  }

  /** Every atendimento, oldest first. */
  synchronized List<Atendimento> all() {
    return new ArrayList<>(atendimentos.values());
  }

  synchronized JsonObject snapshot() {
    JsonArray list = new JsonArray();
    for (Atendimento a : atendimentos.values()) {
      list.add(
          new JsonObject()
              .put("id_atendimento", a.id())
              .put("protocolo", a.protocolo())
              .put("id_cliente_servico", a.idClienteServico())
              .put("status", a.status().prefixo)
              .put("ordens_servico", a.ordens().size()));
    }
    return new JsonObject().put("provedor", provedor.nome()).put("atendimentos", list);
  }
}
