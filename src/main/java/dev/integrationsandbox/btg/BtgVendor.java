package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.spi.Vendor;
import dev.integrationsandbox.spi.VendorContext;
import io.vertx.core.Future;
import java.util.List;

/**
 * BTG Pactual's Tickets V2 API (v2.4) and the Cognito user pool that issues its tokens. Two hosts
 * in reality, one port here: {@code /oauth2/token} answers in Cognito's dialect, {@code
 * /v2/btg-tickets/…} in the API gateway's.
 */
public final class BtgVendor implements Vendor {

  static final String CREATE_TOKEN = "createToken";
  static final String GET_JWKS = "getJwks";
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
          "btg", "BTG Tickets V2", "btg-tickets.yaml", List.of("/v2/btg-tickets/", "/oauth2/"));

  @Override
  public Descriptor descriptor() {
    return DESCRIPTOR;
  }

  /**
   * Cognito's token endpoint speaks OAuth's dialect; everything behind the gateway, the gateway's.
   */
  @Override
  public Dialect dialect(Call call) {
    return call.path().startsWith("/oauth2/") ? COGNITO : GATEWAY;
  }

  /** API Gateway and Cognito put a request id on every answer. */
  @Override
  public Reply decorate(Reply reply, Call call) {
    return reply.header("x-amzn-RequestId", call.id());
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
