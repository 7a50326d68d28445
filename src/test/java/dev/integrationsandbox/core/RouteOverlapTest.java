package dev.integrationsandbox.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which routes a vendor prefix's router keeps: every route that can match a path under the prefix
 * (leaving one out would change an answer), and not those whose literal segments rule it out.
 */
class RouteOverlapTest {

  private static final String JWKS = "/{userPoolId}/.well-known/jwks.json";

  @Test
  void aParameterInTheFirstSegmentDoesNotMatchEveryPrefix() {
    assertFalse(SandboxRoutes.overlaps("/api/v1/integracao/", JWKS));
    assertFalse(SandboxRoutes.overlaps("/v2/ticket/", JWKS));
    assertFalse(SandboxRoutes.overlaps("/v2/btg-tickets", JWKS));
  }

  @Test
  void aRouteThatCanMatchAPathUnderThePrefixIsKept() {
    assertTrue(SandboxRoutes.overlaps("/interact_cti/", JWKS), "/interact_cti/.well-known/…");
    assertTrue(SandboxRoutes.overlaps("/oauth2", JWKS), "/oauth2/.well-known/…");
    assertTrue(
        SandboxRoutes.overlaps("/api/v1/integracao/", "/api/v1/integracao/atendimento/{id}"));
    assertTrue(SandboxRoutes.overlaps("/v2/btg-tickets", "/v2/btg-tickets/customers/{document}"));
    assertTrue(SandboxRoutes.overlaps("/interact_cti/", "/interact_cti/"));
    assertTrue(SandboxRoutes.overlaps("/v2/", "/v2/{x}/y"));
    assertTrue(SandboxRoutes.overlaps(null, "/anything"));
  }

  @Test
  void anotherLiteralSegmentRulesTheRouteOut() {
    assertFalse(SandboxRoutes.overlaps("/oauth/", "/api/v1/integracao/atendimento"));
    assertFalse(SandboxRoutes.overlaps("/v2/tickets/", "/v2/ticket/{id}"));
    assertFalse(SandboxRoutes.overlaps("/v2/btg-tickets", "/v2/negotiation/x"));
  }
}
