package dev.integrationsandbox.postcenter;

import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;

/**
 * One ticket at one moment: immutable, so that a world swaps a whole ticket when it closes or is
 * reassigned and readers never see half a change. Renders itself in the three shapes PostCenter
 * uses, which differ on purpose: the detail has a string {@code identifier} and {@code subject},
 * the customer lists a number and {@code title}, the paginated list Spanish states and {@code
 * DD-MM-YYYY HH:mm:ss} times.
 *
 * @param id the API's id, a MongoDB ObjectId in lower-case hex
 * @param identifier the number agents see in PostCenter's inbox
 * @param assignee the agent currently assigned, or null while the ticket waits in the queue
 * @param subject the e-mail subject, null on other channels
 * @param countryId the customer's national id (the RUT in Chile)
 * @param facebookUid the customer's Facebook uid on a Facebook ticket, otherwise null
 */
public record Ticket(
    String id,
    long identifier,
    Account account,
    TicketState state,
    LocalDateTime created,
    LocalDateTime updated,
    Agent assignee,
    String subject,
    String countryId,
    String facebookUid,
    String lastAuthor,
    String lastContent) {

  public Ticket closed(LocalDateTime at) {
    return new Ticket(
        id,
        identifier,
        account,
        TicketState.CLOSED,
        created,
        at,
        assignee,
        subject,
        countryId,
        facebookUid,
        lastAuthor,
        lastContent);
  }

  public Ticket assignedTo(Agent agent, LocalDateTime at) {
    return new Ticket(
        id,
        identifier,
        account,
        state,
        created,
        at,
        agent,
        subject,
        countryId,
        facebookUid,
        lastAuthor,
        lastContent);
  }

  public boolean isClosed() {
    return state == TicketState.CLOSED;
  }

  /** {@code GET /v2/ticket/{id}/}. */
  public JsonObject detail() {
    return common(Long.toString(identifier), "subject");
  }

  /** An item of the customer lists ({@code country_id}, Facebook). */
  public JsonObject summary() {
    return common(identifier, "title");
  }

  /** An item of {@code GET /v2/tickets/paginated/{social_network}/}. */
  public JsonObject listed() {
    return new JsonObject()
        .put("status", state.label())
        .put("updated_datetime", PostCenterDates.listed(updated))
        .put("created_datetime", PostCenterDates.listed(created))
        .put("social_network", account.socialNetwork())
        .put("identifier", identifier)
        .put("id", id);
  }

  /** The vendor's field order, with the two fields whose type or name differ by endpoint. */
  private JsonObject common(Object shownIdentifier, String subjectField) {
    return new JsonObject()
        .put("id", id)
        .put("identifier", shownIdentifier)
        .put("created", PostCenterDates.iso(created))
        .put("current_assignment", assignee == null ? null : assignee.embedded())
        .put("is_closed", isClosed())
        .put("last_author", lastAuthor)
        .put("last_content", lastContent)
        .put("social_network", account.socialNetwork())
        .put(subjectField, subject)
        .put("updated_time", PostCenterDates.isoMillis(updated));
  }
}
