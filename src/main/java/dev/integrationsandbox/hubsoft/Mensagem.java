package dev.integrationsandbox.hubsoft;

import java.time.Instant;

/** A message in an atendimento's conversation (the {@code atendimento_mensagem} relation). */
record Mensagem(long id, String texto, Instant cadastro) {}
