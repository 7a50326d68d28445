package dev.integrationsandbox.core;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.Exchange.Captured;
import dev.integrationsandbox.exchange.ExchangeListener;
import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.Ids;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every request goes through, whatever the vendor and the mode, in DESIGN.md's order:
 *
 * <pre>
 * route → authenticate (where the mode plays the vendor) → validate request → mode handler
 *   → decorate → validate response → send → listeners (journal, metrics, request log, …)
 * </pre>
 *
 * A failure at any step is a {@link Failure}, rendered by the vendor's dialect and sent through the
 * same last steps, so that every answer is decorated, checked, sent and told to the listeners
 * exactly once.
 */
public final class Pipeline {

  /** Names the exchange in the journal: {@code GET /__sandbox/journal/{id}}. */
  public static final String EXCHANGE_ID_HEADER = "X-Sandbox-Exchange-Id";

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** Selects a world for a request to a vendor's own path: {@code X-Sandbox-World: a}. */
  public static final String WORLD_HEADER = "X-Sandbox-World";

  private final Worlds worlds;
  private final ResponseChecks responseChecks;
  private final List<ExchangeListener> listeners;
  private final int capturedBodyBytes;

  Pipeline(
      Worlds worlds,
      ResponseChecks responseChecks,
      List<ExchangeListener> listeners,
      int capturedBodyBytes) {
    this.worlds = worlds;
    this.responseChecks = responseChecks;
    this.listeners = List.copyOf(listeners);
    this.capturedBodyBytes = capturedBodyBytes;
  }

