package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Call;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * A request to one Vocom command, its body read as the vendor's PHP server reads it: any scalar as
 * text, objects, arrays and absent keys as null; echoes keep the value as sent. The emulator takes
 * its parameters from here and the dialect its echoes, so that an answer and an error of one
 * request echo the same {@code agent}.
 *
 * @param body the JSON object sent, or an empty one when the body was absent or not an object
 */
record VocomRequest(VocomCommand command, JsonObject body) {

  /** The request, or empty when the call was routed to no Vocom command. */
  static Optional<VocomRequest> of(Call call) {
    if (call.operationId() == null) {
      return Optional.empty();
    }
    Object json = call.body().jsonOrNull();
    JsonObject body = json instanceof JsonObject o ? o : new JsonObject();
    return VocomCommand.byOperationId(call.operationId()).map(c -> new VocomRequest(c, body));
  }

  /** A body value as text, or null when absent, null, an object or an array. */
  String text(String key) {
    Object v = body.getValue(key);
    return v == null || v instanceof JsonObject || v instanceof JsonArray ? null : v.toString();
  }

  /** The {@code agent} as text, to look the agent up. */
  String agent() {
    return text("agent");
  }

  /**
   * A body value exactly as sent, for echoes: the reference server puts the decoded value back, so
   * a number comes back as a number and null as null.
   */
  Object echo(String key) {
    return body.getValue(key);
  }

  /** The two keys most answers start with: the echoed agent and the command. */
  JsonObject agentAndCommand() {
    return new JsonObject().put("agent", echo("agent")).put("command", command.command());
  }
}
