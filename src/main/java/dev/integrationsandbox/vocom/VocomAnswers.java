package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.vocom.VocomFixtures.BreakType;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The success answer of each command in the vendor's exact shape: HTTP 200, {@code
 * {"response":{…}}}, the command's own keys in the reference implementation's order, and {@code
 * status} and {@code status_type} last. The error shapes are {@link VocomDialect}'s.
 */
final class VocomAnswers {

  private VocomAnswers() {}

  /** A command whose answer carries nothing but its status. */
  static Reply ok(VocomRequest in) {
    return respond(in.agentAndCommand(), "ok", "");
  }

  /**
   * The reference implementation's answer when {@code logout} names an agent that is not Available:
   * neither ok nor error, with status and status_type null.
   *
   * @param why the sandbox's explanation, for the journal only
   */
  static Reply undetermined(VocomRequest in, String why) {
    return respond(in.agentAndCommand(), null, null).withNote(why);
  }

  static Reply breakList(VocomRequest in, List<BreakType> breaks) {
    JsonArray result = new JsonArray();
    breaks.forEach(b -> result.add(b.toJson()));
    return respond(in.agentAndCommand().put("result", result), "ok", "");
  }

  static Reply callPlaced(VocomRequest in, String callId) {
    return respond(in.agentAndCommand().put("call_id", callId), "ok", "");
  }

  static Reply agentList(VocomRequest in, CallCenter.QueueAgents agents) {
    JsonObject result =
        new JsonObject()
            .put("logged_out_agents", agentsOrEmpty(agents.loggedOut()))
            .put("logged_in_agents", agentsOrEmpty(agents.loggedIn()));
    JsonObject response =
        new JsonObject()
            .put("queue", in.text("queue"))
            .put("command", in.command().command())
            .put("result", result);
    return respond(response, "ok", "");
  }

  /** A report: the records, newest first, and how many there are. */
  static Reply list(VocomRequest in, List<JsonObject> records) {
    JsonObject response =
        new JsonObject()
            .put("list", new JsonArray(List.copyOf(records)))
            .put("command", in.command().command())
            .put("count", records.size());
    return respond(response, "ok", "");
  }

  /** Closes a response with its status pair and wraps it as the vendor does, errors included. */
  static Reply respond(JsonObject response, String status, String statusType) {
    response.put("status", status).put("status_type", statusType);
    return Reply.json(200, new JsonObject().put("response", response));
  }

  /** The vendor sends "" rather than [] for an empty half of the queue. */
  private static Object agentsOrEmpty(List<CallCenter.AgentInfo> agents) {
    if (agents.isEmpty()) {
      return "";
    }
    JsonArray out = new JsonArray();
    agents.forEach(a -> out.add(a.toJson()));
    return out;
  }
}
