package dev.integrationsandbox.fuzz;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.core.Pipeline;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The one place where the fuzz suite knows a vendor: how to get past its authentication with the
 * default fixtures, so that generated requests reach validation and the emulator rather than stop
 * at a 401. Keyed by vendor id; a vendor without an entry is still fuzzed, unauthenticated, and the
 * suite says so on its output.
 */
final class Credentials {

  private static final Map<String, BiFunction<TestSandbox, String, Map<String, String>>> BY_VENDOR =
      Map.of(
          "btg",
          Credentials::btg,
          "hubsoft",
          Credentials::hubsoft,
          "postcenter",
          (sandbox, world) -> Map.of("Authorization", "Key sandbox-postcenter-key"),
          "vocom",
          (sandbox, world) -> Map.of("Authorization", VocomTestData.SEED_AUTHORIZATION));

  private Credentials() {}

  /**
   * The headers that authenticate a request to this vendor in a world (null: the default one),
   * empty when the suite knows none.
   */
  static Optional<Map<String, String>> headers(String vendor, TestSandbox sandbox, String world) {
    return Optional.ofNullable(BY_VENDOR.get(vendor)).map(f -> f.apply(sandbox, world));
  }

  private static HttpRequest<Buffer> post(TestSandbox sandbox, String world, String uri) {
    HttpRequest<Buffer> request = sandbox.client().post(uri);
    return world == null ? request : request.putHeader(Pipeline.WORLD_HEADER, world);
  }

  private static Map<String, String> btg(TestSandbox sandbox, String world) {
    HttpResponse<Buffer> r =
        post(sandbox, world, BtgTestData.TOKEN)
            .basicAuthentication(BtgTestData.CLIENT, BtgTestData.SECRET)
            .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials"))
            .await();
    return Map.of("Authorization", "Bearer " + token(r));
  }

  /** The password grant of docs/readme-hubsoft.md, with the default fixtures' client and user. */
  private static Map<String, String> hubsoft(TestSandbox sandbox, String world) {
    JsonObject grant =
        new JsonObject()
            .put("grant_type", "password")
            .put("client_id", "89")
            .put("client_secret", "sandbox-hubsoft-secret")
            .put("username", "api@iptelecom.sandbox")
            .put("password", "sandbox-hubsoft-password");
    HttpResponse<Buffer> r = post(sandbox, world, "/oauth/token").sendJsonObject(grant).await();
    return Map.of("Authorization", "Bearer " + token(r));
  }

  private static String token(HttpResponse<Buffer> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("token refused: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("access_token");
  }
}
