package dev.integrationsandbox.hubsoft;

import java.time.Instant;
import java.util.List;

/**
 * One atendimento as HubSoft stores it. Immutable: every change makes a new value, swapped in under
 * the installation's lock, so a reader never sees half an edit.
 *
 * @param parametros the integration's free data ({@code parametros}), kept as sent
 */
record Atendimento(
    long id,
    String protocolo,
    long idClienteServico,
    long idTipoAtendimento,
    long idUsuarioAbertura,
    Long idUsuarioResponsavel,
    Long idUsuarioFechamento,
    String descricaoAbertura,
    String descricaoFechamento,
    String nomeContato,
    String telefoneContato,
    String emailContato,
    Instant cadastro,
    Instant fechamento,
    StatusAtendimento status,
    String statusFechamento,
    Object parametros,
    List<OrdemServico> ordens,
    List<Mensagem> mensagens) {

  static final String SUFIXO_API = " | ATENDIMENTO ABERTO VIA API";
  static final String CONCLUIDO = "concluido";
  static final String FECHAMENTO_AUTOMATICO = "Fechamento automático.";

  boolean aberto() {
    return fechamento == null;
  }

  /** The edit: a new opening description when given, new parameters, and maybe the close. */
  Atendimento editado(
      String descricao, Object novosParametros, boolean fechar, Instant at, long idUsuario) {
    List<OrdemServico> os =
        fechar
            ? ordens.stream().map(o -> o.aberta() ? o.fechada(at, idUsuario) : o).toList()
            : ordens;
    return new Atendimento(
        id,
        protocolo,
        idClienteServico,
        idTipoAtendimento,
        idUsuarioAbertura,
        idUsuarioResponsavel,
        fechar ? Long.valueOf(idUsuario) : idUsuarioFechamento,
        descricao != null ? descricao : descricaoAbertura,
        fechar ? FECHAMENTO_AUTOMATICO : descricaoFechamento,
        nomeContato,
        telefoneContato,
        emailContato,
        cadastro,
        fechar ? at : fechamento,
        fechar ? StatusAtendimento.FINALIZADO : status,
        fechar ? CONCLUIDO : statusFechamento,
        novosParametros,
        os,
        mensagens);
  }
}
