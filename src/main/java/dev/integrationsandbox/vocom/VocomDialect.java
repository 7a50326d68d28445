package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;

/**
 * How Vocom says that something went wrong: HTTP 200, always, with {@code
 * {"response":{…,"status":"error","status_type":…}}} in the command's own error shape. Failures
 * found by the pipeline (a body over the limit, a body that breaks the contract, a missing API key)
 * are rendered here in the same shapes as the emulator's own.
 */
final class VocomDialect implements Dialect {

  @Override
  public Reply render(Failure f, Call call) {
    StatusType type =
        switch (f.kind()) {
          case UNAUTHORIZED, EXPIRED, FORBIDDEN -> StatusType.AUTHENTICATION_FAILED;
          case NOT_FOUND -> StatusType.NOT_FOUND_FAILED;
          case BAD_REQUEST, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> StatusType.PARAMS_FAILED;
          case UNPROCESSABLE, INTERNAL -> StatusType.EXECUTE_FAILED;
          case NO_ROUTE, METHOD_NOT_ALLOWED -> null;
        };
    VocomCommand command =
        call.operationId() == null
            ? null
            : VocomCommand.byOperationId(call.operationId()).orElse(null);
    if (type == null || command == null) {
      return Reply.json(
              404,
              new JsonObject()
                  .put(
                      "response",
                      new JsonObject()
                          .put("command", null)
                          .put("status", "error")
                          .put("status_type", StatusType.NOT_FOUND_FAILED.wire())))
          .withNote(f.getMessage());
    }
    Object body = call.body().jsonOrNull();
    VocomReply reply =
        VocomEmulator.error(command, body instanceof JsonObject o ? o : null, type, f.getMessage());
    return Reply.json(200, reply.body());
  }
}
