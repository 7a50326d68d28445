package dev.integrationsandbox.btg;

import static dev.integrationsandbox.spi.FaultPreset.Stage.AFTER_INTEGRATION;
import static dev.integrationsandbox.spi.FaultPreset.Stage.EDGE;

import dev.integrationsandbox.spi.FaultPreset;
import java.util.List;
import java.util.Set;

/**
 * How BTG's hosts fail, as presets for {@code POST /__sandbox/faults}: API Gateway's default
 * gateway responses in front of the tickets API (VENDOR-FACTS §1b: {@code {"message"}} bodies with
 * {@code x-amzn-ErrorType}), and an outage of the Cognito domain that issues the tokens.
 */
final class BtgFaults {

  private BtgFaults() {}

  /** The operations behind the gateway; the Cognito and key-set paths are other hosts. */
  private static final Set<String> GATEWAY =
      Set.of(
          BtgVendor.GET_TICKETS_INFO,
          BtgVendor.CREATE_TICKET,
          BtgVendor.ADD_TICKET_CONTRACT,
          BtgVendor.CLOSE_TICKET,
          BtgVendor.CREATE_ATTEMPT_TICKET,
          BtgVendor.CREATE_ATTEMPT_BATCH_FOR_DOCUMENT,
          BtgVendor.CREATE_ATTEMPT_BATCH);

  /**
   * The gateway's {@code THROTTLED} response: 429 {@code {"message":"Too Many Requests"}}. Usage
   * plans throttle before the authorizer runs, so nothing reaches the API.
   */
  static final FaultPreset THROTTLED =
      new FaultPreset(
          "throttled",
          EDGE,
          GATEWAY,
          call -> GatewayDialect.error(429, "Too Many Requests", "TooManyRequestsException"));

  /**
   * The gateway's {@code QUOTA_EXCEEDED}: 429 {@code {"message":"Limit Exceeded"}}, at the edge.
   */
  static final FaultPreset QUOTA_EXCEEDED =
      new FaultPreset(
          "quotaExceeded",
          EDGE,
          GATEWAY,
          call -> GatewayDialect.error(429, "Limit Exceeded", "LimitExceededException"));

  /**
   * The gateway's {@code INTEGRATION_TIMEOUT}: 504 {@code {"message":"Endpoint request timed out"}}
   * after 29 s. The API went on with the request, so a ticket created in that call exists: the
   * integration runs, its answer is dropped.
   */
  static final FaultPreset GATEWAY_TIMEOUT =
      new FaultPreset(
          "gatewayTimeout",
          AFTER_INTEGRATION,
          GATEWAY,
          call ->
              GatewayDialect.error(
                  504, "Endpoint request timed out", "InternalServerErrorException"));

  /**
   * The gateway's {@code INTEGRATION_FAILURE} / bad integration answer: 502 {@code
   * {"message":"Internal server error"}}. The API may have done its work before its answer broke,
   * so the integration runs.
   */
  static final FaultPreset BAD_GATEWAY =
      new FaultPreset(
          "badGateway",
          AFTER_INTEGRATION,
          GATEWAY,
          call ->
              GatewayDialect.error(502, "Internal server error", "InternalServerErrorException"));

  /**
   * The Cognito domain failing: 500 {@code {"error":"server_error"}} from the token endpoint,
   * before any client is checked. Cognito does not document its 5xx body; the OAuth code is the
   * nearest (an assumption in the contract).
   */
  static final FaultPreset COGNITO_UNAVAILABLE =
      new FaultPreset(
          "cognitoUnavailable",
          EDGE,
          Set.of(BtgVendor.CREATE_TOKEN),
          call -> CognitoDialect.error(500, "server_error"));

  static final List<FaultPreset> ALL =
      List.of(THROTTLED, QUOTA_EXCEEDED, GATEWAY_TIMEOUT, BAD_GATEWAY, COGNITO_UNAVAILABLE);
}
