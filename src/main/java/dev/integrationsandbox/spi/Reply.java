package dev.integrationsandbox.spi;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import java.util.List;

/**
 * An answer ready to send. Emulators reply with a JSON value, which the response validator checks
 * as is and which is encoded once, when sent; replay replies with the bytes it has, and proxy with
 * a {@link BodyStream} that the pipeline passes on as it arrives.
 *
 * @param json the body as a JSON value (JsonObject, JsonArray…), or null for bytes only
 * @param raw the body as bytes; null when it is to be encoded from {@code json} or streamed
 * @param note the sandbox's diagnostic for the journal, or null
 * @param lintNotes what the vendor accepts but looked odd (holding a call that does not exist): for
 *     the journal, the request log and a counter, never for the client
 * @param stream the body as it arrives, or null when {@code json} or {@code raw} hold it
 * @param success whether the answer's maker knows it to be the vendor's success (an emulator's
 *     success envelope), so that nobody need read its body to tell whether it is an in-body error
 *     (HubSoft's and Vocom's HTTP 200 errors); false when unknown, as for an upstream's answer
 */
public record Reply(
    int status,
    String contentType,
    MultiMap headers,
    Object json,
    Buffer raw,
    String note,
    List<String> lintNotes,
    BodyStream stream,
    boolean success) {

  public Reply(
      int status,
      String contentType,
      MultiMap headers,
      Object json,
      Buffer raw,
      String note,
      List<String> lintNotes) {
    this(status, contentType, headers, json, raw, note, lintNotes, null, false);
  }

  /** An answer whose body is passed on as it arrives (an upstream's, in proxy mode). */
  public static Reply streamed(
      int status, String contentType, MultiMap headers, BodyStream stream) {
    return new Reply(status, contentType, headers, null, null, null, List.of(), stream, false);
  }

  public static final String APPLICATION_JSON = "application/json";

  public static Reply json(int status, Object body) {
    return new Reply(
        status, APPLICATION_JSON, MultiMap.caseInsensitiveMultiMap(), body, null, null, List.of());
  }

  /**
   * A JSON answer whose bytes are already encoded: for bodies that never change (a fixture served
   * as is), so that they are encoded once rather than on every request.
   */
  public static Reply json(int status, Object body, Buffer encoded) {
    return new Reply(
        status,
        APPLICATION_JSON,
        MultiMap.caseInsensitiveMultiMap(),
        body,
        encoded,
        null,
        List.of());
  }

  /**
   * A JSON answer assembled as bytes (a large report from pre-encoded records): the response
   * validator parses it only when it samples it.
   */
  public static Reply encoded(int status, Buffer json) {
    return new Reply(
        status, APPLICATION_JSON, MultiMap.caseInsensitiveMultiMap(), null, json, null, List.of());
  }

  public Reply header(String name, String value) {
    headers.set(name, value);
    return this;
  }

  public Reply withContentType(String type) {
    return new Reply(status, type, headers, json, raw, note, lintNotes, stream, success);
  }

  /**
   * Marks a success envelope made by an emulator, which carries no in-body error: coverage then
   * counts it by its status without scanning its bytes for {@code "error"}.
   */
  public Reply asSuccess() {
    return new Reply(status, contentType, headers, json, raw, note, lintNotes, stream, true);
  }

  /**
   * Attaches the sandbox's own explanation of an answer that is a failure in the vendor's eyes but
   * not to the pipeline (Vocom's HTTP 200 errors): it goes to the journal, never to the client.
   */
  public Reply withNote(String text) {
    return new Reply(status, contentType, headers, json, raw, text, lintNotes, stream, success);
  }

  /**
   * Adds a lint note: the vendor's answer stays as it is, and the sandbox tells the team that its
   * client did something the vendor tolerates but should not be relied on.
   */
  public Reply withLint(String text) {
    List<String> notes = new java.util.ArrayList<>(lintNotes);
    notes.add(text);
    return new Reply(
        status, contentType, headers, json, raw, note, List.copyOf(notes), stream, success);
  }

  /**
   * The body's bytes: encodes the JSON value the first time it is asked for.
   *
   * @throws IllegalStateException for a streamed answer, whose bytes are not all here yet
   */
  public Buffer body() {
    if (stream != null) {
      throw new IllegalStateException("a streamed answer's body is read as it arrives");
    }
    if (raw != null) {
      return raw;
    }
    return json == null ? Buffer.buffer() : Json.encodeToBuffer(json);
  }
}