  /** The handler of one operation, after the body handler. */
  public Handler<RoutingContext> operation(MountedVendor vendor, String operationId) {
    return rc -> {
      long start = System.nanoTime();
      World world;
      try {
        world = worlds.resolve(worldName(rc.request()));
      } catch (Failure f) {
        fail(
            rc.request(),
            worlds.defaultWorld(),
            vendor,
            call(rc, vendor, null, worlds.defaultWorld()),
            f,
            start);
        return;
      }
      Call call = call(rc, vendor, operationId, world);
      ModeHandler<?> mode = world.handler(vendor.id());
      List<Violation> reported = new ArrayList<>(0);
      Future<Reply> answer;
      try {
        answer = answer(vendor, mode, call, reported);
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onComplete(
          ar -> {
            if (ar.succeeded()) {
              Reply reply = ar.result();
              send(
                  rc.request(),
                  world,
                  vendor,
                  call,
                  reply,
                  reported,
                  null,
                  start,
                  mode.handling(reply));
            } else {
              fail(rc.request(), world, vendor, call, Failure.from(ar.cause()), start);
            }
          });
    };
  }

  /**
   * The world a request names: the {@code /__worlds/{name}/} prefix of its path, or the {@value
   * #WORLD_HEADER} header; null for the default world.
   */
  static String worldName(HttpServerRequest request) {
    String fromPath = SandboxRoutes.worldOf(request.path());
    return fromPath != null ? fromPath : request.getHeader(WORLD_HEADER);
  }

  /** The world of a request that is failing anyway: a bad world name falls back to the default. */
  private World worldOrDefault(HttpServerRequest request) {
    try {
      return worlds.resolve(worldName(request));
    } catch (Failure f) {
      return worlds.defaultWorld();
    }
  }

  /**
   * A mode that forwards and does not refuse invalid requests has their violations {@code reported}
   * instead: the request still goes to the upstream, which answers as it would.
   */
  private <P> Future<Reply> answer(
      MountedVendor vendor, ModeHandler<P> mode, Call call, List<Violation> reported) {
    P principal = mode.authenticate(call);
    try {
      RequestCheck.check(vendor.vendor(), vendor.contract(), call);
    } catch (Failure f) {
      if (mode.refusesInvalidRequests()) {
        throw f;
      }
      reported.addAll(
          f.violations().isEmpty()
              ? List.of(Violation.request("", f.getMessage()))
              : f.violations());
      LOG.warn(
          "{} {} request outside its contract: {}",
          vendor.id(),
          call.operationId(),
          reported.get(0).describe());
    }
    return mode.answer(call, principal);
  }

  /** A request under the vendor's prefixes that matches none of its operations. */
  public Handler<RoutingContext> unmatched(MountedVendor vendor) {
    return rc -> {
      World world = worldOrDefault(rc.request());
      fail(
          rc.request(),
          world,
          vendor,
          call(rc, vendor, null, world),
          Failure.of(
              Failure.Kind.NO_ROUTE,
              "no operation of "
                  + vendor.id()
                  + " at "
                  + rc.request().method()
                  + " "
                  + rc.normalizedPath()),
          System.nanoTime());
    };
  }

  /**
   * A request refused before routing ({@link RequestGate}: limits, {@code Expect}, malformed
   * escapes…), answered in the owning vendor's dialect from the bare request.
   */
  public void reject(HttpServerRequest request, MountedVendor vendor, Failure failure) {
    World world = worldOrDefault(request);
    fail(request, world, vendor, bareCall(request, vendor, world), failure, System.nanoTime());
  }

  /** A known path asked with a method the contract does not declare: 405 with {@code Allow}. */
  public Handler<RoutingContext> methodNotAllowed(MountedVendor vendor, List<String> methods) {
    String allow = String.join(", ", methods);
    return rc -> {
      rc.response().putHeader("Allow", allow);
      World world = worldOrDefault(rc.request());
      fail(
          rc.request(),
          world,
          vendor,
          call(rc, vendor, null, world),
          Failure.of(
              Failure.Kind.METHOD_NOT_ALLOWED,
              rc.request().method() + " is not allowed here; allowed: " + allow),
          System.nanoTime());
    };
  }

  /**
   * A request that never got an answer: the client went away, or did not send its body in time.
   * Journaled and counted as an abort (status 0), never logged as a fault of the sandbox.
   */
  void aborted(
      RoutingContext rc, MountedVendor vendor, String operationId, Buffer partial, String why) {
    World world = worldOrDefault(rc.request());
    Call call = call(rc, vendor, operationId, world);
    Exchange exchange =
        new Exchange(
            call.id(),
            call.at(),
            vendor.id(),
            operationId,
            vendor.mode(),
            call.method(),
            rc.request().uri(),
            call.headers(),
            Captured.of(partial, capturedBodyBytes),
            0,
            null,
            MultiMap.caseInsensitiveMultiMap(),
            Captured.EMPTY,
            List.of(),
            "ABORTED: " + why,
            List.of(),
            0,
            world.name());
    tell(exchange);
  }

  private Call bareCall(HttpServerRequest request, MountedVendor vendor, World world) {
    return new Call(
        Ids.uuid().toString(),
        vendor.id(),
        null,
        request.method(),
        request.path(),
        Map.of(),
        MultiMap.caseInsensitiveMultiMap(),
        request.headers(),
        new Body(null),
        world.clock().now());
  }

  /**
   * Failures raised before the operation handler ran: the body handler's 413 for an oversized body,
   * or anything unexpected. Rendered in the vendor's dialect like every other failure.
   */
  public Handler<RoutingContext> failure(MountedVendor vendor, String operationId) {
    return rc -> {
      if (rc.response().ended()) {
        return;
      }
      World world = worldOrDefault(rc.request());
      Call call = call(rc, vendor, operationId, world);
      Failure failure =
          switch (rc.statusCode()) {
            case 413 -> credentialsFirst(world, vendor, call, tooLarge(vendor));
            case 400 -> Failure.badRequest("request could not be read");
            default ->
                rc.failure() == null
                    ? Failure.of(Failure.Kind.INTERNAL, "status " + rc.statusCode())
                    : Failure.from(rc.failure());
          };
      rc.response().putHeader("Connection", "close");
      fail(rc.request(), world, vendor, call, failure, System.nanoTime());
    };
  }

  private static Failure tooLarge(MountedVendor vendor) {
    return Failure.of(
        Failure.Kind.TOO_LARGE,
        "request body exceeds the limit of " + vendor.limits().maxBodyBytes() + " bytes");
  }

  /**
   * The vendor checks credentials before the size of the body (Vocom: "authentication before any
   * size or parameter check"), so a refused body with bad credentials is an authentication error.
   */
  private static Failure credentialsFirst(
      World world, MountedVendor vendor, Call call, Failure otherwise) {
    try {
      world.handler(vendor.id()).authenticate(call);
      return otherwise;
    } catch (Failure f) {
      return f;
    } catch (RuntimeException e) {
      return otherwise;
    }
  }

  private void fail(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Failure failure,
      long start) {
    if (failure.kind() == Failure.Kind.INTERNAL) {
      LOG.error("{} {}: sandbox fault: {}", vendor.id(), call.operationId(), failure.getMessage());
    }
    Reply reply;
    try {
      reply = vendor.vendor().dialect(call).render(failure, call);
    } catch (RuntimeException e) {
      LOG.error("{} dialect failed to render {}", vendor.id(), failure.kind(), e);
      reply = Reply.json(500, new JsonObject().put("message", "Internal error"));
    }
    send(
        request,
        world,
        vendor,
        call,
        reply,
        failure.violations(),
        failure.kind() + ": " + failure.getMessage(),
        start,
        ModeHandler.Handling.EMULATED);
  }

  /** Decorate, validate the response, send, then tell the listeners. */
  private void send(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Reply reply,
      List<Violation> requestViolations,
      String error,
      long start,
      ModeHandler.Handling handling) {
    Reply decorated =
        handling == ModeHandler.Handling.EMULATED ? vendor.vendor().decorate(reply, call) : reply;
    Buffer body = decorated.body();
    Buffer plain =
        handling == ModeHandler.Handling.FORWARDED
            ? ContentCoding.decoded(decorated.headers(), body)
            : body;
    List<Violation> violations = requestViolations;
    List<Violation> responseViolations =
        switch (handling) {
          case EMULATED, REPLAYED -> validateResponse(vendor, call, decorated, body);
          case FORWARDED -> checkUpstreamAnswer(vendor, call, decorated, plain);
          case GATEWAY -> List.of();
        };
    if (!responseViolations.isEmpty()) {
      violations = new ArrayList<>(requestViolations);
      violations.addAll(responseViolations);
    }
    HttpServerResponse response = request.response();
    response.setStatusCode(decorated.status());
    if (decorated.contentType() != null) {
      response.putHeader("Content-Type", decorated.contentType());
    }
    response.headers().addAll(decorated.headers());
    response.putHeader(EXCHANGE_ID_HEADER, call.id());
    response.end(body);
    Exchange exchange =
        new Exchange(
            call.id(),
            call.at(),
            vendor.id(),
            call.operationId(),
            vendor.mode(),
            call.method(),
            request.uri(),
            call.headers(),
            Captured.of(call.body().raw(), capturedBodyBytes),
            decorated.status(),
            decorated.contentType(),
            decorated.headers(),
            Captured.of(plain, capturedBodyBytes),
            List.copyOf(violations),
            error != null ? error : decorated.note(),
            decorated.lintNotes(),
            System.nanoTime() - start,
            world.name());
    tell(exchange);
  }

  private void tell(Exchange exchange) {
    for (ExchangeListener listener : listeners) {
      try {
        listener.onExchange(exchange);
      } catch (RuntimeException e) {
        LOG.warn(
            "exchange listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
      }
    }
  }

  /**
   * Every upstream answer is held to the contract (decoded, when the upstream compressed it): one
   * that departs is the vendor drifting, reported and passed on unchanged.
   */
  private static List<Violation> checkUpstreamAnswer(
      MountedVendor vendor, Call call, Reply reply, Buffer plain) {
    if (call.operationId() == null) {
      return List.of();
    }
    List<Violation> found =
        vendor
            .contract()
            .validateResponse(
                call.operationId(),
                new Reply(
                    reply.status(),
                    reply.contentType(),
                    reply.headers(),
                    null,
                    plain,
                    null,
                    List.of()));
    if (!found.isEmpty()) {
      LOG.warn(
          "{} {} upstream answered outside the contract: {}",
          vendor.id(),
          call.operationId(),
          found.get(0).describe());
    }
    return found;
  }

  private List<Violation> validateResponse(
      MountedVendor vendor, Call call, Reply reply, Buffer body) {
    if (call.operationId() == null
        || !responseChecks.shouldCheck(vendor.id(), call.operationId(), reply.status(), body)) {
      return List.of();
    }
    List<Violation> found = vendor.contract().validateResponse(call.operationId(), reply);
    if (found.isEmpty()) {
      responseChecks.passed(vendor.id(), call.operationId(), reply.status(), body);
    } else {
      LOG.warn(
          "{} {} answered outside its contract: {}",
          vendor.id(),
          call.operationId(),
          found.get(0).describe());
    }
    return found;
  }

  private Call call(RoutingContext rc, MountedVendor vendor, String operationId, World world) {
    Buffer raw = rc.get(BodyReader.KEY);
    return new Call(
        Ids.uuid().toString(),
        vendor.id(),
        operationId,
        rc.request().method(),
        rc.normalizedPath() != null ? rc.normalizedPath() : rc.request().path(),
        rc.pathParams(),
        rc.queryParams(),
        rc.request().headers(),
        new Body(raw),
        world.clock().now(),
        rc.request().query());
  }
}
