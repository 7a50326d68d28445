package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.support.Ids;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues and checks the user pool's access tokens: RS256 JWTs with Cognito's access-token claims,
 * signed with a key made at start-up and published as a JWKS, so a client can verify them exactly
 * as it verifies Cognito's.
 *
 * <p>Expiry is judged by the sandbox clock, not the wall clock, so that {@code POST
 * /__sandbox/clock {"advance":"PT3601S"}} expires a token at once. Signatures are checked once per
 * token and remembered: the gateway sees the same token thousands of times per run.
 */
final class CognitoTokens {

  /** The claims the gateway relies on, once the signature has been checked. */
  record Claims(String clientId, Set<String> scopes, long expiresAt) {}

  /** A checked token and its claims. */
  /**
   * A checked token, with the header it came in: the same header again (a client reuses its token)
   * is recognised by {@code String.equals}, which compares 800 characters many times faster than
   * {@code regionMatches}.
   */
  private record Verified(String token, String header, Claims claims) {}

  private static final Base64.Decoder B64URL = Base64.getUrlDecoder();
  private static final Base64.Encoder B64URL_OUT = Base64.getUrlEncoder().withoutPadding();
  private static final int CACHE_LIMIT = 10_000;

  /**
   * The user pool's signing key: made once and shared by every world, so that a new world costs no
   * key parsing. Tokens are signed here rather than with vertx-auth-jwt, whose header always
   * carries {@code "typ":"JWT"}; Cognito's has only {@code kid} and {@code alg}, and a client that
   * compares headers, or pins a library that rejects unknown members, must see the same.
   */
  record Keys(String kid, RSAPublicKey publicKey, PrivateKey privateKey) {}

  private final SandboxClock clock;
  private final String issuer;
  private final long lifetimeSeconds;
  private final String kid;
  private final RSAPublicKey publicKey;
  private final PrivateKey privateKey;
  private final String encodedHeader;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();
  private final java.util.Queue<String> issuedOrder =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicInteger issuedCount =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The most tokens a world remembers having issued. */
  static final int ISSUED_LIMIT = 50_000;

  CognitoTokens(Keys keys, SandboxClock clock, String issuer, long lifetimeSeconds) {
    this.clock = clock;
    this.issuer = issuer;
    this.lifetimeSeconds = lifetimeSeconds;
    this.kid = keys.kid();
    this.publicKey = keys.publicKey();
    this.privateKey = keys.privateKey();
    this.encodedHeader = encode(new JsonObject().put("kid", kid).put("alg", "RS256").encode());
  }

  /**
   * Uses the fixtures' signing key when there is one, so that the JWKS stays the same across
   * restarts (a client that cached it keeps working, as with Cognito's); otherwise makes one on a
   * worker thread, which costs a few hundred milliseconds of start-up.
   *
   * @param pem a PKCS#8 RSA private key, or null
   */
  static Future<Keys> keys(Vertx vertx, String pem) {
    return vertx
        .executeBlocking(() -> pem == null ? generate() : read(pem))
        .map(CognitoTokens::fromPair);
  }

  private static Keys fromPair(KeyPair pair) {
    RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
    String kid = "sandbox-" + Integer.toHexString(publicKey.getModulus().hashCode());
    return new Keys(kid, publicKey, pair.getPrivate());
  }

