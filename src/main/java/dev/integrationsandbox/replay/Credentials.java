package dev.integrationsandbox.replay;

import dev.integrationsandbox.record.Redactor;
import dev.integrationsandbox.support.Ids;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Credentials in a replay: the recording holds a token grant with its secrets redacted ({@code
 * "access_token": "***"}), and a client must get a token it can send back. Each replayed grant
 * issues new values; since replay matching never reads credentials (they are redacted on both
 * sides), a token obtained in the replay is accepted wherever the recording had the original.
 */
final class Credentials {

  /** Marks issued values as the sandbox's, never a vendor's. */
  static final String PREFIX = "sandbox-replay-";

  private Credentials() {}

  /** Whether a recorded body has a secret-named field whose value was redacted. */
  static boolean holdsMasked(Object body) {
    if (body instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        Object v = o.getValue(key);
        if (Redactor.MASK.equals(v) && Redactor.isSecret(key) || holdsMasked(v)) {
          return true;
        }
      }
    } else if (body instanceof JsonArray a) {
      for (Object v : a) {
        if (holdsMasked(v)) {
          return true;
        }
      }
    }
    return false;
  }

  /** A copy of a recorded body with each redacted secret replaced by a new value. */
  static Object issue(Object body) {
    if (body instanceof JsonObject o) {
      JsonObject copy = new JsonObject();
      o.forEach(
          e ->
              copy.put(
                  e.getKey(),
                  Redactor.MASK.equals(e.getValue()) && Redactor.isSecret(e.getKey())
                      ? PREFIX + Ids.uuid()
                      : issue(e.getValue())));
      return copy;
    }
    if (body instanceof JsonArray a) {
      JsonArray copy = new JsonArray();
      a.forEach(v -> copy.add(issue(v)));
      return copy;
    }
    return body;
  }
}
