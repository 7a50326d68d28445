package dev.integrationsandbox.postcenter;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reasons;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;

/**
 * How PostCenter says that something went wrong: the HTTP status repeated in the body, {@code
 * {"status":404,"message":"Non-existent status"}}, as its documentation shows. A refused state
 * change (closing a closed ticket) is a 400; a 401 carries {@code WWW-Authenticate: Key}, the
 * scheme the API expects.
 */
final class PostCenterDialect implements Dialect {

  @Override
  public Reply render(Failure f, Call call) {
    return switch (f.kind()) {
      case BAD_REQUEST, UNPROCESSABLE -> error(400, f.getMessage());
      case UNAUTHORIZED, EXPIRED -> error(401, f.getMessage()).header("WWW-Authenticate", "Key");
      case FORBIDDEN -> error(403, "You do not have permission to perform this action.");
      case NOT_FOUND -> error(404, f.getMessage());
      case NO_ROUTE -> error(404, "Not found.");
      case METHOD_NOT_ALLOWED -> error(405, "Method \"" + call.method() + "\" not allowed.");
      case TOO_LARGE -> error(413, "Request body too large.");
      case UNSUPPORTED_MEDIA_TYPE -> error(415, "Unsupported media type in request.");
      case PROTOCOL -> error(f.status(), Reasons.phrase(f.status()));
      case INTERNAL -> error(500, "Internal server error");
    };
  }

  private static Reply error(int status, String message) {
    return Reply.json(status, new JsonObject().put("status", status).put("message", message));
  }
}
