package dev.integrationsandbox.postcenter;

import io.vertx.core.json.JsonObject;

/**
 * One channel of an establishment (a Facebook page, a WhatsApp number, a mailbox): every ticket
 * arrives through one, and agents are assignable per account.
 *
 * @param uid the channel's own id: the Facebook page id, the Twitter handle, the phone number
 */
public record Account(long id, String name, String socialNetwork, String uid) {

  /** The item of {@code GET /v2/accounts/all/}. */
  public JsonObject toJson() {
    return new JsonObject()
        .put("id", id)
        .put("name", name)
        .put("social_network", socialNetwork)
        .put("uid", uid);
  }
}
