package dev.integrationsandbox.core;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event loop's HTTP server. Several instances listen on the same port and Vert.x spreads
 * connections across them; they share the one {@link Sandbox}, whose state is thread-safe.
 */
final class HttpVerticle extends VerticleBase {

  private final Sandbox sandbox;
  private final String host;
  private final int port;
  private final AtomicInteger bound;

  HttpVerticle(Sandbox sandbox, String host, int port, AtomicInteger bound) {
    this.sandbox = sandbox;
    this.host = host;
    this.port = port;
    this.bound = bound;
  }

  /**
   * Answers requests whose path has a malformed percent escape before the router sees them: Vert.x
   * Web fails those while building its routing context, outside any vendor's dialect.
   */
  private Handler<HttpServerRequest> guardPaths(Router router) {
    return request -> {
      if (PercentEscapes.malformed(request.uri())) {
        var owner = SandboxRoutes.vendorOwning(sandbox, request.path());
        if (owner.isPresent()) {
          sandbox.pipeline().rejectUndecodable(request, owner.get());
          return;
        }
      }
      router.handle(request);
    };
  }

  @Override
  public Future<?> start() {
    return vertx
        .createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
        .requestHandler(guardPaths(SandboxRoutes.router(vertx, sandbox)))
        .listen()
        .onSuccess(server -> bound.set(server.actualPort()))
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e)));
  }
}
