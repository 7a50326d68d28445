package sandbox.http;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One event loop's HTTP server. Several instances listen on the same port and Vert.x spreads
 * connections across them; they share the one {@link Sandbox}, whose state is thread-safe.
 */
final class HttpVerticle extends VerticleBase {

  private final Sandbox sandbox;
  private final String host;
  private final int port;
  private HttpServer server;

  HttpVerticle(Sandbox sandbox, String host, int port) {
    this.sandbox = sandbox;
    this.host = host;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(SandboxRoutes.router(vertx, sandbox))
        .listen()
        .onSuccess(s -> server = s);
  }

  int actualPort() {
    return server.actualPort();
  }
}
