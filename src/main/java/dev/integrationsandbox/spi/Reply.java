package dev.integrationsandbox.spi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;

/**
 * An answer ready to send. Emulators reply with a JSON value, which the response validator checks
 * as is and which is encoded once, when sent; proxy and replay reply with the bytes they have.
 *
 * @param json the body as a JSON value (JsonObject, JsonArray…), or null for bytes only
 * @param raw the body as bytes; null when it is to be encoded from {@code json}
 * @param note the sandbox's diagnostic for the journal, or null
 */
public record Reply(
    int status, String contentType, MultiMap headers, Object json, Buffer raw, String note) {

  public static final String APPLICATION_JSON = "application/json";

  public static Reply json(int status, Object body) {
    return new Reply(
        status, APPLICATION_JSON, MultiMap.caseInsensitiveMultiMap(), body, null, null);
  }

  /**
   * A JSON answer whose bytes are already encoded: for bodies that never change (a fixture served
   * as is), so that they are encoded once rather than on every request.
   */
  public static Reply json(int status, Object body, Buffer encoded) {
    return new Reply(
        status, APPLICATION_JSON, MultiMap.caseInsensitiveMultiMap(), body, encoded, null);
  }

  public Reply header(String name, String value) {
    headers.set(name, value);
    return this;
  }

  public Reply withContentType(String type) {
    return new Reply(status, type, headers, json, raw, note);
  }

  /**
   * Attaches the sandbox's own explanation of an answer that is a failure in the vendor's eyes but
   * not to the pipeline (Vocom's HTTP 200 errors): it goes to the journal, never to the client.
   */
  public Reply withNote(String text) {
    return new Reply(status, contentType, headers, json, raw, text);
  }

  /** The body's bytes: encodes the JSON value the first time it is asked for. */
  public Buffer body() {
    if (raw != null) {
      return raw;
    }
    return json == null ? Buffer.buffer() : Json.encodeToBuffer(json);
  }
}
