package dev.integrationsandbox.btg;

import dev.integrationsandbox.TestSandbox;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/**
 * BTG as the audit tests call it over HTTP: the default fixtures' app client, the seed's bodies,
 * and requests that wait on the JUnit thread (never an event loop).
 */
final class BtgAuditData {

  static final String DOCUMENT = "52998224725";
  static final String OTHER_DOCUMENT = "11222333000181";
  static final String TICKETS = "/v2/btg-tickets/customers/" + DOCUMENT + "/tickets";
  static final String ATTEMPT = "/v2/btg-tickets/customers/" + DOCUMENT + "/attempt-tickets";
  static final String BATCH = "/v2/btg-tickets/customers/attempt-tickets/batch";
  static final String TOKEN = "/oauth2/token";
  static final String POOL = "sa-east-1_SandboxBTG";
  static final String ISSUER = "https://cognito-idp.sa-east-1.amazonaws.com/" + POOL;

  private final TestSandbox sandbox;
  private final String token;

  BtgAuditData(TestSandbox sandbox) {
    this.sandbox = sandbox;
    this.token = new BtgApi(sandbox).issueToken(BtgTestData.CLIENT, BtgTestData.SECRET);
  }

  static JsonObject ticket() {
    return new JsonObject()
        .put("phoneAreaCode", "11")
        .put("phoneNumber", "987654321")
        .put("channel", "PHONE")
        .put("type", "OUTBOUND");
  }

  static JsonObject contract() {
    return new JsonObject()
        .put("terminationCode", "AE")
        .put("contractNumber", "CN-81273197")
        .put("product", "CARDN")
        .put("dueDays", 25);
  }

  static JsonObject attempt() {
    return ticket().put("duration", 95).put("contracts", new JsonArray().add(contract()));
  }

  HttpResponse<Buffer> send(HttpMethod method, String uri, Object body) {
    HttpRequest<Buffer> request =
        sandbox
            .client()
            .request(method, uri)
            .bearerTokenAuthentication(token)
            .putHeader("createdBy", "Maria Souza")
            .putHeader("Content-Type", "application/json");
    return body == null
        ? request.send().await()
        : request.sendBuffer(Json.encodeToBuffer(body)).await();
  }

  /** Sends a body exactly as written, for numbers that Java types would change on the way. */
  HttpResponse<Buffer> sendRaw(HttpMethod method, String uri, String body) {
    return sandbox
        .client()
        .request(method, uri)
        .bearerTokenAuthentication(token)
        .putHeader("createdBy", "Maria Souza")
        .putHeader("Content-Type", "application/json")
        .sendBuffer(Buffer.buffer(body))
        .await();
  }

  JsonObject open() {
    HttpResponse<Buffer> r = send(HttpMethod.POST, TICKETS, ticket());
    if (r.statusCode() != 200) {
      throw new AssertionError("ticket not opened: " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  static String ticketUri(String id) {
    return TICKETS + "/" + id;
  }

  HttpResponse<Buffer> tokenForm(String basicUser, String basicSecret, MultiMap form) {
    HttpRequest<Buffer> request = sandbox.client().post(TOKEN);
    if (basicUser != null) {
      request.basicAuthentication(basicUser, basicSecret);
    }
    return request.sendForm(form).await();
  }

  HttpResponse<Buffer> get(String uri) {
    return sandbox.client().get(uri).send().await();
  }

  TestSandbox sandbox() {
    return sandbox;
  }
}
