package dev.integrationsandbox.postcenter;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.FaultPreset;
import dev.integrationsandbox.spi.Upstream;
import dev.integrationsandbox.spi.Vendor;
import dev.integrationsandbox.spi.VendorContext;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;

/**
 * PostCenter's ticket API v2 (Adereso, Chile): the tickets of an establishment across its channels,
 * found by id, by the customer's national id or Facebook uid, by state or by channel and date range
 * in pages of 100; closed and reassigned. Every call carries {@code Authorization: Key <token>}.
 */
public final class PostCenterVendor implements Vendor {

  static final String GET_TICKET = "getTicket";
  static final String GET_MESSAGES = "getTicketMessages";
  static final String CLOSE_TICKET = "closeTicket";
  static final String REASSIGN_TICKET = "reassignTicket";
  static final String GET_BY_AGENT_ID = "getTicketIdByAgentId";
  static final String POST_BY_AGENT_ID = "postTicketIdByAgentId";
  static final String GET_POSSIBLE_AGENT = "getPossibleAgent";
  static final String LIST_BY_COUNTRY_ID = "listTicketsByCountryId";
  static final String LIST_FACEBOOK = "listFacebookTickets";
  static final String LIST_BY_STATE = "listTicketsByState";
  static final String LIST_PAGINATED = "listTicketsPaginated";
  static final String LIST_ACCOUNTS = "listAccounts";

  private static final Dialect DIALECT = new PostCenterDialect();

  private static final Descriptor DESCRIPTOR =
      new Descriptor(
              "postcenter",
              "PostCenter v2",
              "postcenter.yaml",
              List.of("/v2/ticket/", "/v2/tickets/", "/v2/accounts/"))
          .readingAnyContentType();

  @Override
  public Descriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FaultPreset> faultPresets() {
    return PostCenterFaults.ALL;
  }

  @Override
  public Dialect dialect(Call call) {
    return DIALECT;
  }

  /** The production cluster (VENDOR-FACTS §2); no public UAT host is known. */
  private static final Map<String, Upstream> PRESETS =
      Map.of("prd", Upstream.at("https://api-cluster.postcenter.io").asProduction());

  @Override
  public Map<String, Upstream> upstreamPresets() {
    return PRESETS;
  }

  @Override
  public Future<PostCenterEmulation> emulation(VendorContext context) {
    return context
        .vertx()
        .executeBlocking(() -> PostCenterFixtures.load(context.fixtures()))
        .map(PostCenterEmulation::new);
  }
}
