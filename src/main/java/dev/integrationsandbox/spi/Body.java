package dev.integrationsandbox.spi;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request body, read once, decoded as JSON at most once: the contract validator, the emulator and
 * the dialect (which echoes fields back, as Vocom does) all ask for it, and parsing a large body
 * three times would be wasted work on the event loop.
 *
 * <p>Not thread-safe: a body belongs to one request on one event loop.
 */
public final class Body {

  private final Buffer raw;
  private boolean decoded;
  private Object value;
  private String malformed;
  private Map<String, Object> form;
  private boolean formMalformed;

  public Body(Buffer raw) {
    this.raw = raw == null ? Buffer.buffer() : raw;
  }

  public Buffer raw() {
    return raw;
  }

  public boolean isEmpty() {
    return raw.length() == 0;
  }

  /** Whether the body is present but is not JSON. */
  public boolean isMalformedJson() {
    decode();
    return malformed != null;
  }

  /**
   * The body as a {@code JsonObject}, {@code JsonArray}, string, number, boolean, or null when
   * empty.
   *
   * @throws Failure BAD_REQUEST when the body is not JSON
   */
  public Object json() {
    decode();
    if (malformed != null) {
      throw Failure.badRequest("Request body is not valid JSON: " + malformed);
    }
    return value;
  }

  /** The JSON value, or null when empty or malformed: for dialects that echo what they can. */
  public Object jsonOrNull() {
    decode();
    return malformed != null ? null : value;
  }

  /** Whether the body decodes as {@code application/x-www-form-urlencoded}. */
  public boolean isForm() {
    return formOrNull() != null;
  }

  /**
   * The body decoded as a form, first value of each field.
   *
   * @throws Failure BAD_REQUEST when the body cannot be decoded
   */
  public Map<String, Object> form() {
    Map<String, Object> form = formOrNull();
    if (form == null) {
      throw Failure.badRequest("Request body is not a valid form");
    }
    return form;
  }

  private Map<String, Object> formOrNull() {
    if (form == null && !formMalformed) {
      try {
        Map<String, Object> fields = new LinkedHashMap<>();
        new QueryStringDecoder(raw.toString(StandardCharsets.UTF_8), StandardCharsets.UTF_8, false)
            .parameters()
            .forEach((k, v) -> fields.put(k, v.isEmpty() ? "" : v.get(0)));
        form = fields;
      } catch (IllegalArgumentException e) {
        formMalformed = true;
      }
    }
    return form;
  }

  private void decode() {
    if (decoded) {
      return;
    }
    decoded = true;
    if (isEmpty()) {
      return;
    }
    try {
      value = Json.decodeValue(raw);
    } catch (DecodeException e) {
      String message = e.getMessage();
      int nl = message == null ? -1 : message.indexOf('\n');
      malformed = message == null ? "unreadable" : nl > 0 ? message.substring(0, nl) : message;
    }
  }
}
