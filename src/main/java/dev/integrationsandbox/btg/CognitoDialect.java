package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;

/**
 * How Cognito's token endpoint answers errors: HTTP 400 (even for a bad client secret) with {@code
 * {"error":"<code>"}} and no description, the OAuth2 codes {@code invalid_request}, {@code
 * invalid_client}, {@code unauthorized_client}, {@code unsupported_grant_type}, {@code
 * invalid_scope}.
 */
final class CognitoDialect implements Dialect {

  static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  @Override
  public Reply render(Failure f, Call call) {
    return switch (f.kind()) {
      case UNAUTHORIZED, EXPIRED -> error(400, code(f, "invalid_client"));
      case NO_ROUTE, METHOD_NOT_ALLOWED ->
          error("/oauth2/token".equals(trimmed(call.path())) ? 405 : 404, "invalid_request");
      case TOO_LARGE -> error(413, "invalid_request");
      case INTERNAL -> error(500, "server_error");
      default -> error(400, code(f, "invalid_request"));
    };
  }

  private static String code(Failure f, String fallback) {
    return f.code() != null ? f.code() : fallback;
  }

  private static String trimmed(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  static Reply error(int status, String code) {
    return Reply.json(status, new JsonObject().put("error", code)).withContentType(CONTENT_TYPE);
  }
}
