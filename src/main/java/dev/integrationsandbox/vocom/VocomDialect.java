package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * How Vocom says that something went wrong: HTTP 200, always, with {@code
 * {"response":{…,"status":"error","status_type":…}}} in the command's own error shape. The one
 * place errors are rendered: the emulator's own failures (thrown with their {@link StatusType}) and
 * those the pipeline finds (an unknown API key, a body over the limit, a body that breaks the
 * contract) look alike, as they do on the vendor's server.
 */
final class VocomDialect implements Dialect {

  @Override
  public Reply render(Failure f, Call call) {
    Optional<VocomRequest> request = VocomRequest.of(call);
    Optional<StatusType> type = StatusType.of(f);
    if (request.isEmpty() || type.isEmpty()) {
      return noCommand(f);
    }
    return VocomAnswers.respond(errorShape(request.get()), "error", type.get().wire());
  }

  /** Each command's own keys beside the status pair, as the reference implementation sends. */
  private static JsonObject errorShape(VocomRequest in) {
    String command = in.command().command();
    return switch (in.command()) {
      case GET_AGENT_LIST -> new JsonObject().put("agent", null).put("command", command);
      case TABS_LIST_ALL, DIALER_LIST_ALL ->
          new JsonObject().put("list", "").put("command", command);
      case GET_BREAK_LIST -> in.agentAndCommand().put("result", "");
      case CALL_SERVICES -> in.agentAndCommand().put("call_id", "");
      default -> in.agentAndCommand();
    };
  }

  /** A path the server has no command for. */
  private static Reply noCommand(Failure f) {
    JsonObject response =
        new JsonObject()
            .put("command", null)
            .put("status", "error")
            .put("status_type", StatusType.NOT_FOUND_FAILED.wire());
    return Reply.json(404, new JsonObject().put("response", response)).withNote(f.getMessage());
  }
}
