package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.vocom.VocomFixtures.BreakType;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
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

  private static final String OK = "ok";

  /** A command whose answer carries nothing but its status. */
  static Reply ok(VocomRequest in) {
    return respond(in.agentAndCommand(), OK, "");
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

  /** The break list, or {@code "result":null} for an unknown agent, as the reference server. */
  static Reply breakList(VocomRequest in, List<BreakType> breaks) {
    JsonArray result = null;
    if (breaks != null) {
      result = new JsonArray();
      for (BreakType b : breaks) {
        result.add(b.toJson());
      }
    }
    return respond(in.agentAndCommand().put("result", result), OK, "");
  }

  static Reply callPlaced(VocomRequest in, String callId) {
    return respond(in.agentAndCommand().put("call_id", callId), OK, "");
  }

  static Reply agentList(VocomRequest in, CallCenter.QueueAgents agents) {
    JsonObject result =
        new JsonObject()
            .put("logged_out_agents", agentsOrEmpty(agents.loggedOut(), true))
            .put("logged_in_agents", agentsOrEmpty(agents.loggedIn(), false));
    JsonObject response =
        new JsonObject()
            .put("queue", in.echo("queue"))
            .put("command", in.command().command())
            .put("result", result);
    return respond(response, OK, "");
  }

  /**
   * A report: the records, newest first, and for the dialer how many there are. The tabs report
   * carries no {@code count}, as the vendor's example prints it.
   */
  static Reply list(VocomRequest in, Reports.Page page) {
    VocomCommand command = in.command();
    return Reply.encoded(200, page.rendered(p -> listBody(command, p))).asSuccess();
  }

  private static Buffer listBody(VocomCommand command, Reports.Page page) {
    String count = command == VocomCommand.DIALER_LIST_ALL ? ",\"count\":" + page.count() : "";
    return Buffer.buffer(page.count() * 180 + 128)
        .appendString("{\"response\":{\"list\":")
        .appendBuffer(page.json())
        .appendString(",\"command\":")
        .appendString(Json.encode(command.command()))
        .appendString(count + ",\"status\":\"ok\",\"status_type\":\"\"}}");
  }

  /** Closes a response with its status pair and wraps it as the vendor does, errors included. */
  static Reply respond(JsonObject response, String status, String statusType) {
    response.put("status", status).put("status_type", statusType);
    Reply reply = Reply.json(200, new JsonObject().put("response", response));
    return OK.equals(status) ? reply.asSuccess() : reply;
  }

  /**
   * The vendor sends "" rather than [] for an empty half of the queue; logged-out entries have
   * their own field set.
   */
  private static Object agentsOrEmpty(List<CallCenter.AgentInfo> agents, boolean loggedOut) {
    if (agents.isEmpty()) {
      return "";
    }
    JsonArray out = new JsonArray();
    agents.forEach(a -> out.add(loggedOut ? a.toLoggedOutJson() : a.toJson()));
    return out;
  }
}
