package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reasons;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How HubSoft's API answers errors: its own envelope with HTTP 200 for what it checks itself
 * ({@code {"status":"error","msg":…,"errors":[…]}}, one Portuguese message per field), Laravel's
 * {@code {"message":…}} with a real status for what the framework refuses (a missing token is
 * {@code 401 {"message":"Unauthenticated."}}).
 */
final class LaravelDialect implements Dialect {

  static final String UNAUTHENTICATED = "Unauthenticated.";

  @Override
  public Reply render(Failure f, Call call) {
    return switch (f.kind()) {
      case BAD_REQUEST -> invalid(f, call);
      case NOT_FOUND ->
          Reply.json(200, new JsonObject().put("status", "error").put("msg", f.getMessage()));
      case UNPROCESSABLE -> envelope(f.getMessage(), List.of());
      default -> laravel(f, call);
    };
  }

  /** Laravel's own answers, for failures HubSoft's code never sees. */
  static Reply laravel(Failure f, Call call) {
    return switch (f.kind()) {
      case UNAUTHORIZED, EXPIRED -> message(401, UNAUTHENTICATED);
      case FORBIDDEN -> message(403, "This action is unauthorized.");
      case NO_ROUTE, NOT_FOUND -> message(404, "Not Found");
      case METHOD_NOT_ALLOWED ->
          message(405, "The " + call.method().name() + " method is not supported for this route.");
      case TOO_LARGE -> message(413, "Payload Too Large");
      case UNSUPPORTED_MEDIA_TYPE -> message(415, "Unsupported Media Type");
      case BAD_REQUEST, UNPROCESSABLE -> message(400, "Bad Request");
      case PROTOCOL -> message(f.status(), Reasons.phrase(f.status()));
      case INTERNAL -> message(500, "Server Error");
    };
  }

  private static Reply invalid(Failure f, Call call) {
    List<String> errors = call.operationId() == null ? List.of() : Inputs.errors(call);
    if (errors.isEmpty()) {
      Set<String> generic = new LinkedHashSet<>();
      for (Violation v : f.violations()) {
        String field = field(v.location());
        generic.add(
            field == null
                ? "O corpo da requisição é inválido."
                : "O campo " + field + " é inválido.");
      }
      errors =
          generic.isEmpty() ? List.of("O corpo da requisição é inválido.") : List.copyOf(generic);
    }
    return envelope(Rules.INVALID_MSG, errors);
  }

  /**
   * The field a violation is about: {@code body/nome} → nome, {@code query limit} → limit, {@code
   * body/parametros_ordem_servico/status} → parametros_ordem_servico.status; null for the whole
   * body.
   */
  static String field(String location) {
    if (location == null) {
      return null;
    }
    if (location.startsWith("body/")) {
      return location.substring(5).replace('/', '.');
    }
    int space = location.indexOf(' ');
    return space > 0 && !location.startsWith("body") ? location.substring(space + 1) : null;
  }

  static Reply envelope(String msg, List<String> errors) {
    return Reply.json(
        200,
        new JsonObject()
            .put("status", "error")
            .put("msg", msg)
            .put("errors", new JsonArray(errors)));
  }

  private static Reply message(int status, String message) {
    return Reply.json(status, new JsonObject().put("message", message));
  }
}
