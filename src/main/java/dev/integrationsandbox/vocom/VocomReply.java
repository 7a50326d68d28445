package dev.integrationsandbox.vocom;

import io.vertx.core.json.JsonObject;

/**
 * One answer of the emulated PBX: the body exactly as the vendor would send it (always HTTP 200,
 * always {@code {"response":{…}}}) and, apart from it, the sandbox's own explanation of a failure
 * for the journal and logs, which the vendor-shaped body must never carry.
 */
public record VocomReply(VocomCommand command, JsonObject body, String diagnostic) {

  /** The inner object, {@code body.response}. */
  public JsonObject response() {
    return body.getJsonObject("response");
  }

  /** "ok", "error", or null (logout of an agent that is not Available). */
  public String status() {
    return response().getString("status");
  }

  /** "", a {@link StatusType} wire string, or null. */
  public String statusType() {
    return response().getString("status_type");
  }

  public boolean ok() {
    return "ok".equals(status());
  }
}
