package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.TestSandbox;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.Map;

/**
 * HubSoft as its tests call it over HTTP: the default fixtures' credentials, the seed's request
 * body, and requests that wait on the JUnit thread (never an event loop).
 */
public final class HubSoftApi {

  static final String CLIENT_ID = "89";
  static final String CLIENT_SECRET = "sandbox-hubsoft-secret";
  static final String USERNAME = "api@iptelecom.sandbox";
  static final String PASSWORD = "sandbox-hubsoft-password";
  static final String OTHER_CLIENT_ID = "90";
  static final String OTHER_CLIENT_SECRET = "sandbox-hubsoft-other-secret";
  static final String OTHER_USERNAME = "api@valenet.sandbox";
  static final String OTHER_PASSWORD = "sandbox-hubsoft-other-password";

  public static final String ATENDIMENTO = "/api/v1/integracao/atendimento";
  static final String SEARCH = "/api/v1/integracao/cliente/atendimento";
  static final String TODOS = "/api/v1/integracao/atendimento/todos";

  private final TestSandbox sandbox;

  public HubSoftApi(TestSandbox sandbox) {
    this.sandbox = sandbox;
  }

  static JsonObject passwordGrant(
      String clientId, String secret, String username, String password) {
    return new JsonObject()
        .put("grant_type", "password")
        .put("client_id", clientId)
        .put("client_secret", secret)
        .put("username", username)
        .put("password", password);
  }

  public static JsonObject passwordGrant() {
    return passwordGrant(CLIENT_ID, CLIENT_SECRET, USERNAME, PASSWORD);
  }

  /** The seed's own example body, abrir_os included. */
  public static JsonObject seedBody() {
    return new JsonObject()
        .put("id_cliente_servico", "11000")
        .put("descricao", "Abertura de atendimento de teste")
        .put("nome", "Nome do Usuário Solicitante")
        .put("telefone", "37999112233")
        .put("email", "teste@teste.com.br")
        .put("abrir_os", true);
  }

  public HttpResponse<Buffer> tokenRequest(JsonObject body) {
    return sandbox.client().post("/oauth/token").sendJsonObject(body).await();
  }

  HttpResponse<Buffer> tokenForm(Map<String, String> fields) {
    MultiMap form = MultiMap.caseInsensitiveMultiMap();
    fields.forEach(form::add);
    return sandbox.client().post("/oauth/token").sendForm(form).await();
  }

  JsonObject tokens(JsonObject grant) {
    HttpResponse<Buffer> r = tokenRequest(grant);
    if (r.statusCode() != 200) {
      throw new AssertionError("token refused: " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  public String token() {
    return tokens(passwordGrant()).getString("access_token");
  }

  String otherToken() {
    return tokens(
            passwordGrant(OTHER_CLIENT_ID, OTHER_CLIENT_SECRET, OTHER_USERNAME, OTHER_PASSWORD))
        .getString("access_token");
  }

  public HttpResponse<Buffer> send(HttpMethod method, String uri, String token, Object body) {
    HttpRequest<Buffer> request = sandbox.client().request(method, uri);
    if (token != null) {
      request.bearerTokenAuthentication(token);
    }
    return body == null
        ? request.send().await()
        : request
            .putHeader("Content-Type", "application/json")
            .sendBuffer(Json.encodeToBuffer(body))
            .await();
  }

  JsonObject create(String token, JsonObject body) {
    return send(HttpMethod.POST, ATENDIMENTO, token, body).bodyAsJsonObject();
  }

  JsonObject get(String uri, String token) {
    return send(HttpMethod.GET, uri, token, null).bodyAsJsonObject();
  }

  HubSoftEmulator emulator() {
    return (HubSoftEmulator) sandbox.server().sandbox().vendor("hubsoft").orElseThrow().emulator();
  }
}
