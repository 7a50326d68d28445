package dev.integrationsandbox.replay;

import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One client flow per vendor, written as a client of the real vendor would be: every id it sends
 * back is one it learned from an answer. Each flow returns what the client saw, status and body of
 * every answer in order, so that a flow against the emulator and against its replay compare.
 */
public final class ReplayFlows {

  /** A world's path prefix, or "" for the default world. */
  private final String prefix;

  private final TestSandbox sandbox;
  private final List<String> seen = new ArrayList<>();

  private ReplayFlows(TestSandbox sandbox, String world) {
    this.sandbox = sandbox;
    this.prefix = world == null ? "" : "/__worlds/" + world;
  }

  /**
   * A sandbox in proxy mode for all four vendors in front of the sandbox at {@code upstreamPort},
   * recording into {@code folder}.
   */
  public static Future<TestSandbox> recordingProxy(
      Vertx vertx, int upstreamPort, Path folder, String... more) {
    String b = "http://127.0.0.1:" + upstreamPort;
    List<String> args =
        new ArrayList<>(
            List.of(
                "--mode",
                "btg=proxy,postcenter=proxy,hubsoft=proxy,vocom=proxy",
                "--upstream",
                "btg=" + b + ",postcenter=" + b + ",hubsoft=" + b + ",vocom=" + b,
                "--record-dir",
                folder.toString()));
    args.addAll(List.of(more));
    return TestSandbox.start(vertx, args.toArray(String[]::new));
  }

  public static ReplayFlows on(TestSandbox sandbox, String world) {
    return new ReplayFlows(sandbox, world);
  }

  public List<String> btg() {
    String token =
        see(
                BtgApi.form("grant_type", "client_credentials"),
                sandbox
                    .client()
                    .post(prefix + BtgTestData.TOKEN)
                    .basicAuthentication(BtgTestData.CLIENT, BtgTestData.SECRET))
            .getString("access_token");
    String bearer = "Bearer " + token;
    see(null, authorized(HttpMethod.GET, BtgTestData.INFO, bearer));
    JsonObject ticket =
        see(
            BtgTestData.newTicket(),
            authorized(HttpMethod.POST, BtgTestData.tickets(BtgTestData.CPF), bearer)
                .putHeader("createdBy", BtgTestData.OPERATOR));
    String id = ticket.getString("id");
    see(null, authorized(HttpMethod.DELETE, BtgTestData.ticket(BtgTestData.CPF, id), bearer));
    see(null, authorized(HttpMethod.DELETE, BtgTestData.ticket(BtgTestData.CPF, id), bearer));
    return seen;
  }

  public List<String> postCenter() {
    String ticket = "/v2/ticket/5cb8eeeb0715437c9126715e/";
    String key = "Key sandbox-postcenter-key";
    see(null, authorized(HttpMethod.GET, ticket, key));
    see(null, authorized(HttpMethod.POST, ticket + "close/", key));
    see(null, authorized(HttpMethod.POST, ticket + "close/", key));
    see(null, authorized(HttpMethod.GET, ticket, key));
    return seen;
  }

  public List<String> hubSoft() {
    String token =
        see(
                new JsonObject()
                    .put("grant_type", "password")
                    .put("client_id", "89")
                    .put("client_secret", "sandbox-hubsoft-secret")
                    .put("username", "api@iptelecom.sandbox")
                    .put("password", "sandbox-hubsoft-password"),
                sandbox.client().post(prefix + "/oauth/token"))
            .getString("access_token");
    JsonObject opened =
        see(
            hubSoftTicket("Aberto pelo proxy"),
            authorized(HttpMethod.POST, "/api/v1/integracao/atendimento", "Bearer " + token));
    long id = opened.getJsonObject("atendimento").getLong("id_atendimento");
    see(
        new JsonObject()
            .put("fechar_atendimento", true)
            .put("parametros", new JsonObject().put("id_ligacao", "1233882731973123")),
        authorized(HttpMethod.PUT, "/api/v1/integracao/atendimento/" + id, "Bearer " + token));
    return seen;
  }

  static JsonObject hubSoftTicket(String description) {
    return new JsonObject()
        .put("id_cliente_servico", "11000")
        .put("descricao", description)
        .put("nome", "Maria da Silva")
        .put("telefone", "37999112233")
        .put("email", "maria@example.com.br");
  }

  public List<String> vocom() {
    JsonObject dev = VocomTestData.agent(VocomTestData.DEV);
    String auth = VocomTestData.SEED_AUTHORIZATION;
    see(dev.copy().put("branch", "2000"), authorized(HttpMethod.POST, VocomTestData.LOGIN, auth));
    see(dev, authorized(HttpMethod.POST, VocomTestData.BREAK_LIST, auth));
    see(dev.copy().put("branch", "2000"), authorized(HttpMethod.POST, VocomTestData.LOGOUT, auth));
    see(dev.copy().put("branch", "2000"), authorized(HttpMethod.POST, VocomTestData.LOGOUT, auth));
    return seen;
  }

  HttpRequest<Buffer> authorized(HttpMethod method, String path, String authorization) {
    return sandbox
        .client()
        .request(method, prefix + path)
        .putHeader("Authorization", authorization);
  }

  /** Sends, notes status and body, and returns the body as JSON (null when it is not). */
  private JsonObject see(Object body, HttpRequest<Buffer> request) {
    HttpResponse<Buffer> r =
        body == null
            ? request.send().await()
            : body instanceof JsonObject json
                ? request.sendJsonObject(json).await()
                : request.sendForm((io.vertx.core.MultiMap) body).await();
    seen.add(r.statusCode() + " " + r.bodyAsString());
    try {
      return r.bodyAsJsonObject();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
