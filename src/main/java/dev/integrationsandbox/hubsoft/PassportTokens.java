package dev.integrationsandbox.hubsoft;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The access and refresh tokens one world's Passport server has issued, each with its expiry on the
 * sandbox clock. Passport keeps tokens in its database and checks every request against it, which
 * is how HubSoft can revoke them all after an upgrade; so these tokens are looked up, not verified.
 *
 * <p>Lookups are lock-free; issuing, refreshing and revoking take the store's lock. Each client
 * keeps at most {@code maxPerClient} live pairs: past it the oldest pair is forgotten.
 */
final class PassportTokens {

  /** An issued access token and what it stands for. */
  record Access(
      String clientId, long userId, Instant expiresAt, String refreshToken, boolean revoked) {}

  /** An issued refresh token and the access token it was issued with. */
  record Refresh(
      String clientId, long userId, Instant expiresAt, String accessToken, boolean revoked) {}

  /** The pair handed to the client. */
  record Issued(String accessToken, String refreshToken) {}

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final long accessLifetimeSeconds;
  private final long refreshLifetimeSeconds;
  private final int maxPerClient;
  private final Map<String, Access> access = new ConcurrentHashMap<>();
  private final Map<String, Refresh> refresh = new ConcurrentHashMap<>();
  private final Map<String, ArrayDeque<String>> issuedOrder = new HashMap<>();

  /**
   * The last token looked up, so that a client sending the same token again is recognised by {@code
   * String.equals} instead of hashing its thousand characters for the map: that hash was a fiftieth
   * of a HubSoft request. The same header is compared whole, since {@code equals} runs many times
   * faster than {@code regionMatches} over a kilobyte; another header with the token, by region. It
   * holds only while {@link #generation} has not moved, which every change to {@link #access} does
   * after making it.
   */
  private volatile Recent recent;

  private volatile long generation;

  /** The token looked up last, and the header text it came in. */
  private record Recent(String token, String header, int start, Access access, long generation) {}

  PassportTokens(long accessLifetimeSeconds, long refreshLifetimeSeconds, int maxPerClient) {
    this.accessLifetimeSeconds = accessLifetimeSeconds;
    this.refreshLifetimeSeconds = refreshLifetimeSeconds;
    this.maxPerClient = maxPerClient;
  }

  long lifetimeSeconds() {
    return accessLifetimeSeconds;
  }

  synchronized Issued issue(String clientId, long userId, Instant now) {
    String jti = HexFormat.of().formatHex(randomBytes(40));
    String accessToken = jwt(jti, clientId, userId, now);
    String refreshToken = "def50200" + HexFormat.of().formatHex(randomBytes(96));
    access.put(
        accessToken,
        new Access(clientId, userId, now.plusSeconds(accessLifetimeSeconds), refreshToken, false));
    refresh.put(
        refreshToken,
        new Refresh(clientId, userId, now.plusSeconds(refreshLifetimeSeconds), accessToken, false));
    ArrayDeque<String> order = issuedOrder.computeIfAbsent(clientId, c -> new ArrayDeque<>());
    order.addLast(accessToken);
    while (order.size() > maxPerClient) {
      Access oldest = access.remove(order.removeFirst());
      if (oldest != null) {
        refresh.remove(oldest.refreshToken());
      }
    }
    generation++;
    return new Issued(accessToken, refreshToken);
  }

  /** The live access token, or null when unknown, revoked or expired. */
  Access valid(String token, Instant now) {
    return valid(token, 0, token.length(), now);
  }

  /**
   * The live access token of a header's {@code text[start, end)}, copied out of the header only
   * when it is not the token used last: a token is a kilobyte, a tenth of what a request allocated
   * when every request copied it.
   */
  Access valid(String text, int start, int end, Instant now) {
    Recent r = recent;
    long current = generation;
    int length = end - start;
    Access a;
    if (r != null
        && r.generation() == current
        && r.token().length() == length
        && (r.start() == start && text.equals(r.header())
            || text.regionMatches(start, r.token(), 0, length))) {
      a = r.access();
    } else {
      String token = text.substring(start, end);
      a = access.get(token);
      if (a != null) {
        recent = new Recent(token, text, start, a, current);
      }
    }
    return a == null || a.revoked() || !now.isBefore(a.expiresAt()) ? null : a;
  }

  Refresh refreshToken(String token) {
    return refresh.get(token);
  }

  /**
   * Revokes a refresh token and its access token, as league/oauth2-server does when it rotates
   * them.
   *
   * @return false when another request revoked it first
   */
  synchronized boolean revokePair(String refreshToken) {
    Refresh r = refresh.get(refreshToken);
    if (r == null || r.revoked()) {
      return false;
    }
    refresh.put(
        refreshToken, new Refresh(r.clientId(), r.userId(), r.expiresAt(), r.accessToken(), true));
    access.computeIfPresent(
        r.accessToken(),
        (k, a) -> new Access(a.clientId(), a.userId(), a.expiresAt(), a.refreshToken(), true));
    generation++;
    return true;
  }

  /** Revokes every token, as HubSoft does after an upgrade; returns how many access tokens. */
  synchronized int revokeAll() {
    int[] count = {0};
    access.replaceAll(
        (k, a) -> {
          if (!a.revoked()) {
            count[0]++;
          }
          return new Access(a.clientId(), a.userId(), a.expiresAt(), a.refreshToken(), true);
        });
    refresh.replaceAll(
        (k, r) -> new Refresh(r.clientId(), r.userId(), r.expiresAt(), r.accessToken(), true));
    generation++;
    return count[0];
  }

  synchronized void reset() {
    access.clear();
    refresh.clear();
    issuedOrder.clear();
    generation++;
  }

  /** How many live access tokens each client holds (no token values: they are secrets). */
  JsonObject snapshot(Instant now) {
    Map<String, Integer> live = new HashMap<>();
    access.values().stream()
        .filter(a -> !a.revoked() && now.isBefore(a.expiresAt()))
        .forEach(a -> live.merge(a.clientId(), 1, Integer::sum));
    return new JsonObject(new HashMap<>(live));
  }

  /**
   * A token shaped like Passport's: an RS256 JWT header with its {@code jti}, Passport's claims.
   * The signature is random bytes; HubSoft publishes no key, so no client can verify it.
   */
  private String jwt(String jti, String clientId, long userId, Instant now) {
    JsonObject header = new JsonObject().put("typ", "JWT").put("alg", "RS256").put("jti", jti);
    long iat = now.getEpochSecond();
    JsonObject claims =
        new JsonObject()
            .put("aud", clientId)
            .put("jti", jti)
            .put("iat", iat)
            .put("nbf", iat)
            .put("exp", iat + accessLifetimeSeconds)
            .put("sub", String.valueOf(userId))
            .put("scopes", new JsonArray());
    return part(header) + "." + part(claims) + "." + B64.encodeToString(randomBytes(256));
  }

  private static String part(JsonObject json) {
    return B64.encodeToString(json.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] randomBytes(int n) {
    byte[] bytes = new byte[n];
    ThreadLocalRandom.current().nextBytes(bytes);
    return bytes;
  }
}
