package dev.integrationsandbox.proxy;

import io.vertx.core.MultiMap;
import java.util.Locale;
import java.util.Set;

/**
 * The headers that belong to one connection rather than to the message (RFC 9110 §7.6.1), which a
 * proxy must not pass on, plus the ones the proxy sets itself ({@code Host}, {@code
 * Content-Length}) and the sandbox's own {@code X-Sandbox-*}, which the real vendor never sees.
 */
final class HopByHop {

  private static final Set<String> CONNECTION_HEADERS =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authenticate",
          "proxy-authorization",
          "te",
          "trailer",
          "transfer-encoding",
          "upgrade",
          "host",
          "content-length");

  private HopByHop() {}

  /** A copy of {@code headers} fit to forward, without {@code Content-Type} when asked. */
  static MultiMap endToEnd(MultiMap headers, boolean keepContentType) {
    Set<String> named = listedIn(headers.getAll("Connection"));
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    for (var e : headers) {
      String name = e.getKey().toLowerCase(Locale.ROOT);
      if (CONNECTION_HEADERS.contains(name)
          || named.contains(name)
          || name.startsWith("x-sandbox-")
          || (!keepContentType && name.equals("content-type"))) {
        continue;
      }
      out.add(e.getKey(), e.getValue());
    }
    return out;
  }

  /** {@code Connection: close, X-Foo} names headers that are hop-by-hop for this message. */
  private static Set<String> listedIn(java.util.List<String> connection) {
    if (connection.isEmpty()) {
      return Set.of();
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (String value : connection) {
      for (String token : value.split(",")) {
        names.add(token.trim().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }
}
