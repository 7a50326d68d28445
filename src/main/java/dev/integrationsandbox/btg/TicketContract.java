package dev.integrationsandbox.btg;

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

  JsonObject toJson() {
    return new JsonObject()
        .put("id", id.toString())
        .put("terminationCode", terminationCode)
        .put("contractNumber", contractNumber)
        .put("product", product)
        .put("dueDays", dueDays)
        .put("createdAt", Timestamps.iso(createdAt))
        .put("ticket", new JsonObject().put("id", ticketId.toString()));
  }
}
