package dev.integrationsandbox.core;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event loop's HTTP server. Several instances listen on the same port and Vert.x spreads
 * connections across them; they share the one {@link Sandbox}, whose state is thread-safe, and one
 * {@link ConnectionGuard}.
 *
 * <p>Netty's own limits on the request line and headers are set well above every vendor's, so that
 * the {@link RequestGate} sees an oversized request and refuses it in the vendor's dialect; only a
 * request past these outer limits gets Vert.x's bare answer. Cleartext HTTP/2 is off: the vendors
 * speak HTTP/1.1, and without the h2c probe the HTTP/1.x pipeline is in place before the first byte
 * is read, so that {@link StrictRequestDecoder} can take the decoder's place.
 */
final class HttpVerticle extends VerticleBase {

  static final int OUTER_LINE_LIMIT = 64 * 1024;
  static final int OUTER_HEADER_LIMIT = 64 * 1024;

  private final Sandbox sandbox;
  private final ConnectionGuard guard;
  private final String host;
  private final int port;
  private final AtomicInteger bound;

  HttpVerticle(Sandbox sandbox, ConnectionGuard guard, String host, int port, AtomicInteger bound) {
    this.sandbox = sandbox;
    this.guard = guard;
    this.host = host;
    this.port = port;
    this.bound = bound;
  }

  @Override
  public Future<?> start() {
    RequestGate gate = new RequestGate(sandbox, SandboxRoutes.entry(vertx, sandbox));
    HttpServerOptions options =
        new HttpServerOptions()
            .setHost(host)
            .setPort(port)
            .setMaxInitialLineLength(OUTER_LINE_LIMIT)
            .setMaxHeaderSize(OUTER_HEADER_LIMIT)
            .setHttp2ClearTextEnabled(false);
    if (sandbox.config().tlsCert() != null) {
      options
          .setSsl(true)
          .setKeyCertOptions(
              new PemKeyCertOptions()
                  .setCertPath(sandbox.config().tlsCert().toString())
                  .setKeyPath(sandbox.config().tlsKey().toString()));
    }
    return vertx
        .createHttpServer(options)
        .connectionHandler(
            connection -> {
              StrictRequestDecoder.install(connection, options);
              guard.onConnection().handle(connection);
            })
        .invalidRequestHandler(RequestGate::invalid)
        .requestHandler(
            request -> {
              guard.requestArrived(request.connection());
              request.response().endHandler(v -> guard.answered(request));
              gate.handle(request);
            })
        .listen()
        .onSuccess(server -> bound.set(server.actualPort()))
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e)));
  }
}
