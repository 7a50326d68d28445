package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.BrazilianDocument;
import dev.integrationsandbox.support.Ids;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * BTG Tickets V2 in emulate mode: Cognito's token endpoint and JWKS, and the seven ticket
 * operations behind the API gateway's Cognito authorizer.
 *
 * <p>The gateway checks the bearer token (signature, issuer, expiry on the sandbox clock, scope)
 * before the request reaches the contract check; the agreements API then checks what only it knows:
 * CPF/CNPJ check digits, channels, types and termination codes from {@code tickets/info}, and the
 * ticket's life (open → contracts → closed, once).
 */
final class BtgEmulator implements Emulator<AppClient> {

  static final String READ_SCOPE = "btg-tickets/read";
  static final String WRITE_SCOPE = "btg-tickets/write";

  /** Query parameters of the close request that BTG keeps with the ticket. */
  static final List<String> CLOSE_DETAILS =
      List.of(
          "additionalInfo",
          "partyName",
          "partyTaxId",
          "maturityDate",
          "amount",
          "counterPartyAssessorPosition",
          "counterPartyAssessorName",
          "contactphoneAreaCode",
          "contactPhoneNumber",
          "email",
          "scheduledDate");

  private final BtgFixtures fixtures;
  private final CognitoTokens tokens;
  private final CognitoTokenEndpoint tokenEndpoint;
  private final TicketBook book;
  private final Buffer infoBytes;

  BtgEmulator(BtgFixtures fixtures, CognitoTokens tokens, int maxTicketsPerClient) {
    this.fixtures = fixtures;
    this.tokens = tokens;
    this.tokenEndpoint = new CognitoTokenEndpoint(fixtures.clients(), tokens);
    this.book = new TicketBook(fixtures.tickets(), maxTicketsPerClient);
    this.infoBytes = fixtures.info().json().toBuffer();
  }

  @Override
  public AppClient authenticate(Call call) {
    String op = call.operationId();
    if (BtgVendor.CREATE_TOKEN.equals(op)
        || BtgVendor.GET_JWKS.equals(op)
        || BtgVendor.GET_ISSUER_JWKS.equals(op)
        || BtgVendor.GET_OPENID_CONFIGURATION.equals(op)) {
      return null;
    }
    String header = call.header("Authorization");
    if (header == null || header.isBlank()) {
      throw Failure.unauthorized("no Authorization header");
    }
    CognitoTokens.Claims claims = tokens.verifyAuthorization(header);
    AppClient client = fixtures.clients().get(claims.clientId());
    if (client == null) {
      throw Failure.unauthorized("token of an unknown app client");
    }
    String needed = BtgVendor.GET_TICKETS_INFO.equals(op) ? READ_SCOPE : WRITE_SCOPE;
    if (!claims.scopes().contains(needed)) {
      throw Failure.unauthorized("token lacks scope " + needed);
    }
    return client;
  }

  @Override
  public Future<Reply> handle(Call call, AppClient client) {
    return Future.succeededFuture(
        switch (call.operationId()) {
          case BtgVendor.CREATE_TOKEN -> tokenEndpoint.token(call);
          case BtgVendor.GET_JWKS -> Reply.json(200, tokens.jwks());
          case BtgVendor.GET_ISSUER_JWKS -> issuerJwks(call);
          case BtgVendor.GET_OPENID_CONFIGURATION -> openIdConfiguration(call);
          case BtgVendor.GET_TICKETS_INFO -> Reply.json(200, fixtures.info().json(), infoBytes);
          case BtgVendor.CREATE_TICKET -> createTicket(call, client);
          case BtgVendor.ADD_TICKET_CONTRACT -> addContract(call, client);
          case BtgVendor.CLOSE_TICKET -> closeTicket(call, client);
          case BtgVendor.CREATE_ATTEMPT_TICKET -> attempt(call, client);
          case BtgVendor.CREATE_ATTEMPT_BATCH_FOR_DOCUMENT -> batch(call, client, document(call));
          case BtgVendor.CREATE_ATTEMPT_BATCH -> batch(call, client, null);
          default ->
              throw Failure.of(Failure.Kind.NO_ROUTE, "no handler for " + call.operationId());
        });
  }

