package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * How Vocom says that something went wrong: HTTP 200, always, with {@code
 * {"response":{…,"status":"error","status_type":…}}} in the command's own error shape. The one
 * place errors are rendered: the emulator's own failures (thrown with their {@link StatusType}) and
 * those the pipeline finds (an unknown API key, a body over the limit, a body that breaks the
 * contract) look alike, as they do on the vendor's server.
 *
 * <p>What never reaches the vendor's code is Slim 3's: a path it has no route for (the vendor
 * registers each path with its trailing slash only) is Slim's default 404 page, and a method other
 * than POST its 405 page with {@code Allow: POST}, both {@code text/html}.
 */
final class VocomDialect implements Dialect {

  /** Slim 3's {@code Content-type} for its default error pages. */
  static final String TEXT_HTML = "text/html";

  @Override
  public Reply render(Failure f, Call call) {
    if (f.kind() == Failure.Kind.NO_ROUTE) {
      return slimNotFound(call).withNote(f.getMessage());
    }
    if (f.kind() == Failure.Kind.METHOD_NOT_ALLOWED) {
      return slimNotAllowed().withNote(f.getMessage());
    }
    if (f.kind() == Failure.Kind.PROTOCOL) {
      return webServerError(f.status()).withNote(f.getMessage());
    }
    Optional<VocomRequest> request = VocomRequest.of(call);
    Optional<StatusType> type = StatusType.of(f);
    if (request.isEmpty() || type.isEmpty()) {
      return slimNotFound(call).withNote(f.getMessage());
    }
    return VocomAnswers.respond(errorShape(request.get()), "error", type.get().wire())
        .withNote(f.kind() + ": " + f.getMessage());
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

  /** Slim 3's {@code NotFound} handler, HTML flavour: its home link is the request's origin. */
  static Reply slimNotFound(Call call) {
    String host = call == null ? null : call.header("Host");
    String home = host == null ? "" : "http://" + host;
    String page =
        """
        <html>
            <head>
                <title>Page Not Found</title>
                <style>
                    body{
                        margin:0;
                        padding:30px;
                        font:12px/1.5 Helvetica,Arial,Verdana,sans-serif;
                    }
                    h1{
                        margin:0;
                        font-size:48px;
                        font-weight:normal;
                        line-height:48px;
                    }
                    strong{
                        display:inline-block;
                        width:65px;
                    }
                </style>
            </head>
            <body>
                <h1>Page Not Found</h1>
                <p>
                    The page you are looking for could not be found. Check the address bar
                    to ensure your URL is spelled correctly. If all else fails, you can
                    visit our home page at the link below.
                </p>
                <a href='%s'>Visit the Home Page</a>
            </body>
        </html>"""
            .formatted(home);
    return html(404, page);
  }

  /** Slim 3's {@code NotAllowed} handler, HTML flavour; every Vocom route is POST only. */
  static Reply slimNotAllowed() {
    String page =
        """
        <html>
            <head>
                <title>Method not allowed</title>
                <style>
                    body{
                        margin:0;
                        padding:30px;
                        font:12px/1.5 Helvetica,Arial,Verdana,sans-serif;
                    }
                    h1{
                        margin:0;
                        font-size:48px;
                        font-weight:normal;
                        line-height:48px;
                    }
                </style>
            </head>
            <body>
                <h1>Method not allowed</h1>
                <p>Method not allowed. Must be one of: <strong>POST</strong></p>
            </body>
        </html>""";
    return html(405, page).header("Allow", "POST");
  }

  /**
   * An HTTP-level refusal (a target or header block over the limit, an {@code Expect} it cannot
   * meet, a smuggling-shaped request, no room for another world) never reaches Slim: the web server
   * in front of it answers with its own error page and the status. The page is Apache httpd's
   * default shape, an assumption the contract marks: the vendor's documents do not name its server.
   */
  static Reply webServerError(int status) {
    String reason = HttpResponseStatus.valueOf(status).reasonPhrase();
    String page =
        """
        <!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">
        <html><head>
        <title>%d %s</title>
        </head><body>
        <h1>%s</h1>
        <p>The server could not handle this request.</p>
        </body></html>
        """
            .formatted(status, reason, reason);
    return html(status, page);
  }

  private static Reply html(int status, String page) {
    return new Reply(
        status,
        TEXT_HTML,
        MultiMap.caseInsensitiveMultiMap(),
        null,
        Buffer.buffer(page),
        null,
        List.of());
  }
}
