package dev.integrationsandbox.btg;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * How Cognito's token endpoint answers errors: HTTP 400 (even for a bad client secret) with {@code
 * {"error":"<code>"}} and no description, the OAuth2 codes {@code invalid_request}, {@code
 * invalid_client}, {@code unauthorized_client}, {@code unsupported_grant_type}, {@code
 * invalid_scope}.
 *
 * <p>The token path answers 405 with an empty body to a body that is not a form and to an {@code
 * Accept} without JSON, whatever else is wrong with the request: Cognito rejects those before it
 * reads the form. Another method gets 405 with {@code invalid_request} and {@code Allow: POST}
 * (undocumented; the sandbox's earlier choice, kept).
 */
final class CognitoDialect implements Dialect {

  static final String CONTENT_TYPE = "application/json;charset=UTF-8";

  @Override
  public Reply render(Failure f, Call call) {
    boolean tokenPath = "/oauth2/token".equals(trimmed(call.path()));
    if (tokenPath
        && (f.kind() == Failure.Kind.NO_ROUTE || f.kind() == Failure.Kind.METHOD_NOT_ALLOWED)) {
      return error(405, "invalid_request").header("Allow", "POST");
    }
    if (tokenPath
        && (f.kind() == Failure.Kind.UNSUPPORTED_MEDIA_TYPE
            || (BtgVendor.CREATE_TOKEN.equals(call.operationId())
                && CognitoTokenEndpoint.refusesMediaTypes(call)))) {
      return new Reply(
          405,
          CONTENT_TYPE,
          MultiMap.caseInsensitiveMultiMap(),
          null,
          Buffer.buffer(),
          null,
          List.of());
    }
    return switch (f.kind()) {
      case UNAUTHORIZED, EXPIRED -> error(400, code(f, "invalid_client"));
      case NO_ROUTE, METHOD_NOT_ALLOWED -> error(404, "invalid_request");
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