  /**
   * The keys where verifiers look for them: under the issuer's path ({@code
   * /sa-east-1_SandboxBTG/.well-known/jwks.json}), so that a verifier configured with the issuer's
   * path on the sandbox's host finds them.
   */
  private Reply issuerJwks(Call call) {
    userPool(call);
    return Reply.json(200, tokens.jwks());
  }

  /**
   * The OIDC discovery document of the user pool, with Cognito's members. {@code issuer} is the
   * pool's, exactly as in the tokens; the endpoints point at the host that answered, so a client
   * that discovers them keeps talking to the sandbox.
   */
  private Reply openIdConfiguration(Call call) {
    String pool = userPool(call);
    String host = call.header("Host") == null ? "localhost" : call.header("Host");
    String proto = call.header("X-Forwarded-Proto");
    String base = (proto == null ? "http" : proto) + "://" + host;
    return Reply.json(
        200,
        new JsonObject()
            .put("authorization_endpoint", base + "/oauth2/authorize")
            .put("end_session_endpoint", base + "/logout")
            .put("id_token_signing_alg_values_supported", new JsonArray().add("RS256"))
            .put("issuer", fixtures.issuer())
            .put("jwks_uri", base + "/" + pool + "/.well-known/jwks.json")
            .put("response_types_supported", new JsonArray().add("code").add("token"))
            .put("revocation_endpoint", base + "/oauth2/revoke")
            .put(
                "scopes_supported",
                new JsonArray().add("openid").add("email").add("phone").add("profile"))
            .put("subject_types_supported", new JsonArray().add("public"))
            .put("token_endpoint", base + "/oauth2/token")
            .put(
                "token_endpoint_auth_methods_supported",
                new JsonArray().add("client_secret_basic").add("client_secret_post"))
            .put("userinfo_endpoint", base + "/oauth2/userInfo"));
  }

  /** The path's user pool id, when it is this world's pool. */
  private String userPool(Call call) {
    String pool = call.pathParam("userPoolId");
    if (!fixtures.issuer().endsWith("/" + pool)) {
      throw Failure.notFound("User pool " + pool + " does not exist.");
    }
    return pool;
  }

  private Reply createTicket(Call call, AppClient client) {
    String document = document(call);
    JsonObject body = (JsonObject) call.body().json();
    checkChannelAndType(body, "");
    Ticket ticket =
        Ticket.open(
            Ids.uuid(),
            document,
            body,
            call.header("createdBy"),
            client.assessoria(),
            call.at(),
            null,
            List.of(),
            null);
    return Reply.encoded(200, book.open(client.clientId(), ticket).encoded());
  }

  private Reply addContract(Call call, AppClient client) {
    String document = document(call);
    UUID ticketId = ticketId(call);
    JsonObject body = (JsonObject) call.body().json();
    checkTerminationCode(body, "");
    Ticket ticket =
        book.addContract(
            client.clientId(),
            document,
            ticketId,
            t -> TicketContract.fromRequest(body, t.id(), Ids.uuid(), call.at()));
    return Reply.encoded(200, ticket.encoded());
  }

  private Reply closeTicket(Call call, AppClient client) {
    String document = document(call);
    UUID ticketId = ticketId(call);
    JsonObject details = new JsonObject();
    for (String name : CLOSE_DETAILS) {
      String value = call.query().get(name);
      if (value != null) {
        details.put(name, value);
      }
    }
    Ticket ticket = book.close(client.clientId(), document, ticketId, call.at(), details);
    return Reply.encoded(200, ticket.encoded());
  }

  private Reply attempt(Call call, AppClient client) {
    String document = document(call);
    JsonObject body = (JsonObject) call.body().json();
    checkSameDocument(body, document, "");
    checkAttempt(body, "");
    return Reply.encoded(200, openAttempt(call, client, document, body).encoded());
  }

