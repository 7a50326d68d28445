package dev.integrationsandbox.hubsoft;

import java.time.Instant;
import java.util.List;

/**
 * A service order opened with an atendimento: HubSoft schedules it from one to two hours after the
 * opening, and closes it with the atendimento.
 */
record OrdemServico(
    long id,
    String numero,
    long idTipo,
    Instant cadastro,
    Instant inicioProgramado,
    Instant terminoProgramado,
    Instant inicioExecutado,
    Instant terminoExecutado,
    String descricaoAbertura,
    String descricaoFechamento,
    long idUsuarioAbertura,
    Long idUsuarioFechamento,
    String status,
    String statusFechamento,
    List<Long> idsTecnicos) {

  static final String AGUARDANDO_AGENDAMENTO = "aguardando_agendamento";
  static final String PENDENTE = "pendente";
  static final String FINALIZADO = "finalizado";
  static final List<String> STATUS_ABERTURA = List.of(AGUARDANDO_AGENDAMENTO, PENDENTE);

  boolean aberta() {
    return !FINALIZADO.equals(status);
  }

  OrdemServico fechada(Instant at, long idUsuario) {
    return new OrdemServico(
        id,
        numero,
        idTipo,
        cadastro,
        inicioProgramado,
        terminoProgramado,
        inicioExecutado == null ? at : inicioExecutado,
        at,
        descricaoAbertura,
        Atendimento.FECHAMENTO_AUTOMATICO,
        idUsuarioAbertura,
        idUsuario,
        FINALIZADO,
        Atendimento.CONCLUIDO,
        idsTecnicos);
  }
}
