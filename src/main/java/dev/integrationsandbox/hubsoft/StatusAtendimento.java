package dev.integrationsandbox.hubsoft;

import io.vertx.core.json.JsonObject;

/**
 * The atendimento statuses the API produces, with the ids, prefixes and colours of HubSoft's saved
 * examples: a new atendimento is "Aguardando Análise", a closed one "Finalizado".
 */
enum StatusAtendimento {
  AGUARDANDO_ANALISE(
      23, "aguardando_analise", "Aguardando Análise", "md-deep-orange-A700-bg", false, null),
  PENDENTE(22, "pendente", "Pendente", "md-purple-900-bg", true, "Pendente (Abertura de OS)"),
  FINALIZADO(24, "finalizado", "Finalizado", "md-green-700-bg", false, null);

  final int id;
  final String prefixo;
  final String descricao;
  final String cor;
  final boolean abrirOrdemServico;
  final String display;

  StatusAtendimento(
      int id,
      String prefixo,
      String descricao,
      String cor,
      boolean abrirOrdemServico,
      String display) {
    this.id = id;
    this.prefixo = prefixo;
    this.descricao = descricao;
    this.cor = cor;
    this.abrirOrdemServico = abrirOrdemServico;
    this.display = display == null ? descricao : display;
  }

  static StatusAtendimento byPrefix(String prefixo) {
    for (StatusAtendimento s : values()) {
      if (s.prefixo.equals(prefixo)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown atendimento status '" + prefixo + "'");
  }

  JsonObject toJson() {
    return new JsonObject()
        .put("id_atendimento_status", id)
        .put("prefixo", prefixo)
        .put("descricao", descricao)
        .put("cor", cor)
        .put("abrir_ordem_servico", abrirOrdemServico)
        .put("display", display);
  }
}
