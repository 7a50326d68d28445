package dev.integrationsandbox.postcenter;

import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;

/**
 * One message of a ticket's conversation, as {@code /v2/ticket/{id}/messages/} lists it.
 *
 * @param media a media URL, or null when the message has none (the field is then left out)
 */
public record Message(
    String content,
    String authorId,
    String authorName,
    String authorAccount,
    LocalDateTime created,
    String media) {

  public JsonObject toJson() {
    JsonObject json =
        new JsonObject()
            .put("content", content)
            .put("author_id", authorId)
            .put("author_name", authorName)
            .put("author_account", authorAccount)
            .put("created", PostCenterDates.iso(created));
    if (media != null) {
      json.put("media", media);
    }
    return json;
  }
}
