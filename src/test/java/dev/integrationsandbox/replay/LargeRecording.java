package dev.integrationsandbox.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A recording as large as a real one can get, written line by line: the four vendors in turn, each
 * exchange with an id of its own in its request (a PostCenter ticket read, a BTG ticket opened for
 * a CPF, a HubSoft atendimento, a Vocom break list of an agent), real-sized answers and the request
 * headers a proxy records.
 */
final class LargeRecording {

  private LargeRecording() {}

  static Path write(Path file, int exchanges) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < exchanges; i++) {
        out.write(line(i).encode());
        out.write('\n');
      }
    }
    return file;
  }

  /** The PostCenter ticket read by the {@code i}-th exchange (every fourth is one). */
  static String ticketPath(int i) {
    return "/v2/ticket/" + ticketId(i) + "/";
  }

  static String ticketId(int i) {
    return String.format("%024x", i);
  }

  static JsonObject line(int i) {
    return switch (i % 4) {
      case 0 ->
          line(
              i,
              "postcenter",
              "getTicket",
              "GET",
              ticketPath(i),
              null,
              200,
              new JsonObject()
                  .put("id", ticketId(i))
                  .put("subject", "Consulta sobre boleto " + i)
                  .put("is_closed", i % 3 == 0)
                  .put("created_at", "2026-01-15T10:00:00.000Z")
                  .put("updated_at", "2026-01-15T11:30:00.000Z")
                  .put("channel", "whatsapp")
                  .put("state", "open")
                  .put("priority", "normal")
                  .put(
                      "client",
                      new JsonObject()
                          .put("name", "Cliente " + i)
                          .put("email", "cliente" + i + "@example.com")
                          .put("phone", "+5511999" + String.format("%06d", i % 1_000_000)))
                  .put("assignee", new JsonObject().put("id", 42).put("name", "Agente Um"))
                  .put("tags", new JsonArray().add("cobranca").add("boleto"))
                  .put(
                      "last_message",
                      "Olá, gostaria de saber o valor atualizado do meu boleto, número " + i));
      case 1 ->
          line(
              i,
              "btg",
              "createTicket",
              "POST",
              "/v2/btg-tickets/customers/" + String.format("%011d", i) + "/tickets",
              new JsonObject()
                  .put("phoneAreaCode", "11")
                  .put("phoneNumber", "999998888")
                  .put("channel", "PHONE")
                  .put("type", "OUTBOUND"),
              201,
              new JsonObject()
                  .put("id", "tk-" + i)
                  .put("document", String.format("%011d", i))
                  .put("status", "OPEN")
                  .put("createdAt", "2026-01-15T10:00:00Z"));
      case 2 ->
          line(
              i,
              "hubsoft",
              "abrirAtendimento",
              "POST",
              "/api/v1/integracao/atendimento",
              new JsonObject()
                  .put("id_cliente_servico", String.valueOf(10_000 + i))
                  .put("descricao", "Abertura de atendimento de teste")
                  .put("nome", "Nome do Usuario Solicitante")
                  .put("telefone", "11999998888"),
              200,
              new JsonObject()
                  .put("status", "success")
                  .put("msg", "Atendimento aberto com sucesso")
                  .put(
                      "atendimento",
                      new JsonObject().put("id_atendimento", i).put("protocolo", "2026" + i)));
      default ->
          line(
              i,
              "vocom",
              "getBreakList",
              "POST",
              "/interact_cti/agent/get_break_list/",
              new JsonObject()
                  .put("agent", "AG" + i)
                  .put("company_id", "894343d2-3f02-4c02-909b-a0bfa57c0a93"),
              200,
              new JsonObject()
                  .put(
                      "response",
                      new JsonObject()
                          .put("status", "success")
                          .put(
                              "breaks",
                              new JsonArray()
                                  .add(new JsonObject().put("id", 1).put("name", "Almoço"))
                                  .add(new JsonObject().put("id", 2).put("name", "Banheiro")))));
    };
  }

  private static JsonObject line(
      int i,
      String vendor,
      String operation,
      String method,
      String uri,
      JsonObject body,
      int status,
      JsonObject answer) {
    JsonObject requestHeaders =
        new JsonObject()
            .put("host", vendor + ".example.com")
            .put("user-agent", "collections-service/4.2")
            .put("accept", "application/json")
            .put("authorization", "***")
            .put("x-request-id", "req-" + i);
    if (body != null) {
      requestHeaders.put("content-type", "application/json");
    }
    return new JsonObject()
        .put("format", 1)
        .put("id", "ex-" + i)
        .put("at", "2026-01-15T10:00:00Z")
        .put("vendor", vendor)
        .put("operation", operation)
        .put("mode", "proxy")
        .put("world", "default")
        .put("durationMs", 12.5)
        .put(
            "request",
            new JsonObject()
                .put("method", method)
                .put("uri", uri)
                .put("headers", requestHeaders)
                .put("body", body)
                .put("bodySize", body == null ? 0 : body.encode().length()))
        .put(
            "response",
            new JsonObject()
                .put("status", status)
                .put(
                    "headers",
                    new JsonObject()
                        .put("content-type", "application/json")
                        .put("date", "Thu, 15 Jan 2026 10:00:00 GMT")
                        .put("x-amzn-requestid", "amzn-" + i))
                .put("body", answer)
                .put("bodySize", answer.encode().length()))
        .put("violations", new JsonArray());
  }
}
