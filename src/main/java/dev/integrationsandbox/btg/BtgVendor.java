package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.FaultPreset;
import dev.integrationsandbox.spi.Limits;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.spi.Upstream;
import dev.integrationsandbox.spi.UpstreamAuth;
import dev.integrationsandbox.spi.Vendor;
import dev.integrationsandbox.spi.VendorContext;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * BTG Pactual's Tickets V2 API (v2.4) and the Cognito user pool that issues its tokens. Three hosts
 * in reality, one port here: {@code /oauth2/token} (the Cognito domain) answers in Cognito's
 * dialect, {@code /v2/btg-tickets/…} (the API gateway) in the gateway's, and {@code
 * /{userPoolId}/.well-known/…} stands for the issuer's keys and discovery document on {@code
 * cognito-idp}.
 *
 * <p>The path prefixes cover what a BTG client may mistype ({@code /v2/btg-tickets} without the
 * slash, a {@code /v2/btg-tickets-v3}, the sibling {@code /v2/negotiation/} API on the same host,
 * {@code /oauth2}), so that the client meets the vendor's own 403 or 404 and never the sandbox's
 * table of vendors.
 */
public final class BtgVendor implements Vendor {

  static final String CREATE_TOKEN = "createToken";
  static final String GET_JWKS = "getJwks";
  static final String GET_ISSUER_JWKS = "getIssuerJwks";
  static final String GET_OPENID_CONFIGURATION = "getOpenIdConfiguration";
  static final String GET_TICKETS_INFO = "getTicketsInfo";
  static final String CREATE_TICKET = "createTicket";
  static final String ADD_TICKET_CONTRACT = "addTicketContract";
  static final String CLOSE_TICKET = "closeTicket";
  static final String CREATE_ATTEMPT_TICKET = "createAttemptTicket";
  static final String CREATE_ATTEMPT_BATCH_FOR_DOCUMENT = "createAttemptTicketsBatchForDocument";
  static final String CREATE_ATTEMPT_BATCH = "createAttemptTicketsBatch";

  private static final Dialect COGNITO = new CognitoDialect();
  private static final Dialect GATEWAY = new GatewayDialect();

  private static final Descriptor DESCRIPTOR =
      new Descriptor(
          "btg",
          "BTG Tickets V2",
          "btg-tickets.yaml",
          List.of("/v2/btg-tickets", "/v2/negotiation/", "/oauth2"));

  /** Cognito's token-endpoint headers (RFC 6749 §5.1 asks for no-store; Cognito sends more). */
  static final String TOKEN_CACHE_CONTROL = "no-cache, no-store, max-age=0, must-revalidate";

  /** API Gateway's REST quotas: 10,240 bytes of URL and of request line plus headers, 10 MB. */
  private static final Limits GATEWAY_LIMITS = new Limits(10_240, 10_240, 10L * 1024 * 1024);

  @Override
  public Descriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Limits limits() {
    return GATEWAY_LIMITS;
  }

  /**
   * Cognito's token endpoint speaks OAuth's dialect; everything behind the gateway, the gateway's.
   */
  @Override
  public Dialect dialect(Call call) {
    return isCognitoDomain(call) ? COGNITO : GATEWAY;
  }

  /**
   * API Gateway puts {@code x-amzn-RequestId} on every answer; the Cognito domain puts its own
   * request id and forbids caching instead (VENDOR-FACTS §1d), on errors as on tokens.
   */
  @Override
  public Reply decorate(Reply reply, Call call) {
    if (isCognitoDomain(call)) {
      return reply
          .header("cache-control", TOKEN_CACHE_CONTROL)
          .header("pragma", "no-cache")
          .header("x-amz-cognito-request-id", call.id());
    }
    return reply.header("x-amzn-RequestId", call.id());
  }

  private static boolean isCognitoDomain(Call call) {
    return call.path().equals("/oauth2") || call.path().startsWith("/oauth2/");
  }

  /**
   * The seed's hosts: each environment is an API host plus a Cognito domain that serves {@code
   * /oauth2/}.
   */
  private static final Map<String, Upstream> PRESETS =
      Map.of(
          "uat",
          Upstream.at("https://agreements-api-uat.btgpactual.com")
              .routing("/oauth2", "https://btg-agreement-uat.auth.sa-east-1.amazoncognito.com"),
          "prd",
          Upstream.at("https://agreements-api.btgpactual.com")
              .routing("/oauth2", "https://btg-agreement.auth.sa-east-1.amazoncognito.com")
              .asProduction());

  @Override
  public Map<String, Upstream> upstreamPresets() {
    return PRESETS;
  }

  @Override
  public UpstreamAuth upstreamAuth() {
    return new UpstreamAuth("/oauth2/token", UpstreamAuth.Grant.CLIENT_CREDENTIALS);
  }

  @Override
  public List<FaultPreset> faultPresets() {
    return BtgFaults.ALL;
  }

  @Override
  public Class<BtgOptions> optionsType() {
    return BtgOptions.class;
  }

  @Override
  public Future<BtgEmulation> emulation(VendorContext context) {
    int maxTickets = context.options(BtgOptions.class).maxTicketsPerClient();
    return BtgFixtures.load(context.vertx(), context.fixtures())
        .compose(
            fixtures ->
                CognitoTokens.keys(context.vertx(), fixtures.signingKey())
                    .map(keys -> new BtgEmulation(fixtures, keys, maxTickets)));
  }
}
