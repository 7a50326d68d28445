package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reasons;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;

/**
 * How BTG's API answers errors: an AWS API Gateway in front of the agreements API, so {@code
 * {"message": …}} bodies with the gateway's fixed texts for authentication and routing, and the
 * {@code x-amzn-ErrorType} header that AWS SDK-style clients read.
 */
final class GatewayDialect implements Dialect {

  static final String UNAUTHORIZED = "Unauthorized";
  static final String EXPIRED = "The incoming token has expired";
  static final String MISSING_TOKEN = "Missing Authentication Token";

  /**
   * What API Gateway says to a request for an unknown resource or method that carries an {@code
   * Authorization} header: it takes the header for an incomplete SigV4 signature, and ends with the
   * header as received.
   */
  static final String INCOMPLETE_SIGNATURE =
      "Authorization header requires 'Credential' parameter."
          + " Authorization header requires 'Signature' parameter."
          + " Authorization header requires 'SignedHeaders' parameter.";

  static final String NO_DATE =
      " Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";

  @Override
  public Reply render(Failure f, Call call) {
    return switch (f.kind()) {
      case BAD_REQUEST -> error(400, f.getMessage(), "BadRequestException");
      case UNAUTHORIZED -> error(401, UNAUTHORIZED, "UnauthorizedException");
      case EXPIRED -> error(401, EXPIRED, "UnauthorizedException");
      case FORBIDDEN ->
          error(403, "User is not authorized to access this resource", "AccessDeniedException");
      case NOT_FOUND -> error(404, f.getMessage(), "NotFoundException");
      case NO_ROUTE, METHOD_NOT_ALLOWED -> noRoute(call);
      case UNPROCESSABLE -> error(422, f.getMessage(), "UnprocessableEntityException");
      case TOO_LARGE -> error(413, "Request Too Long", "RequestTooLargeException");
      case UNSUPPORTED_MEDIA_TYPE ->
          error(415, "Unsupported Media Type", "UnsupportedMediaTypeException");
      case PROTOCOL -> error(f.status(), Reasons.phrase(f.status()), "BadRequestException");
      case INTERNAL -> error(500, "Internal server error", "InternalServerErrorException");
    };
  }

  /**
   * API Gateway answers an unknown resource or method with 403, never 404 or 405, and words it by
   * whether an {@code Authorization} header came (VENDOR-FACTS §1d).
   */
  private static Reply noRoute(Call call) {
    String authorization = call == null ? null : call.header("Authorization");
    if (authorization == null) {
      return error(403, MISSING_TOKEN, "MissingAuthenticationTokenException");
    }
    boolean dated = call.header("X-Amz-Date") != null || call.header("Date") != null;
    return error(
        403,
        INCOMPLETE_SIGNATURE + (dated ? "" : NO_DATE) + " Authorization=" + authorization,
        "IncompleteSignatureException");
  }

  static Reply error(int status, String message, String type) {
    return Reply.json(status, new JsonObject().put("message", message))
        .header("x-amzn-ErrorType", type);
  }
}
