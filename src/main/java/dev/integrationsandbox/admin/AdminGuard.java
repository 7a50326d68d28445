package dev.integrationsandbox.admin;

import io.netty.handler.codec.http.QueryStringEncoder;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may use the admin API: loopback clients, and others presenting the admin token (in {@value
 * #TOKEN_HEADER}, as a bearer token, or as the inspector's cookie); never a page of a foreign
 * origin, nor a request naming a foreign {@code Host}.
 *
 * <p>A browser cannot send a header when the user types an address, so the inspector is opened once
 * as Jupyter's is, {@code http://sandbox.ci:8080/__sandbox/ui/?token=…}: the token is checked, set
 * as an HttpOnly, SameSite=Strict cookie scoped to {@code /__sandbox}, and the browser is sent to
 * the address without it, so that the token does not stay in the address bar or the history. The
 * cookie holds a MAC of the token, not the token: it unlocks the admin API and nothing else.
 */
final class AdminGuard {

  static final String TOKEN_HEADER = "X-Sandbox-Admin-Token";
  static final String COOKIE = "sandbox-admin";
  private static final String TOKEN_PARAMETER = "token";

  private final String token;
  private final String cookieValue;
  private final Set<String> allowedHosts;

  /**
   * @param token the configured admin token, or null: loopback clients only
   * @param adminHosts the names besides loopback ones that a request's {@code Host} may give
   */
  AdminGuard(String token, List<String> adminHosts) {
    this.token = token;
    this.cookieValue = token == null ? null : mac(token);
    this.allowedHosts =
        adminHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
  }

  private static String mac(String token) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal("integration-sandbox inspector".getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * A web page the developer has open must not drive the admin API: a browser sends {@code Origin}
   * with a cross-site POST, and a DNS-rebinding page reaches the port under a foreign {@code Host}.
   * Both are refused, token or not; scripts and CI (curl, test clients) send neither. The
   * inspector's own page is of the sandbox's origin: its scheme, and a {@code Host} allowed here.
   */
  void sameSite(RoutingContext rc) {
    String origin = rc.request().getHeader("Origin");
    String host = rc.request().getHeader("Host");
    if (host != null && !loopbackHost(hostOf(host)) && !allowedHosts.contains(hostOf(host))) {
      refuse(
          rc,
          403,
          "Host "
              + host
              + " is not a loopback name; add it with --admin-host to reach the admin API by it");
      return;
    }
    if ("null".equals(origin)) {
      refuse(rc, 403, "requests from opaque origins are refused");
      return;
    }
    if (origin != null
        && !loopbackHost(hostOf(origin))
        && !sameOrigin(origin, rc.request().scheme(), host)) {
      refuse(rc, 403, "cross-origin requests to the admin API are refused (Origin " + origin + ")");
      return;
    }
    rc.next();
  }

  /** {@code http://sandbox.ci:80} and {@code http://sandbox.ci} are one origin. */
  static boolean sameOrigin(String origin, String scheme, String host) {
    if (host == null || scheme == null) {
      return false;
    }
    String own = withoutDefaultPort(scheme.toLowerCase(Locale.ROOT) + "://" + host);
    return withoutDefaultPort(origin.trim()).equalsIgnoreCase(own);
  }

  private static String withoutDefaultPort(String origin) {
    String o = origin.toLowerCase(Locale.ROOT);
    if (o.startsWith("http://") && o.endsWith(":80")) {
      return o.substring(0, o.length() - 3);
    }
    if (o.startsWith("https://") && o.endsWith(":443")) {
      return o.substring(0, o.length() - 4);
    }
    return o;
  }

  void guard(RoutingContext rc) {
    String offered =
        rc.normalizedPath().equals("/__sandbox/ui/") ? rc.queryParams().get(TOKEN_PARAMETER) : null;
    if (offered != null) {
      exchangeTokenForCookie(rc, offered);
      return;
    }
    String presented = presentedToken(rc);
    if (token != null && presented != null) {
      admitIfEqual(rc, token, presented, "wrong admin token");
      return;
    }
    String cookie = cookie(rc);
    if (cookieValue != null && cookie != null) {
      admitIfEqual(
          rc,
          cookieValue,
          cookie,
          "the inspector's cookie is stale: open /__sandbox/ui/?token=… again");
      return;
    }
    String client = rc.request().remoteAddress() == null ? "" : rc.request().remoteAddress().host();
    if (isLoopback(client)) {
      rc.next();
    } else if (token == null) {
      refuse(
          rc,
          403,
          "the admin API answers loopback clients only; configure --admin-token to allow others");
    } else {
      refuse(
          rc,
          401,
          "send the admin token in the "
              + TOKEN_HEADER
              + " header, or open the inspector once at /__sandbox/ui/?token=…");
    }
  }

  /** A credential was presented: it admits the request, or the request is refused with 401. */
  private static void admitIfEqual(
      RoutingContext rc, String expected, String presented, String refusal) {
    if (equal(expected, presented)) {
      rc.next();
    } else {
      refuse(rc, 401, refusal);
    }
  }

  /** {@code /__sandbox/ui/?token=…} → the cookie, and the same address without the token. */
  private void exchangeTokenForCookie(RoutingContext rc, String offered) {
    if (token == null) {
      refuse(rc, 403, "this sandbox has no admin token (--admin-token)");
      return;
    }
    if (!equal(token, offered)) {
      refuse(rc, 401, "wrong admin token");
      return;
    }
    rc.response()
        .addCookie(
            Cookie.cookie(COOKIE, cookieValue)
                .setPath("/__sandbox")
                .setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)
                .setSecure("https".equals(rc.request().scheme())))
        .putHeader("Cache-Control", "no-store")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("Location", withoutToken(rc))
        .setStatusCode(303)
        .end();
  }

  /**
   * The page's own address with the request's query less {@code token}. Built on the normalized
   * path, the only one that reaches here: the path as sent ({@code
   * //evil.example/../__sandbox/ui/}) would make the redirect lead to another host.
   */
  private static String withoutToken(RoutingContext rc) {
    QueryStringEncoder address = new QueryStringEncoder(rc.normalizedPath());
    for (var entry : rc.queryParams()) {
      if (!entry.getKey().equals(TOKEN_PARAMETER)) {
        address.addParam(entry.getKey(), entry.getValue());
      }
    }
    return address.toString();
  }

  private static String cookie(RoutingContext rc) {
    Cookie cookie = rc.request().getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  private static boolean equal(String expected, String presented) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The admin token from {@value #TOKEN_HEADER}, or from {@code Authorization: Bearer}, which is
   * what Prometheus and most HTTP tools can send.
   */
  private static String presentedToken(RoutingContext rc) {
    String presented = rc.request().getHeader(TOKEN_HEADER);
    if (presented != null) {
      return presented;
    }
    String authorization = rc.request().getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    return null;
  }

  /** {@code http://localhost:8080} → {@code localhost}; {@code [::1]:8080} → {@code ::1}. */
  static String hostOf(String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    int scheme = v.indexOf("://");
    if (scheme >= 0) {
      v = v.substring(scheme + 3);
    }
    int slash = v.indexOf('/');
    if (slash >= 0) {
      v = v.substring(0, slash);
    }
    if (v.startsWith("[")) {
      int end = v.indexOf(']');
      return end > 0 ? v.substring(1, end) : v;
    }
    int colon = v.lastIndexOf(':');
    return colon >= 0 && v.indexOf(':') == colon ? v.substring(0, colon) : v;
  }

  static boolean loopbackHost(String host) {
    return host.equals("localhost") || host.endsWith(".localhost") || isLoopback(host);
  }

  static boolean isLoopback(String host) {
    return host.startsWith("127.")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1")
        || host.equals("localhost");
  }

  private static void refuse(RoutingContext rc, int status, String message) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