  /**
   * Both batch operations. The seed does not show the body; the sandbox takes a JSON array of
   * attempts, or an object whose {@code tickets} field is that array. All or nothing: one bad item
   * rejects the batch and creates no ticket.
   */
  private Reply batch(Call call, AppClient client, String pathDocument) {
    Object json = call.body().json();
    JsonArray items = json instanceof JsonArray a ? a : ((JsonObject) json).getJsonArray("tickets");
    List<String> documents = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      String where = "[" + i + "].";
      if (pathDocument != null) {
        checkSameDocument(item, pathDocument, where);
      }
      String document = pathDocument != null ? pathDocument : item.getString("documentNumber");
      if (!BrazilianDocument.isValid(document)) {
        throw Failure.badRequest(where + "documentNumber is not a valid CPF or CNPJ: " + document);
      }
      checkAttempt(item, where);
      documents.add(document);
    }
    JsonArray created = new JsonArray();
    for (int i = 0; i < items.size(); i++) {
      created.add(openAttempt(call, client, documents.get(i), items.getJsonObject(i)).toJson());
    }
    return Reply.json(
        200,
        new JsonObject()
            .put("status", "SUCCESS")
            .put("message", created.size() + " attempt tickets created")
            .put("tickets", created));
  }

  /**
   * A dialer attempt is reported after it happened: it ended now and began {@code duration} seconds
   * ago. The seed gives its status as OPEN even though it carries {@code closedAt}.
   */
  private Ticket openAttempt(Call call, AppClient client, String document, JsonObject body) {
    Number duration = (Number) body.getValue("duration");
    Instant closedAt = call.at();
    Instant createdAt =
        closedAt.minus(Duration.ofMillis(Math.round(duration.doubleValue() * 1000)));
    UUID id = Ids.uuid();
    List<TicketContract> contracts = new ArrayList<>();
    body.getJsonArray("contracts")
        .forEach(
            c ->
                contracts.add(
                    TicketContract.fromRequest((JsonObject) c, id, Ids.uuid(), closedAt)));
    Ticket ticket =
        Ticket.open(
            id,
            document,
            body,
            call.header("createdBy"),
            client.assessoria(),
            createdAt,
            closedAt,
            List.copyOf(contracts),
            new Ticket.Attempt(
                duration,
                body.getString("contactphoneAreaCode"),
                body.getString("contactPhoneNumber"),
                body.getString("email"),
                body.getString("scheduledDate")));
    return book.open(client.clientId(), ticket);
  }

  /** An attempt may repeat its customer's document; when it does, it must be the path's. */
  private static void checkSameDocument(JsonObject attempt, String pathDocument, String where) {
    String own = attempt.getString("documentNumber");
    if (own != null && !own.equals(pathDocument)) {
      throw Failure.badRequest(where + "documentNumber differs from the document in the path");
    }
  }

  private void checkAttempt(JsonObject body, String where) {
    checkChannelAndType(body, where);
    JsonArray contracts = body.getJsonArray("contracts");
    for (int i = 0; i < contracts.size(); i++) {
      checkTerminationCode(contracts.getJsonObject(i), where + "contracts[" + i + "].");
    }
  }

  private void checkChannelAndType(JsonObject body, String where) {
    if (!fixtures.info().channels().contains(body.getString("channel"))) {
      throw Failure.badRequest(
          where
              + "channel '"
              + body.getString("channel")
              + "' is not one of "
              + fixtures.info().channels());
    }
    if (!fixtures.info().types().contains(body.getString("type"))) {
      throw Failure.badRequest(
          where + "type '" + body.getString("type") + "' is not one of " + fixtures.info().types());
    }
  }

  private void checkTerminationCode(JsonObject contract, String where) {
    String code = contract.getString("terminationCode");
    if (!fixtures.info().codes().contains(code)) {
      throw Failure.badRequest(
          where + "terminationCode '" + code + "' is not a known termination code");
    }
  }

  private static String document(Call call) {
    String document = call.pathParam("document");
    if (!BrazilianDocument.isValid(document)) {
      throw Failure.badRequest("document " + document + " is not a valid CPF or CNPJ");
    }
    return document;
  }

  private static UUID ticketId(Call call) {
    try {
      return UUID.fromString(call.pathParam("ticketId"));
    } catch (IllegalArgumentException e) {
      throw Failure.badRequest("ticketId must be a UUID");
    }
  }

  @Override
  public void reset() {
    book.reset();
  }

  @Override
  public JsonObject snapshot() {
    JsonArray clients = new JsonArray();
    fixtures.clients().values().forEach(c -> clients.add(c.clientId()));
    return new JsonObject().put("appClients", clients).put("tickets", book.snapshot());
  }
}
