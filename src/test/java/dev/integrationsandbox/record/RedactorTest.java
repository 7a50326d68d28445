package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the one redactor masks before anything is written, and what its last check catches. */
class RedactorTest {

  final Redactor redactor = new Redactor(Set.of("configured-secret-1"), List.of("X-Tenant-Pin"));

  @Test
  void headersOfEverySchemeAndCookiesAreMasked() {
    MultiMap headers =
        MultiMap.caseInsensitiveMultiMap()
            .add("Authorization", "Basic dXNlcjpwYXNzd29yZC0x")
            .add("Cookie", "session=abcdef123456")
            .add("X-Api-Key", "k-123456789")
            .add("X-Tenant-Pin", "778899")
            .add("Accept", "application/json");
    JsonObject shown = redactor.headers(headers);
    assertEquals("***", shown.getString("authorization"));
    assertEquals("***", shown.getString("cookie"));
    assertEquals("***", shown.getString("x-api-key"));
    assertEquals("***", shown.getString("x-tenant-pin"), "a name given with --redact");
    assertEquals("application/json", shown.getString("accept"));
  }

  @Test
  void queryFormAndJsonFieldsAreMaskedAndTheShapeStays() {
    assertEquals(
        "/x?client_secret=***&password=***&page=2",
        redactor.uri("/x?client_secret=abc123456&password=hunter22&page=2"));
    Object form =
        redactor.body(
            Buffer.buffer("grant_type=client_credentials&client_secret=s3cr3t-value"),
            "application/x-www-form-urlencoded",
            4096);
    assertEquals(
        new JsonObject().put("grant_type", "client_credentials").put("client_secret", "***"), form);
    Object json =
        redactor.body(
            Buffer.buffer(
                "{\"access_token\":\"a1b2c3d4e5\",\"refresh_token\":\"r1\",\"id_token\":\"i1\","
                    + "\"nested\":{\"x-tenant-pin\":\"1234\",\"apiKey\":\"k\"},\"name\":\"Ana\"}"),
            "application/json",
            4096);
    assertEquals(
        "{\"access_token\":\"***\",\"refresh_token\":\"***\",\"id_token\":\"***\","
            + "\"nested\":{\"x-tenant-pin\":\"***\",\"apiKey\":\"***\"},\"name\":\"Ana\"}",
        ((JsonObject) json).encode());
  }

  @Test
  void jwtsAndSchemeCredentialsInFreeTextAreMasked() {
    String text =
        "echo: Bearer abcdefghijkl and eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl and"
            + " configured-secret-1";
    assertEquals("echo: Bearer *** and *** and ***", redactor.text(text));
  }

  @Test
  void theLastCheckKnowsSecretsSeenInTraffic() {
    Redactor fresh = new Redactor(Set.of());
    String basic =
        Base64.getEncoder()
            .encodeToString("api_key:vocom-key-0001".getBytes(StandardCharsets.UTF_8));
    fresh.learn(
        MultiMap.caseInsensitiveMultiMap().add("Authorization", "Basic " + basic),
        Buffer.buffer("{\"data\":{\"access_token\":\"tok-abcdef-123\"}}"),
        "application/json");
    assertTrue(fresh.leaks("{\"note\":\"the key vocom-key-0001 echoed\"}"), "Basic password");
    assertTrue(fresh.leaks("{\"x\":\"" + basic + "\"}"), "the Basic credential itself");
    assertTrue(fresh.leaks("{\"x\":\"tok-abcdef-123\"}"), "a token from a body");
    assertFalse(fresh.leaks("{\"x\":\"***\"}"));
    assertTrue(new Redactor(Set.of("configured-secret-1")).leaks("a configured-secret-1"));
  }

  @Test
  void secretNamesSpelledWithEscapesOrConfiguredAreLearnedToo() {
    Redactor fresh = new Redactor(Set.of(), List.of("x-pin"));
    fresh.learn(
        null,
        Buffer.buffer("{\"\\u0061ccess_\\u0074oken\":\"tok-escaped-77\",\"x-pin\":\"pin-4711-a\"}"),
        "application/json");
    assertTrue(fresh.leaks("tok-escaped-77"), "a JSON name written with escapes");
    assertTrue(fresh.leaks("pin-4711-a"), "a name given with --redact");
    fresh.learn(
        null, Buffer.buffer("{\"agent\":\"DEV\",\"note\":\"plain-value-1\"}"), "application/json");
    assertFalse(fresh.leaks("plain-value-1"));
  }

  /**
   * What the last check remembers is bounded in count and in length: a client sending megabytes in
   * secret-named fields cannot make the sandbox keep them.
   */
  @Test
  void theLastCheckKeepsBoundedValuesOnly() {
    Redactor fresh = new Redactor(Set.of());
    String huge = "p".repeat(Redactor.LEARNED_VALUE_MAX + 1);
    String token = "t".repeat(Redactor.LEARNED_VALUE_MAX);
    fresh.learn(
        null,
        Buffer.buffer("{\"password\":\"" + huge + "\",\"access_token\":\"" + token + "\"}"),
        "application/json");
    assertFalse(fresh.leaks(huge), "too long to be a credential: masked by name, not remembered");
    assertTrue(fresh.leaks(token), "a token as long as a credential gets is remembered");
    for (int i = 0; i < Redactor.LEARNED_MAX + 10; i++) {
      fresh.learn(null, Buffer.buffer("{\"password\":\"secret-" + i + "\"}"), "application/json");
    }
    assertTrue(fresh.learnedCount() <= Redactor.LEARNED_MAX, "at most LEARNED_MAX values");
  }

  /**
   * A secret-named field of a body that is not JSON after all (masked as text): its value is masked
   * whatever its length, and to the end when the text is cut inside it.
   */
  @Test
  void aLongOrCutSecretInTextIsMaskedWithoutOverflowingTheStack() {
    Redactor redactor = new Redactor(Set.of(), List.of("x-pin"));
    String value = "a\\\"b".repeat(20_000);
    assertEquals(
        "{\"password\":\"***\", \"x-pin\": \"***\" broken",
        redactor.text("{\"password\":\"" + value + "\", \"x-pin\": \"" + value + "\" broken"));
    assertEquals("{\"client_secret\": \"***", redactor.text("{\"client_secret\": \"" + value));
  }

  @Test
  void formSecretsAreLearnedToo() {
    Redactor fresh = new Redactor(Set.of());
    fresh.learn(
        MultiMap.caseInsensitiveMultiMap(),
        Buffer.buffer("grant_type=password&password=form-pass-99"),
        "application/x-www-form-urlencoded; charset=UTF-8");
    assertTrue(fresh.leaks("form-pass-99"));
  }
}
