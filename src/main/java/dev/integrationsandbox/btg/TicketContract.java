package dev.integrationsandbox.btg;

import dev.integrationsandbox.support.JsonOut;
import dev.integrationsandbox.support.Timestamps;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/** A negotiated contract registered on a ticket ("Registrando a negociação realizada"). */
record TicketContract(
    UUID id,
    String terminationCode,
    String contractNumber,
    String product,
    Integer dueDays,
    Instant createdAt,
    UUID ticketId) {

  static TicketContract fromRequest(JsonObject body, UUID ticketId, UUID id, Instant now) {
    return new TicketContract(
        id,
        body.getString("terminationCode"),
        body.getString("contractNumber"),
        body.getString("product"),
        body.getInteger("dueDays"),
        now,
        ticketId);
  }

  void write(JsonOut out) {
    out.startObject()
        .field("id", id.toString())
        .field("terminationCode", terminationCode)
        .field("contractNumber", contractNumber)
        .field("product", product)
        .field("dueDays", dueDays)
        .field("createdAt", Timestamps.iso(createdAt))
        .startObject("ticket")
        .field("id", ticketId.toString())
        .endObject()
        .endObject();
  }
}
