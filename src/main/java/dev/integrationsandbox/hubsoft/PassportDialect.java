package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;

/**
 * How HubSoft's OAuth server (Laravel Passport on league/oauth2-server 7.x) answers errors: {@code
 * {"error", "error_description", "hint"?, "message"}} with 400 or 401, the texts of league's
 * OAuthServerException. A failure's message carries the hint, when the error has one.
 */
final class PassportDialect implements Dialect {

  static final String INVALID_REQUEST = "invalid_request";
  static final String INVALID_CLIENT = "invalid_client";
  static final String INVALID_CREDENTIALS = "invalid_credentials";
  static final String UNSUPPORTED_GRANT_TYPE = "unsupported_grant_type";

  /** The message of an invalid_client failure whose request sent an Authorization header. */
  static final String WITH_CHALLENGE = "challenge";

  static final String MALFORMED =
      "The request is missing a required parameter, includes an invalid parameter value, includes"
          + " a parameter more than once, or is otherwise malformed.";

  @Override
  public Reply render(Failure f, Call call) {
    return switch (f.kind()) {
      case UNAUTHORIZED, EXPIRED -> unauthorized(f);
      case BAD_REQUEST -> badRequest(f);
      case NO_ROUTE,
              NOT_FOUND,
              METHOD_NOT_ALLOWED,
              TOO_LARGE,
              INTERNAL,
              FORBIDDEN,
              UNPROCESSABLE,
              UNSUPPORTED_MEDIA_TYPE,
              PROTOCOL ->
          LaravelDialect.laravel(f, call);
    };
  }

  private static Reply unauthorized(Failure f) {
    String code = f.code() == null ? INVALID_CLIENT : f.code();
    return switch (code) {
      case INVALID_CREDENTIALS -> error(401, code, "The user credentials were incorrect.", null);
      case INVALID_REQUEST -> error(401, code, "The refresh token is invalid.", f.getMessage());
      default -> {
        Reply reply = error(401, INVALID_CLIENT, "Client authentication failed", null);
        yield WITH_CHALLENGE.equals(f.getMessage())
            ? reply.header("WWW-Authenticate", "Basic realm=\"OAuth\"")
            : reply;
      }
    };
  }

  private static Reply badRequest(Failure f) {
    if (UNSUPPORTED_GRANT_TYPE.equals(f.code())) {
      return error(
          400,
          UNSUPPORTED_GRANT_TYPE,
          "The authorization grant type is not supported by the authorization server.",
          f.getMessage());
    }
    if (INVALID_REQUEST.equals(f.code())) {
      return error(400, INVALID_REQUEST, MALFORMED, f.getMessage());
    }
    String field =
        f.violations().isEmpty() ? null : LaravelDialect.field(f.violations().get(0).location());
    return error(
        400,
        INVALID_REQUEST,
        MALFORMED,
        field == null ? null : "Check the `" + field + "` parameter");
  }

  static Reply error(int status, String code, String description, String hint) {
    JsonObject body = new JsonObject().put("error", code).put("error_description", description);
    if (hint != null) {
      body.put("hint", hint);
    }
    return Reply.json(status, body.put("message", description));
  }
}
