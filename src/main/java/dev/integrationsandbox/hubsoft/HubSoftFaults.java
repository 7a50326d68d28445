package dev.integrationsandbox.hubsoft;

import static dev.integrationsandbox.spi.FaultPreset.Stage.EDGE;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.FaultPreset;
import java.util.List;
import java.util.Set;

/**
 * How HubSoft fails, as presets for {@code POST /__sandbox/faults}: Laravel's own answers, which
 * HubSoft's code never sees, so they are the same on the token endpoint and the API. All happen
 * before the application's code runs: nothing changes.
 */
final class HubSoftFaults {

  private HubSoftFaults() {}

  private static final Set<String> API =
      Set.of(
          "createAtendimento",
          "updateAtendimento",
          "listAtendimentos",
          "listAtendimentosPaginado",
          "listAtendimentosPaginadoPost",
          "searchClienteAtendimentos");

  /**
   * HubSoft revokes every token after an upgrade (VENDOR-FACTS §3): a token that worked a minute
   * ago gets 401 {@code {"message":"Unauthenticated."}}, and the client must fetch a new one. For
   * one call; {@code POST /__sandbox/tokens/revoke?vendor=hubsoft} revokes them for good.
   */
  static final FaultPreset TOKEN_REVOKED =
      new FaultPreset(
          "tokenRevoked",
          EDGE,
          API,
          call ->
              LaravelDialect.laravel(Failure.of(Failure.Kind.UNAUTHORIZED, "token revoked"), call));

  /** An unhandled exception in production mode: 500 {@code {"message":"Server Error"}}. */
  static final FaultPreset SERVER_ERROR =
      new FaultPreset(
          "serverError",
          EDGE,
          call -> LaravelDialect.laravel(Failure.of(Failure.Kind.INTERNAL, "server error"), call));

  /**
   * {@code php artisan down} during an upgrade: 503 {@code {"message":"Service Unavailable"}} on
   * every route.
   */
  static final FaultPreset MAINTENANCE =
      new FaultPreset(
          "maintenance",
          EDGE,
          call -> LaravelDialect.laravel(Failure.protocol(503, "maintenance mode"), call));

  static final List<FaultPreset> ALL = List.of(TOKEN_REVOKED, SERVER_ERROR, MAINTENANCE);
}
