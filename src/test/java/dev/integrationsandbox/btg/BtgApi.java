package dev.integrationsandbox.btg;

import static dev.integrationsandbox.btg.BtgTestData.BATCH;
import static dev.integrationsandbox.btg.BtgTestData.CLIENT;
import static dev.integrationsandbox.btg.BtgTestData.DIALER;
import static dev.integrationsandbox.btg.BtgTestData.INFO;
import static dev.integrationsandbox.btg.BtgTestData.OPERATOR;
import static dev.integrationsandbox.btg.BtgTestData.SECRET;
import static dev.integrationsandbox.btg.BtgTestData.TOKEN;

import dev.integrationsandbox.ProjectSandbox;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.junit.IntegrationSandbox;
import dev.integrationsandbox.junit.SandboxAdmin;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.util.function.Supplier;

/**
 * BTG as its tests call it over HTTP, with one bearer token (or none): requests wait on the test's
 * thread with {@code Future.await()} (never an event loop); {@link #request} and the {@code ...ing}
 * methods give the unsent request for a test that needs another header, query or body. It calls the
 * default world of a {@link TestSandbox}, or the current test's world of an {@link
 * IntegrationSandbox} ({@link #in}).
 */
public final class BtgApi {

  private final WebClient client;
  private final String prefix;
  private final Supplier<JsonObject> state;
  private final String token;

  /** Without a token: for the token endpoint and unauthenticated calls. */
  public BtgApi(TestSandbox sandbox) {
    this(sandbox.client(), "", () -> sandbox.state("btg").getJsonObject("btg"), null);
  }

  private BtgApi(WebClient client, String prefix, Supplier<JsonObject> state, String token) {
    this.client = client;
    this.prefix = prefix;
    this.state = state;
    this.token = token;
  }

  /** Without a token, in the world of the test running on this thread. */
  public static BtgApi in(IntegrationSandbox sandbox) {
    SandboxAdmin admin = sandbox.admin();
    return new BtgApi(
        ProjectSandbox.client(sandbox),
        ProjectSandbox.pathOf(sandbox.baseUrl("btg")),
        () -> admin.state("btg"),
        null);
  }

  /** The same API with {@code token} as its bearer token. */
  public BtgApi as(String token) {
    return new BtgApi(client, prefix, state, token);
  }

  /** The same API signed in as {@link BtgTestData#CLIENT}. */
  public BtgApi signedIn() {
    return as(issueToken(CLIENT, SECRET));
  }

  /** The bearer token of this API, {@code null} without one. */
  public String token() {
    return token;
  }

  public static MultiMap form(String name, String value) {
    return MultiMap.caseInsensitiveMultiMap().add(name, value);
  }

  /** {@code POST /oauth2/token} with the client's credentials in a Basic header. */
  public HttpResponse<Buffer> requestToken(String clientId, String secret, MultiMap form) {
    return client.post(prefix + TOKEN).basicAuthentication(clientId, secret).sendForm(form).await();
  }

  /** A client-credentials access token of an app client of the default fixtures. */
  public String issueToken(String clientId, String secret) {
    HttpResponse<Buffer> r =
        requestToken(clientId, secret, form("grant_type", "client_credentials"));
    if (r.statusCode() != 200) {
      throw new AssertionError("token refused: " + r.bodyAsString());
    }
    return r.bodyAsJsonObject().getString("access_token");
  }

  /** An unsent request with this API's bearer token, if it has one. */
  public HttpRequest<Buffer> request(HttpMethod method, String uri) {
    HttpRequest<Buffer> request = client.request(method, prefix + uri);
    return token == null ? request : request.bearerTokenAuthentication(token);
  }

  public HttpResponse<Buffer> get(String uri) {
    return request(HttpMethod.GET, uri).send().await();
  }

  public HttpResponse<Buffer> delete(String uri) {
    return request(HttpMethod.DELETE, uri).send().await();
  }

  public HttpResponse<Buffer> info() {
    return get(INFO);
  }

  /** An unsent JSON POST with {@code operator} in {@code createdBy} (none when {@code null}). */
  public HttpRequest<Buffer> posting(String uri, String operator) {
    HttpRequest<Buffer> request =
        request(HttpMethod.POST, uri).putHeader("Content-Type", "application/json");
    return operator == null ? request : request.putHeader("createdBy", operator);
  }

  /** POSTs {@code body}, a JSON object or array, with {@code operator} in {@code createdBy}. */
  public HttpResponse<Buffer> post(String uri, String operator, Object body) {
    return posting(uri, operator).sendBuffer(Json.encodeToBuffer(body)).await();
  }

  /** An unsent create-ticket request under {@code document}, by {@link BtgTestData#OPERATOR}. */
  public HttpRequest<Buffer> creating(String document) {
    return posting(BtgTestData.tickets(document), OPERATOR);
  }

  public HttpResponse<Buffer> createTicket(String document, JsonObject body) {
    return post(BtgTestData.tickets(document), OPERATOR, body);
  }

  /** Opens the standard ticket under {@code document} and returns it, failing unless it is 200. */
  public JsonObject openTicket(String document) {
    HttpResponse<Buffer> r = createTicket(document, BtgTestData.newTicket());
    if (r.statusCode() != 200) {
      throw new AssertionError("ticket refused: " + r.statusCode() + " " + r.bodyAsString());
    }
    return r.bodyAsJsonObject();
  }

  public HttpResponse<Buffer> addContract(String document, String ticketId, JsonObject contract) {
    return post(BtgTestData.contracts(document, ticketId), null, contract);
  }

  /** An unsent close of the ticket, for query parameters or to send it concurrently. */
  public HttpRequest<Buffer> closing(String document, String ticketId) {
    return request(HttpMethod.DELETE, BtgTestData.ticket(document, ticketId));
  }

  public HttpResponse<Buffer> close(String document, String ticketId) {
    return closing(document, ticketId).send().await();
  }

  /** An attempt ticket under {@code document}, by {@link BtgTestData#DIALER}. */
  public HttpResponse<Buffer> createAttempt(String document, JsonObject body) {
    return post(BtgTestData.attemptTickets(document), DIALER, body);
  }

  /** A batch of attempt tickets under {@code document}, by {@link BtgTestData#DIALER}. */
  public HttpResponse<Buffer> createBatch(String document, Object items) {
    return post(BtgTestData.batch(document), DIALER, items);
  }

  /** A batch of attempt tickets each naming its own {@code documentNumber}. */
  public HttpResponse<Buffer> createBatch(JsonArray items) {
    return post(BATCH, DIALER, items);
  }

  /** The tickets {@code clientId} holds, as {@code /__sandbox/state} shows them. */
  public JsonArray storedTickets(String clientId) {
    return state.get().getJsonObject("tickets").getJsonArray(clientId);
  }
}
