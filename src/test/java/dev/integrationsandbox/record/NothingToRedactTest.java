package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Redactor#holdsNothingToRedact} lets the journal keep a proxied body as it came: a yes must
 * never hide a body that the full walk would have changed, or a secret would reach the journal.
 */
class NothingToRedactTest {

  private static final String KNOWN = "s3cr3t-client-value";
  private static final Redactor REDACTOR = new Redactor(Set.of(KNOWN), List.of("cpf_titular"));

  private static final List<String> NAMES =
      List.of(
          "agent",
          "company_id",
          "break_name",
          "result",
          "status",
          "access_token",
          "Password",
          "apiKey",
          "cpf_titular",
          "token_type",
          "monkey",
          "id",
          "x\\u0074oken",
          "nome");

  private static final List<String> VALUES =
      List.of(
          "DEV",
          "Lanche",
          "894343d2-3f02-4c02-909b-a0bfa57c0a93",
          "Bearer abcdefgh123",
          "basic dXNlcjpwYXNz",
          "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
          "prefix " + KNOWN + " suffix",
          "password=hunter22",
          "{\"client_secret\": \"abc\"}",
          "12-10-2018 10:23:00",
          "São Paulo",
          "key material");

  @Test
  void aBodyItLeavesAloneIsShownExactlyAsItCame() {
    Random random = new Random(20261124);
    int alone = 0;
    int walked = 0;
    for (int i = 0; i < 50_000; i++) {
      JsonObject body = object(random, 0);
      Buffer raw = Json.encodeToBuffer(body);
      Object shown = REDACTOR.body(raw, "application/json", Integer.MAX_VALUE);
      if (REDACTOR.holdsNothingToRedact(raw)) {
        alone++;
        assertEquals(body, shown, raw.toString());
      } else {
        walked++;
      }
    }
    assertTrue(alone > 5_000, "bodies left alone: " + alone);
    assertTrue(walked > 5_000, "bodies walked: " + walked);
  }

  @Test
  void eachKindOfSecretIsWalked() {
    for (String body :
        List.of(
            "{\"access_token\":\"abc\"}",
            "{\"a\":\"Bearer abcdefgh\"}",
            "{\"a\":\"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig\"}",
            "{\"a\":\"" + KNOWN + "\"}",
            "{\"cpf_titular\":\"1\"}",
            "{\"x\\u0074oken\":\"abc\"}",
            "pa%73sword=abc")) {
      assertFalse(REDACTOR.holdsNothingToRedact(Buffer.buffer(body)), body);
    }
    assertTrue(REDACTOR.holdsNothingToRedact(Buffer.buffer("{\"agent\":\"DEV\"}")));
  }

  private static JsonObject object(Random random, int depth) {
    JsonObject o = new JsonObject();
    for (int n = random.nextInt(4); n >= 0; n--) {
      String name = NAMES.get(random.nextInt(NAMES.size()));
      o.put(name, value(random, depth));
    }
    return o;
  }

  private static Object value(Random random, int depth) {
    int kind = random.nextInt(depth < 2 ? 8 : 6);
    if (kind < 4 && random.nextInt(6) > 0) {
      return VALUES.get(random.nextInt(3));
    }
    return switch (kind) {
      case 0, 1, 2, 3 -> VALUES.get(random.nextInt(VALUES.size()));
      case 4 -> random.nextInt(1000);
      case 5 -> random.nextBoolean() ? null : true;
      case 6 -> object(random, depth + 1);
      default -> new JsonArray().add(value(random, depth + 1)).add(value(random, depth + 1));
    };
  }
}
