package dev.integrationsandbox.proxy;

import dev.integrationsandbox.config.ProxySettings;
import dev.integrationsandbox.config.UpstreamCredentials;
import dev.integrationsandbox.core.ModeHandler;
import dev.integrationsandbox.spi.BodyStream;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.spi.Upstream;
import dev.integrationsandbox.spi.UpstreamAuth;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import io.vertx.core.streams.ReadStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

/**
 * Proxy mode: each request goes to the vendor's real host, on one pooled keep-alive client per
 * upstream host, and its answer comes back as it was sent (status, headers, compressed bytes),
 * streamed: the client reads the first bytes while the upstream writes the rest. The pipeline
 * around it validates both directions and tells the recorder; this class only forwards.
 *
 * <p>An upstream that cannot be reached is a 502 and one that does not answer within {@code
 * --upstream-timeout} a 504, each a JSON body naming the upstream and the cause: those answers are
 * the sandbox's own, never held to the vendor's contract.
 *
 * <pre>
 * java -jar integration-sandbox.jar --mode btg=proxy --upstream btg=uat --record-dir rec
 * </pre>
 */
public final class ProxyMode implements ModeHandler<Void> {

  /** Connections kept to one upstream host, across every event loop. */
  static final int POOL_SIZE = 64;

  private final Upstream upstream;
  private final Map<URI, HttpClientAgent> clients;
  private final long responseTimeoutMillis;
  private final boolean strict;
  private final UpstreamAuth auth;
  private final HeldToken held;

  private ProxyMode(
      Upstream upstream,
      Map<URI, HttpClientAgent> clients,
      long responseTimeoutMillis,
      boolean strict,
      UpstreamAuth auth,
      HeldToken held) {
    this.upstream = upstream;
    this.clients = clients;
    this.responseTimeoutMillis = responseTimeoutMillis;
    this.strict = strict;
    this.auth = auth;
    this.held = held;
  }

  /**
   * Opens no connection yet: the pools connect on the first request. Vendors that share a host (a
   * test upstream serving all four) share its pool through {@code pools}. Blocking (reads the PEM).
   */
  public static ProxyMode create(
      Vertx vertx,
      Upstream upstream,
      ProxySettings settings,
      ConcurrentHashMap<URI, HttpClientAgent> pools,
      UpstreamAuth auth,
      UpstreamCredentials credentials)
      throws Exception {
    TrustOptions trust = UpstreamTrust.of(vertx, settings.trust());
    List<URI> hosts = new ArrayList<>();
    hosts.add(upstream.base());
    hosts.addAll(upstream.byPathPrefix().values());
    Map<URI, HttpClientAgent> clients = new LinkedHashMap<>();
    for (URI host : hosts) {
      clients.put(
          host,
          pools.computeIfAbsent(
              host,
              h ->
                  vertx.createHttpClient(
                      options(h, trust, settings), new PoolOptions().setHttp1MaxSize(POOL_SIZE))));
    }
    HeldToken held =
        auth == null || credentials == null
            ? null
            : new HeldToken(
                vertx,
                upstream.hostFor(auth.tokenPath()),
                auth,
                credentials,
                options(upstream.hostFor(auth.tokenPath()), trust, settings));
    return new ProxyMode(
        upstream, clients, settings.responseTimeout().toMillis(), settings.strict(), auth, held);
  }

  private static HttpClientOptions options(URI host, TrustOptions trust, ProxySettings settings) {
    HttpClientOptions options =
        new HttpClientOptions()
            .setKeepAlive(true)
            .setDecompressionSupported(false)
            .setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
    URI proxy = settings.corporateProxy().forUpstream(host);
    if (proxy != null) {
      ProxyOptions via =
          new ProxyOptions()
              .setType(ProxyType.HTTP)
              .setHost(proxy.getHost())
              .setPort(proxy.getPort() > 0 ? proxy.getPort() : 3128);
      if (proxy.getUserInfo() != null) {
        int colon = proxy.getUserInfo().indexOf(':');
        via.setUsername(colon < 0 ? proxy.getUserInfo() : proxy.getUserInfo().substring(0, colon));
        via.setPassword(colon < 0 ? "" : proxy.getUserInfo().substring(colon + 1));
      }
      options.setProxyOptions(via);
    }
    if ("https".equalsIgnoreCase(host.getScheme())) {
      options.setSsl(true).setVerifyHost(true);
      if (trust != null) {
        options.setTrustOptions(trust);
      }
    }
    return options;
  }

  @Override
  public boolean refusesInvalidRequests() {
    return strict;
  }

  /**
   * Without {@code --strict} nothing waits on the body, so it goes on as it arrives; held
   * credentials answer token requests locally, so those bodies are read whole.
   */
  @Override
  public boolean streamsRequests() {
    return !strict && held == null;
  }

  @Override
  public Future<Reply> answer(Call call, Void principal, BodyStream body) {
    return forward(call, HopByHop.endToEnd(call.headers(), true), body);
  }

  /**
   * Names the sandbox's own answers in proxy mode (a 502, a 504, a token from held credentials), so
   * that neither the client nor the pipeline mistakes them for the vendor's.
   */
  public static final String ANSWERED_BY_HEADER = "X-Sandbox-Proxy";