  private static KeyPair generate() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    return generator.generateKeyPair();
  }

  private static KeyPair read(String pem) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    RSAPrivateCrtKey key =
        (RSAPrivateCrtKey)
            rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    PublicKey publicKey =
        rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    return new KeyPair(publicKey, key);
  }

  long lifetimeSeconds() {
    return lifetimeSeconds;
  }

  /**
   * Signs an access token. The scopes are written sorted, so that the same grant always gives the
   * same {@code scope} claim (the client's scopes are a set, whose order is not stable between
   * runs).
   */
  String issue(AppClient client, Set<String> scopes) {
    long now = clock.now().getEpochSecond();
    JsonObject claims =
        new JsonObject()
            .put("sub", client.clientId())
            .put("token_use", "access")
            .put("scope", String.join(" ", new TreeSet<>(scopes)))
            .put("auth_time", now)
            .put("iss", issuer)
            .put("exp", now + lifetimeSeconds)
            .put("iat", now)
            .put("version", 2)
            .put("jti", remember(Ids.uuid().toString()))
            .put("client_id", client.clientId());
    String signed = encodedHeader + "." + encode(claims.encode());
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey);
      rsa.update(signed.getBytes(StandardCharsets.US_ASCII));
      return signed + "." + B64URL_OUT.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the user pool's key", e);
    }
  }

  /**
   * Remembers a token this world issued: a token signed with the same key by another world (or by
   * an earlier run of the sandbox) means nothing here, as a token of another user pool means
   * nothing to Cognito. Bounded: the oldest are forgotten first.
   */
  private String remember(String jti) {
    issued.add(jti);
    issuedOrder.add(jti);
    if (issuedCount.incrementAndGet() > ISSUED_LIMIT) {
      String oldest = issuedOrder.poll();
      if (oldest != null) {
        issued.remove(oldest);
        issuedCount.decrementAndGet();
      }
    }
    return jti;
  }

  private static String encode(String json) {
    return B64URL_OUT.encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Checks the token of an {@code Authorization} header, with or without its {@code Bearer } prefix
   * (the gateway's Cognito authorizer accepts both).
   *
   * <p>Checked tokens are remembered under the last 32 characters of their signature: as unique as
   * the token, and hashing 32 characters instead of 800 is a measurable share of a request. A known
   * token is recognised in place, compared whole, without copying it out of the header.
   *
   * @throws Failure UNAUTHORIZED for a malformed, foreign or tampered token, EXPIRED when its
   *     {@code exp} has passed on the sandbox clock
   */
  Claims verifyAuthorization(String header) {
    int start = header.regionMatches(true, 0, "Bearer ", 0, 7) ? 7 : 0;
    while (start < header.length() && header.charAt(start) == ' ') {
      start++;
    }
    int end = header.length();
    while (end > start && header.charAt(end - 1) == ' ') {
      end--;
    }
    int length = end - start;
    String key = header.substring(Math.max(start, end - 32), end);
    Verified known = verified.get(key);
    Claims claims;
    if (known != null
        && (known.header().equals(header)
            || known.token().length() == length
                && header.regionMatches(start, known.token(), 0, length))) {
      claims = known.claims();
    } else {
      String token = header.substring(start, end);
      claims = checkSignatureAndClaims(token);
      if (verified.size() >= CACHE_LIMIT) {
        verified.clear();
      }
      verified.put(key, new Verified(token, header, claims));
    }
    return unexpired(claims);
  }

  private Claims unexpired(Claims claims) {
    if (clock.now().getEpochSecond() >= claims.expiresAt()) {
      throw Failure.of(Failure.Kind.EXPIRED, "token expired at " + claims.expiresAt());
    }
    return claims;
  }

  private Claims checkSignatureAndClaims(String token) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw Failure.unauthorized("token is not a JWT");
    }
    try {
      JsonObject header =
          new JsonObject(new String(B64URL.decode(parts[0]), StandardCharsets.UTF_8));
      if (!"RS256".equals(header.getString("alg")) || !kid.equals(header.getString("kid"))) {
        throw Failure.unauthorized("token was not signed by this user pool");
      }
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(publicKey);
      rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!rsa.verify(B64URL.decode(parts[2]))) {
        throw Failure.unauthorized("token signature does not verify");
      }
      JsonObject payload =
          new JsonObject(new String(B64URL.decode(parts[1]), StandardCharsets.UTF_8));
      if (!issuer.equals(payload.getString("iss"))
          || !"access".equals(payload.getString("token_use"))) {
        throw Failure.unauthorized("token is not an access token of this user pool");
      }
      if (!issued.contains(payload.getString("jti", ""))) {
        throw Failure.unauthorized("token was not issued in this world");
      }
      Set<String> scopes = new LinkedHashSet<>();
      for (String s : payload.getString("scope", "").split(" ")) {
        if (!s.isBlank()) {
          scopes.add(s);
        }
      }
      return new Claims(payload.getString("client_id"), Set.copyOf(scopes), payload.getLong("exp"));
    } catch (IllegalArgumentException | ClassCastException | GeneralSecurityException e) {
      throw Failure.unauthorized("token cannot be decoded: " + e.getMessage());
    } catch (io.vertx.core.json.DecodeException e) {
      throw Failure.unauthorized("token is not a JWT");
    }
  }

  /** The public key as Cognito publishes it at {@code /.well-known/jwks.json}. */
  JsonObject jwks() {
    return new JsonObject()
        .put(
            "keys",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("alg", "RS256")
                        .put("e", unsigned(publicKey.getPublicExponent()))
                        .put("kid", kid)
                        .put("kty", "RSA")
                        .put("n", unsigned(publicKey.getModulus()))
                        .put("use", "sig")));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return B64URL_OUT.encodeToString(bytes);
  }
}
