package dev.integrationsandbox.hubsoft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every auth and atendimento request of HubSoft's published Postman collection, sent to the
 * emulator with the fixtures' credentials and ids filled in: each answer must carry every key of
 * the collection's saved example response, at every level. The requests and key structures live in
 * {@code hubsoft/collection-conformance.json} (see its {@code about}).
 */
@Timeout(60)
class HubSoftCollectionConformanceTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  static final Map<String, String> FILLS =
      Map.of(
          "client_id", HubSoftApi.CLIENT_ID,
          "client_secret", HubSoftApi.CLIENT_SECRET,
          "username", HubSoftApi.USERNAME,
          "password", HubSoftApi.PASSWORD,
          "wrong_password", "not-the-password",
          "data_inicio", "2018-01-01",
          "data_fim", "2099-12-31",
          "id_cliente_servico", "11000",
          "id_atendimento", "285",
          "codigo_cliente", "1204");

  static Stream<Arguments> requests() throws IOException {
    try (InputStream in =
        HubSoftCollectionConformanceTest.class.getResourceAsStream(
            "/hubsoft/collection-conformance.json")) {
      JsonObject data = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return data.getJsonArray("requests").stream()
          .map(JsonObject.class::cast)
          .map(r -> Arguments.of(r.getString("name"), r));
    }
  }

  static String fill(String text) {
    String out = text;
    for (Map.Entry<String, String> e : FILLS.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void theAnswerCarriesEveryKeyOfTheSavedExample(String name, JsonObject request) {
    HubSoftApi api = new HubSoftApi(extension.sandbox());
    StringBuilder uri = new StringBuilder(fill(request.getString("path")));
    JsonObject query = request.getJsonObject("query");
    String sep = "?";
    for (String key : query.fieldNames()) {
      uri.append(sep)
          .append(key)
          .append('=')
          .append(java.net.URLEncoder.encode(fill(query.getString(key)), StandardCharsets.UTF_8));
      sep = "&";
    }
    HttpRequest<Buffer> http =
        extension
            .sandbox()
            .client()
            .request(HttpMethod.valueOf(request.getString("method")), uri.toString())
            .putHeader("Accept", "application/json");
    if (request.getBoolean("auth")) {
      http.bearerTokenAuthentication(api.token());
    }
    Object body = request.getValue("body");
    HttpResponse<Buffer> r =
        body == null
            ? http.send().await()
            : http.putHeader("Content-Type", "application/json")
                .sendBuffer(Buffer.buffer(fill(((JsonObject) body).encode())))
                .await();
    assertEquals(request.getInteger("status"), r.statusCode(), r.bodyAsString());
    Set<String> expected = new TreeSet<>();
    paths(request.getValue("keys"), "", expected);
    Set<String> seen = new TreeSet<>();
    Set<String> missing = new TreeSet<>();
    compare(request.getValue("keys"), r.bodyAsJson(Object.class), "", seen, missing);
    assertTrue(missing.isEmpty(), name + ": missing " + missing);
    expected.removeAll(seen);
    assertTrue(expected.isEmpty(), name + ": never present (empty arrays?) " + expected);
  }

  /** Every key path of a structure: {@code atendimento.ordens_servico[].servico.nome}. */
  static void paths(Object structure, String at, Set<String> out) {
    if (structure instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        out.add(at + key);
        paths(o.getValue(key), at + key + ".", out);
      }
    } else if (structure instanceof JsonArray a && !a.isEmpty()) {
      paths(a.getValue(0), at.substring(0, at.length() - 1) + "[].", out);
    }
  }

  static void compare(
      Object structure, Object actual, String at, Set<String> seen, Set<String> missing) {
    if (structure instanceof JsonObject o) {
      if (!(actual instanceof JsonObject object)) {
        missing.add(at + " (not an object)");
        return;
      }
      for (String key : o.fieldNames()) {
        if (!object.containsKey(key)) {
          missing.add(at + key);
        } else {
          seen.add(at + key);
          compare(o.getValue(key), object.getValue(key), at + key + ".", seen, missing);
        }
      }
    } else if (structure instanceof JsonArray a && !a.isEmpty()) {
      if (!(actual instanceof JsonArray array)) {
        missing.add(at + " (not an array)");
        return;
      }
      String item = at.substring(0, at.length() - 1) + "[].";
      array.forEach(element -> compare(a.getValue(0), element, item, seen, missing));
    }
  }
}
