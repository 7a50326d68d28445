package dev.integrationsandbox.record;

import dev.integrationsandbox.spi.Body;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Removes secrets before anything leaves the process: the admin API's journal today, recordings and
 * logs as they come. Secrets are recognised by name, in headers, JSON bodies and forms alike,
 * because the same secret travels in all three (a Basic header, a form's {@code client_secret}, a
 * JSON token response).
 *
 * <p>Redaction keeps the shape: a masked value is still there, so a reader sees that a token was
 * sent without seeing the token.
 */
public final class Redactor {

  public static final String MASK = "***";

  private static final Set<String> SECRET_NAMES =
      Set.of(
          "authorization",
          "proxy-authorization",
          "cookie",
          "set-cookie",
          "x-sandbox-admin-token",
          "x-api-key",
          "password",
          "senha",
          "secret",
          "client_secret",
          "clientsecret",
          "access_token",
          "refresh_token",
          "id_token",
          "token",
          "api_key",
          "apikey");

  private Redactor() {}

  public static boolean isSecret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_NAMES.contains(n) || n.endsWith("_secret") || n.endsWith("password");
  }

  /** Headers for display, names in lower case (as HTTP/2 sends them), secrets masked. */
  public static JsonObject headers(MultiMap headers) {
    JsonObject out = new JsonObject();
    if (headers == null) {
      return out;
    }
    for (String name : headers.names()) {
      String key = name.toLowerCase(Locale.ROOT);
      out.put(key, isSecret(key) ? MASK : String.join(", ", headers.getAll(name)));
    }
    return out;
  }

  /** A request target with the values of secret-named query parameters masked. */
  public static String uri(String uri) {
    int q = uri == null ? -1 : uri.indexOf('?');
    if (q < 0) {
      return uri;
    }
    StringBuilder out = new StringBuilder(uri.length()).append(uri, 0, q + 1);
    String[] pairs = uri.substring(q + 1).split("&", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i];
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      out.append(i == 0 ? "" : "&").append(eq >= 0 && isSecret(name) ? name + "=" + MASK : pair);
    }
    return out.toString();
  }

  /** A body for display: JSON and forms with their secrets masked, other text cut at a limit. */
  public static Object body(Buffer raw, String contentType, int limit) {
    if (raw == null || raw.length() == 0) {
      return null;
    }
    if (raw.length() > limit) {
      return "(" + raw.length() + " bytes, not shown)";
    }
    Body body = new Body(raw);
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    if (type.contains("x-www-form-urlencoded") && body.isForm()) {
      JsonObject form = new JsonObject(body.form());
      return json(form);
    }
    if (!body.isMalformedJson()) {
      return json(body.jsonOrNull());
    }
    return raw.toString();
  }

  /** A copy of a JSON value with every secret-named field masked, at any depth. */
  public static Object json(Object value) {
    if (value instanceof JsonObject o) {
      JsonObject copy = new JsonObject();
      o.forEach(e -> copy.put(e.getKey(), isSecret(e.getKey()) ? MASK : json(e.getValue())));
      return copy;
    }
    if (value instanceof JsonArray a) {
      JsonArray copy = new JsonArray();
      a.forEach(v -> copy.add(json(v)));
      return copy;
    }
    return value;
  }
}
