package dev.integrationsandbox.spi;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One request as an emulator, a dialect or the contract validator sees it: already routed to an
 * operation, its body fully read, independent of Vert.x Web's {@code RoutingContext} so that
 * emulators stay plain Java and unit-testable.
 *
 * @param operationId the contract's operationId, or null when no operation matched
 * @param at the sandbox clock's time when the request arrived
 * @param rawQuery the query string as the client wrote it, or null: what a proxy forwards
 */
public record Call(
    String id,
    String vendor,
    String operationId,
    HttpMethod method,
    String path,
    Map<String, String> pathParams,
    MultiMap query,
    MultiMap headers,
    Body body,
    Instant at,
    String rawQuery) {

  /** A call whose query string is known only decoded: emulators and tests. */
  public Call(
      String id,
      String vendor,
      String operationId,
      HttpMethod method,
      String path,
      Map<String, String> pathParams,
      MultiMap query,
      MultiMap headers,
      Body body,
      Instant at) {
    this(id, vendor, operationId, method, path, pathParams, query, headers, body, at, null);
  }

  /** This call with its body, once a body forwarded as it arrived has ended. */
  public Call withBody(Body whole) {
    return new Call(
        id, vendor, operationId, method, path, pathParams, query, headers, whole, at, rawQuery);
  }

  public String header(String name) {
    return headers.get(name);
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /** The media type of the body, lower-cased, without parameters; null when absent. */
  public String contentType() {
    return mediaType(headers.get("Content-Type"));
  }

  /** {@code application/json;charset=UTF-8} → {@code application/json}; null stays null. */
  public static String mediaType(String contentType) {
    if (contentType == null) {
      return null;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }
}
