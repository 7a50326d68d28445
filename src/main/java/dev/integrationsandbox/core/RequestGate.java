package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Limits;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import java.util.Optional;

/**
 * What the vendor's edge checks before any route: the request target and header block against the
 * vendor's limits (414, 431), {@code Expect} (100-continue is met, anything else is 417), a request
 * that carries both {@code Content-Length} and {@code Transfer-Encoding} (400 and the connection
 * closed, RFC 9112 §6.1, so that no smuggled request follows), {@code CONNECT}, and percent escapes
 * no decoder takes. Each refusal is answered in the dialect of the vendor that owns the path, or as
 * plain JSON when none does; Vert.x Web would otherwise answer some of them with an empty body or a
 * stack trace in the log.
 */
final class RequestGate implements Handler<HttpServerRequest> {

  private final Sandbox sandbox;
  private final Handler<HttpServerRequest> router;

  /**
   * @param router where a request that passes goes ({@link SandboxRoutes#entry})
   */
  RequestGate(Sandbox sandbox, Handler<HttpServerRequest> router) {
    this.sandbox = sandbox;
    this.router = router;
  }

  @Override
  public void handle(HttpServerRequest request) {
    Optional<MountedVendor> owner = SandboxRoutes.vendorOwning(sandbox, request.path());
    Limits limits = owner.map(v -> v.limits()).orElse(Limits.DEFAULT);
    Failure refused = refusal(request, limits);
    if (refused == null) {
      String expect = request.getHeader(HttpHeaders.EXPECT);
      if (expect != null && request.version() != HttpVersion.HTTP_1_0) {
        request.response().writeContinue();
      }
      router.handle(request);
      return;
    }
    request.response().putHeader(HttpHeaders.CONNECTION, "close");
    if (owner.isPresent()) {
      sandbox.pipeline().reject(request, owner.get(), refused);
    } else {
      plain(request, refused);
    }
  }

  private static Failure refusal(HttpServerRequest request, Limits limits) {
    if (request.method() == HttpMethod.CONNECT) {
      return Failure.protocol(405, "CONNECT is not served: this is not a proxy");
    }
    if (request.headers().contains(HttpHeaders.CONTENT_LENGTH)
        && request.headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
      return Failure.protocol(400, "both Content-Length and Transfer-Encoding (RFC 9112 §6.1)");
    }
    String uri = request.uri();
    if (uri.length() > limits.maxUriBytes()) {
      return Failure.protocol(
          414,
          "request target of " + uri.length() + " bytes; the limit is " + limits.maxUriBytes());
    }
    int[] bytes = {request.method().name().length() + uri.length() + 11};
    request.headers().forEach((name, value) -> bytes[0] += name.length() + value.length() + 4);
    int headerBytes = bytes[0];
    if (headerBytes > limits.maxHeaderBytes()) {
      return Failure.protocol(
          431,
          "request line and headers of "
              + headerBytes
              + " bytes; the limit is "
              + limits.maxHeaderBytes());
    }
    String expect = request.getHeader(HttpHeaders.EXPECT);
    if (expect != null && !expect.equalsIgnoreCase("100-continue")) {
      return Failure.protocol(417, "Expect: " + expect + " cannot be met");
    }
    if (PercentEscapes.malformed(uri)) {
      return Failure.badRequest("request cannot be decoded (malformed percent escape)");
    }
    return null;
  }

  /**
   * A request that is not well-formed HTTP (a bad chunk size, a request line or header block past
   * the outer limits): no route can be trusted, so it is answered with a one-field JSON body, and
   * the connection is closed as the stream cannot be read further.
   */
  static void invalid(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    int status =
        cause instanceof io.netty.handler.codec.http.TooLongHttpLineException
            ? 414
            : cause instanceof io.netty.handler.codec.http.TooLongHttpHeaderException ? 431 : 400;
    request.response().putHeader(HttpHeaders.CONNECTION, "close");
    plain(
        request,
        Failure.protocol(
            status,
            "malformed HTTP request: " + (cause == null ? "unreadable" : cause.getMessage())));
  }

  /** A refusal on a path that no vendor owns: the status and a one-field JSON body. */
  static void plain(HttpServerRequest request, Failure refused) {
    int status = refused.kind() == Failure.Kind.PROTOCOL ? refused.status() : 400;
    request
        .response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
        .end(new JsonObject().put("message", refused.getMessage()).encode());
  }
}
