package dev.integrationsandbox.btg;

import dev.integrationsandbox.support.JsonOut;
import dev.integrationsandbox.support.Timestamps;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A service ticket, immutable: every change makes a new value, swapped into the {@link TicketBook}
 * atomically, so concurrent requests never see half a change.
 *
 * @param operator the operator name from the {@code createdBy} request header
 * @param createdBy the assessoria code of the token's app client
 * @param metadata internal field; holds the close request's query parameters once closed
 * @param attempt the dialer attempt's details, or null for a ticket opened by {@code createTicket}
 */
record Ticket(
    UUID id,
    String documentNumber,
    String phoneAreaCode,
    String phoneNumber,
    String channel,
    String type,
    String operator,
    String createdBy,
    Status status,
    Instant createdAt,
    Instant closedAt,
    JsonObject metadata,
    List<TicketContract> contracts,
    Attempt attempt) {

  enum Status {
    OPEN,
    CLOSED
  }

  /** What a dialer attempt adds to a ticket. */
  record Attempt(
      Number duration,
      String contactphoneAreaCode,
      String contactPhoneNumber,
      String email,
      String scheduledDate) {}

  /**
   * A new OPEN ticket from a create or attempt request body: the phone, channel and type as the
   * client sent them, the operator from the {@code createdBy} header, the assessoria of the token.
   */
  static Ticket open(
      UUID id,
      String document,
      JsonObject body,
      String operator,
      String assessoria,
      Instant createdAt,
      Instant closedAt,
      List<TicketContract> contracts,
      Attempt attempt) {
    return new Ticket(
        id,
        document,
        body.getString("phoneAreaCode"),
        body.getString("phoneNumber"),
        body.getString("channel"),
        body.getString("type"),
        operator,
        assessoria,
        Status.OPEN,
        createdAt,
        closedAt,
        null,
        contracts,
        attempt);
  }

  Ticket withContract(TicketContract contract) {
    List<TicketContract> more = new ArrayList<>(contracts);
    more.add(contract);
    return new Ticket(
        id,
        documentNumber,
        phoneAreaCode,
        phoneNumber,
        channel,
        type,
        operator,
        createdBy,
        status,
        createdAt,
        closedAt,
        metadata,
        List.copyOf(more),
        attempt);
  }

  Ticket closed(Instant at, JsonObject closeInfo) {
    return new Ticket(
        id,
        documentNumber,
        phoneAreaCode,
        phoneNumber,
        channel,
        type,
        operator,
        createdBy,
        Status.CLOSED,
        createdAt,
        at,
        closeInfo,
        contracts,
        attempt);
  }

  /**
   * The ticket as the API shows it, parsed back from {@link #encoded}: the state snapshot and the
   * batch answer hold tickets in a JSON tree.
   */
  JsonObject toJson() {
    return encoded().toJsonObject();
  }

  /** The ticket's JSON bytes, written straight by {@link JsonOut}: one per ticket answer. */
  Buffer encoded() {
    return JsonOut.write(512, this::write);
  }

  private void write(JsonOut out) {
    out.startObject()
        .field("id", id.toString())
        .field("documentNumber", documentNumber)
        .field("phoneAreaCode", phoneAreaCode)
        .field("phoneNumber", phoneNumber)
        .field("channel", channel)
        .field("type", type)
        .field("operator", operator)
        .field("createdBy", createdBy)
        .field("status", status.name())
        .field("createdAt", Timestamps.iso(createdAt));
    if (closedAt != null) {
      out.field("closedAt", Timestamps.iso(closedAt));
    }
    out.field("metadata", metadata).startArray("contracts");
    contracts.forEach(c -> c.write(out));
    out.endArray();
    if (attempt != null) {
      out.field("duration", attempt.duration())
          .field("contactphoneAreaCode", attempt.contactphoneAreaCode())
          .field("contactPhoneNumber", attempt.contactPhoneNumber())
          .field("email", attempt.email())
          .field("scheduledDate", attempt.scheduledDate());
    }
    out.endObject();
  }
}
