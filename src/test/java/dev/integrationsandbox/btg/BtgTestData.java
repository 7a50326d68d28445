package dev.integrationsandbox.btg;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * BTG as the default fixtures ({@code fixtures/btg}) know it, defined once for the tests: the app
 * clients, the documents, the fixture tickets, the paths and the standard request bodies. Bodies
 * are fresh objects: a test may change its own copy.
 */
public final class BtgTestData {

  /** The app client with both scopes. */
  public static final String CLIENT = "sandbox-btg";

  public static final String SECRET = "sandbox-btg-secret";

  /** A second app client: it sees none of {@link #CLIENT}'s tickets. */
  public static final String OTHER_CLIENT = "sandbox-btg-other";

  public static final String OTHER_SECRET = "sandbox-btg-other-secret";

  /** An app client with {@code btg-tickets/read} only. */
  public static final String READONLY_CLIENT = "sandbox-btg-readonly";

  public static final String READONLY_SECRET = "sandbox-btg-readonly-secret";

  /** The issuer of the sandbox's Cognito tokens. */
  public static final String ISSUER =
      "https://cognito-idp.sa-east-1.amazonaws.com/sa-east-1_SandboxBTG";

  /** A CPF with valid check digits. */
  public static final String CPF = "52998224725";

  /** A CNPJ with valid check digits. */
  public static final String CNPJ = "11222333000181";

  /** {@link #CLIENT}'s open fixture ticket, under {@link #CPF}. */
  public static final String OPEN_TICKET = "6f1c2d3e-4a5b-4c6d-8e7f-001122334455";

  /** {@link #CLIENT}'s closed fixture ticket, under {@link #CNPJ}. */
  public static final String CLOSED_TICKET = "7a2b3c4d-5e6f-4a7b-9c8d-66778899aabb";

  /** A well-formed ticket id that no client has. */
  public static final String UNKNOWN_TICKET = "0b6d0d3e-1111-4222-8333-444455556666";

  /** The operator in {@code createdBy} of ticket requests. */
  public static final String OPERATOR = "Maria";

  /** The operator in {@code createdBy} of attempt-ticket requests. */
  public static final String DIALER = "Discador";

  public static final String TOKEN = "/oauth2/token";
  public static final String JWKS = "/.well-known/jwks.json";
  public static final String CUSTOMERS = "/v2/btg-tickets/customers/";
  public static final String INFO = CUSTOMERS + "tickets/info";
  public static final String BATCH = CUSTOMERS + "attempt-tickets/batch";

  private BtgTestData() {}

  public static String tickets(String document) {
    return CUSTOMERS + document + "/tickets";
  }

  public static String ticket(String document, String id) {
    return tickets(document) + "/" + id;
  }

  public static String contracts(String document, String id) {
    return ticket(document, id) + "/contracts";
  }

  public static String attemptTickets(String document) {
    return CUSTOMERS + document + "/attempt-tickets";
  }

  public static String batch(String document) {
    return attemptTickets(document) + "/batch";
  }

  /** A valid body of {@code POST .../tickets}. */
  public static JsonObject newTicket() {
    return new JsonObject()
        .put("phoneAreaCode", "11")
        .put("phoneNumber", "999998888")
        .put("channel", "PHONE")
        .put("type", "OUTBOUND");
  }

  /** A valid contract with the termination code {@code code}. */
  public static JsonObject contract(String code) {
    return new JsonObject()
        .put("terminationCode", code)
        .put("contractNumber", "CN-81273197")
        .put("product", "CARDN")
        .put("dueDays", 25);
  }

  /** A valid attempt ticket: a 42-second call with one NA contract. */
  public static JsonObject attempt() {
    return newTicket()
        .put("duration", 42)
        .put("contracts", new JsonArray().add(contract("NA")))
        .put("email", "cliente@example.com")
        .put("scheduledDate", "2026-02-01");
  }
}