  @Override
  public Handling handling(Reply reply) {
    return reply.headers().contains(ANSWERED_BY_HEADER) ? Handling.GATEWAY : Handling.FORWARDED;
  }

  /**
   * With credentials held by the sandbox, a client's token request is answered with the sandbox's
   * own upstream token, and every other request carries that token instead of the client's.
   */
  @Override
  public Future<Reply> answer(Call call, Void principal) {
    if (held == null) {
      return forward(call, HopByHop.endToEnd(call.headers(), true), null);
    }
    URI tokenHost = upstream.hostFor(auth.tokenPath());
    if (call.path().equals(auth.tokenPath())) {
      return held.tokenAnswer()
          .map(
              token ->
                  Reply.json(200, token)
                      .header(ANSWERED_BY_HEADER, "held-token")
                      .withNote(HELD_TOKEN_NOTE))
          .recover(e -> Future.succeededFuture(gatewayError(tokenHost, e)));
    }
    return held.accessToken()
        .recover(e -> Future.failedFuture(new Unreachable(e)))
        .compose(
            token -> {
              MultiMap headers = HopByHop.endToEnd(call.headers(), true);
              headers.set("Authorization", "Bearer " + token);
              return forward(call, headers, null);
            })
        .recover(e -> Future.succeededFuture(gatewayError(tokenHost, e)));
  }

  /** The journal's word on a token answered from the credentials the sandbox holds. */
  static final String HELD_TOKEN_NOTE = "token from the upstream credentials the sandbox holds";

  /** Forwards {@code call}, with {@code body} streaming its body or, when null, its read body. */
  private Future<Reply> forward(Call call, MultiMap headers, BodyStream body) {
    URI host = upstream.hostFor(call.path());
    RequestOptions options =
        new RequestOptions()
            .setMethod(call.method())
            .setAbsoluteURI(
                host + call.path() + (call.rawQuery() == null ? "" : "?" + call.rawQuery()))
            .setHeaders(headers);
    return clients
        .get(host)
        .request(options)
        .recover(e -> Future.failedFuture(new Unreachable(e)))
        .compose(
            request -> {
              request.idleTimeout(responseTimeoutMillis);
              return body == null ? request.send(call.body().raw()) : send(request, call, body);
            })
        .map(ProxyMode::streamed)
        .recover(e -> Future.succeededFuture(gatewayError(host, e)));
  }

  /**
   * Writes the body to the upstream as it arrives, at the pace the upstream reads it. A body that
   * fails midway (past the limit, the client gone) resets the upstream request, so the upstream
   * never takes a cut body for a whole one. The reset's cause reaches the pipeline through the
   * response future; Vert.x would also log it at ERROR without a handler of the request's own.
   */
  private static Future<HttpClientResponse> send(
      HttpClientRequest request, Call call, BodyStream body) {
    if (body.declaredLength() < 0) {
      request.setChunked(true);
    } else if (body.declaredLength() > 0 || call.headers().contains("Content-Length")) {
      request.putHeader("Content-Length", Long.toString(body.declaredLength()));
    }
    ReadStream<Buffer> chunks = body.chunks();
    request.exceptionHandler(ignored -> {});
    chunks.exceptionHandler(e -> request.reset(0, e));
    chunks.handler(
        chunk -> {
          request.write(chunk);
          if (request.writeQueueFull()) {
            chunks.pause();
            request.drainHandler(v -> chunks.resume());
          }
        });
    chunks.endHandler(v -> request.end());
    chunks.resume();
    return request.response();
  }

  /**
   * The upstream's answer as soon as its head is here, its body streamed on to the client by the
   * pipeline: paused until then, so that no chunk arrives before there is somewhere to send it.
   */
  private static Reply streamed(HttpClientResponse response) {
    response.pause();
    return Reply.streamed(
        response.statusCode(),
        response.getHeader("Content-Type"),
        HopByHop.endToEnd(response.headers(), false),
        new UpstreamBody(response));
  }

  private Reply gatewayError(URI host, Throwable e) {
    boolean connecting = e instanceof Unreachable;
    Throwable cause = connecting ? e.getCause() : e;
    int status;
    String error;
    if (cause instanceof TimeoutException && !connecting) {
      status = 504;
      error = "upstream_timeout";
    } else {
      status = 502;
      error = "upstream_unreachable";
    }
    String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    JsonObject body =
        new JsonObject()
            .put("error", error)
            .put("upstream", host.toString())
            .put("cause", why)
            .put("sandbox", "integration-sandbox proxy");
    return Reply.json(status, body)
        .header(ANSWERED_BY_HEADER, error)
        .withNote(error + " " + host + ": " + why);
  }

  /** Closes this vendor's pools; closing a pool shared with another vendor twice is harmless. */
  @Override
  public Future<Void> close() {
    return Future.all(clients.values().stream().map(HttpClientAgent::close).toList()).mapEmpty();
  }

  /** Connecting failed (refused, unknown host, TLS, connect timeout): a 502, never a 504. */
  private static final class Unreachable extends RuntimeException {
    Unreachable(Throwable cause) {
      super(cause.getMessage(), cause, false, false);
    }
  }
}
