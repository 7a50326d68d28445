package dev.integrationsandbox.core;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.Exchange.Captured;
import dev.integrationsandbox.exchange.ExchangeListener;
import dev.integrationsandbox.fault.Fault;
import dev.integrationsandbox.fault.FaultKind;
import dev.integrationsandbox.fault.Faults;
import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.BodyStream;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.Ids;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every request goes through, whatever the vendor and the mode, in DESIGN.md's order
 * except that the listeners hear of an answer just before it is sent (so a client holding its
 * answer always finds it in the journal, and, with recording on, in the recording):
 *
 * <pre>
 * route → armed faults → authenticate (where the mode plays the vendor) → validate request
 *   → mode handler → decorate → validate response → listeners (journal, metrics, …) → send
 * </pre>
 *
 * A failure at any step is a {@link Failure}, rendered by the vendor's dialect and sent through the
 * same last steps, so that every answer is decorated, checked, sent and told to the listeners
 * exactly once.
 *
 * <p>Faults ({@code /__sandbox/faults}) are a step here, not a mode: a fault at the vendor's edge
 * answers before authentication; a fault after the integration lets the mode handler answer and
 * then replaces, delays or cuts its answer.
 */
public final class Pipeline {

  /** Names the exchange in the journal: {@code GET /__sandbox/journal/{id}}. */
  public static final String EXCHANGE_ID_HEADER = "X-Sandbox-Exchange-Id";

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  /** Selects a world for a request to a vendor's own path: {@code X-Sandbox-World: a}. */
  public static final String WORLD_HEADER = "X-Sandbox-World";

  private final Worlds worlds;
  private final Faults faults;
  private final ResponseChecks responseChecks;
  private final List<ExchangeListener> listeners;
  private final int capturedBodyBytes;
  private final UnaryOperator<String> redact;
  private final WorkerExecutor decoders;

  /**
   * @param redact the redactor's pass over text that a log line quotes (a violation may quote the
   *     value that broke it, a password among them)
   * @param decoders where a compressed upstream answer's copy is decoded ({@link ContentCoding})
   */
  Pipeline(
      Worlds worlds,
      Faults faults,
      ResponseChecks responseChecks,
      List<ExchangeListener> listeners,
      int capturedBodyBytes,
      UnaryOperator<String> redact,
      WorkerExecutor decoders) {
    this.redact = redact;
    this.decoders = decoders;
    this.worlds = worlds;
    this.faults = faults;
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
      IncomingBody incoming = rc.get(IncomingBody.KEY);
      Fault fault = faults.take(vendor.id(), operationId, world.name());
      if (fault != null && incoming != null) {
        readWhole(rc, vendor, world, call, incoming, start)
            .onSuccess(whole -> faulted(rc, world, vendor, whole, fault, start));
        return;
      }
      if (fault != null) {
        faulted(rc, world, vendor, call, fault, start);
        return;
      }
      if (incoming != null) {
        streamed(rc.request(), world, vendor, call, incoming, new ArrayList<>(0), true, start);
        return;
      }
      List<Violation> reported = new ArrayList<>(0);
      respond(
          rc.request(),
          world,
          vendor,
          call,
          answered(vendor, world, call, reported),
          reported,
          start);
    };
  }

  /**
   * The mode's answer; the violations of a request that the mode forwards anyway go to {@code
   * reported}.
   */
  private Future<Reply> answered(
      MountedVendor vendor, World world, Call call, List<Violation> reported) {
    try {
      return answer(vendor, world.handler(vendor.id()), call, reported);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /** {@code reported} is read once the answer is there. */
  private void respond(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Future<Reply> answer,
      List<Violation> reported,
      long start) {
    answer.onComplete(
        ar -> {
          if (ar.succeeded()) {
            Reply reply = ar.result();
            send(
                request,
                world,
                vendor,
                call,
                reply,
                reported,
                null,
                start,
                world.handler(vendor.id()).handling(reply));
          } else {
            fail(request, world, vendor, call, Failure.from(ar.cause()), start);
          }
        });
  }

  /**
   * A call that an armed fault hits, after the fault's latency: a fault at the vendor's edge
   * answers without authentication or mode handler, so nothing changes; one after the integration
   * (a gateway timeout, a reset, a close, a truncated body) lets the mode handler answer first, so
   * the state change happens and only the answer is lost. Whatever the mode, since the mode handler
   * is the only part that differs.
   */
  private void faulted(
      RoutingContext rc, World world, MountedVendor vendor, Call call, Fault fault, long start) {
    HttpServerRequest request = rc.request();
    Future<?> delay =
        fault.latency().isZero()
            ? Future.succeededFuture()
            : rc.vertx().timer(fault.latency().toMillis(), TimeUnit.MILLISECONDS);
    delay.onComplete(
        v -> {
          if (request.response().closed()) {
            tell(
                abort(
                    call,
                    vendor,
                    request.uri(),
                    call.body().raw(),
                    MultiMap.caseInsensitiveMultiMap(),
                    Buffer.buffer(),
                    faultNote(fault) + ": the client went away during its latency",
                    System.nanoTime() - start,
                    world));
          } else if (fault.kind() == FaultKind.LATENCY) {
            String note = "delayed " + fault.latency() + " by fault " + fault.id();
            List<Violation> reported = new ArrayList<>(0);
            respond(
                request,
                world,
                vendor,
                call,
                answered(vendor, world, call, reported)
                    .map(r -> r.withNote(r.note() == null ? note : r.note() + "; " + note)),
                reported,
                start);
          } else if (!fault.afterIntegration()) {
            sendFault(request, world, vendor, call, fault, start);
          } else {
            answered(vendor, world, call, new ArrayList<>(0))
                .compose(Pipeline::whole)
                .otherwise(t -> render(vendor, call, Failure.from(t)))
                .onSuccess(
                    reply -> afterIntegration(request, world, vendor, call, fault, reply, start));
          }
        });
  }

  /**
   * Sends the fault's error answer; a preset that cannot render this call is the sandbox's fault,
   * answered in the dialect.
   */
  private void sendFault(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Fault fault,
      long start) {
    Reply reply;
    try {
      reply = fault.reply(call);
    } catch (RuntimeException e) {
      LOG.error("{} fault {} failed to render", vendor.id(), fault.describe(), e);
      reply = render(vendor, call, Failure.of(Failure.Kind.INTERNAL, "fault " + fault.id()));
    }
    send(
        request,
        world,
        vendor,
        call,
        reply,
        List.of(),
        faultNote(fault),
        start,
        ModeHandler.Handling.EMULATED);
  }

  private static String faultNote(Fault fault) {
    return Exchange.FAULT + fault.describe();
  }

  /** The integration answered {@code reply}; the fault takes its place on the way back. */
  private void afterIntegration(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Fault fault,
      Reply reply,
      long start) {
    switch (fault.kind()) {
      case TRUNCATE -> truncate(request, world, vendor, call, fault, reply, start);
      case RESET -> {
        Disconnect.reset(request);
        unanswered(request, world, vendor, call, fault, reply, Buffer.buffer(), "reset", start);
      }
      case CLOSE -> {
        request.connection().close();
        unanswered(request, world, vendor, call, fault, reply, Buffer.buffer(), "closed", start);
      }
      default -> sendFault(request, world, vendor, call, fault, start);
    }
  }

  /**
   * The status line and headers with the whole body's Content-Length, half the body, then the
   * connection closed: the client's HTTP stack sees a premature end of the body.
   */
  private void truncate(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Fault fault,
      Reply reply,
      long start) {
    Reply decorated = vendor.vendor().decorate(reply, call);
    Buffer body = decorated.body();
    Buffer part = body.getBuffer(0, body.length() / 2);
    HttpServerResponse response = head(request, decorated, call);
    response.putHeader("Content-Length", Integer.toString(body.length()));
    response.write(part).onComplete(written -> request.connection().close());
    unanswered(request, world, vendor, call, fault, decorated, part, "truncated", start);
  }

  /** Journals a faulted call whose answer never arrived whole, as an abort (status 0). */
  private void unanswered(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Fault fault,
      Reply lost,
      Buffer sent,
      String how,
      long start) {
    tell(
        abort(
            call,
            vendor,
            request.uri(),
            call.body().raw(),
            lost.headers(),
            sent,
            faultNote(fault)
                + ": connection "
                + how
                + " instead of the "
                + lost.status()
                + " answer ("
                + lost.body().length()
                + " bytes)",
            System.nanoTime() - start,
            world));
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
      report(vendor, call, f, reported);
    }
    return mode.answer(call, principal);
  }

  /** The violations of a request forwarded anyway, for the journal and one WARN line. */
  private void report(MountedVendor vendor, Call call, Failure f, List<Violation> reported) {
    reported.addAll(
        f.violations().isEmpty() ? List.of(Violation.request("", f.getMessage())) : f.violations());
    LOG.warn(
        "{} {} request outside its contract: {}",
        vendor.id(),
        call.operationId(),
        redact.apply(reported.get(0).describe()));
  }

  /**
   * A call whose body the mode passes on as it arrives: forwarded at once, checked against the
   * contract once its body has ended (when {@code check}), and answered once both the body and the
   * upstream's head are in. A body that fails midway has already reset the upstream request; it is
   * answered in the dialect (413, 400), or journaled as an abort when the client went away.
   */
  private void streamed(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      IncomingBody body,
      List<Violation> reported,
      boolean check,
      long start) {
    ModeHandler<?> mode = world.handler(vendor.id());
    Future<Reply> answered = answerStreamed(mode, call, body);
    answered.onComplete(
        ar -> {
          if (ar.failed() || mode.handling(ar.result()) == ModeHandler.Handling.GATEWAY) {
            body.discardDownstream();
          }
        });
    Future<Call> whole =
        body.read()
            .map(
                bytes -> {
                  Call full = call.withBody(new Body(bytes));
                  if (check) {
                    try {
                      RequestCheck.check(vendor.vendor(), vendor.contract(), full);
                    } catch (Failure f) {
                      report(vendor, full, f, reported);
                    }
                  }
                  return full;
                });
    Future.join(whole, answered)
        .onComplete(
            done -> {
              if (whole.failed()) {
                if (answered.succeeded() && answered.result().stream() != null) {
                  answered.result().stream().cancel();
                }
                if (!(whole.cause() instanceof IncomingBody.Aborted)) {
                  fail(request, world, vendor, call, Failure.from(whole.cause()), start);
                }
              } else if (answered.failed()) {
                fail(request, world, vendor, whole.result(), Failure.from(answered.cause()), start);
              } else {
                Reply reply = answered.result();
                send(
                    request,
                    world,
                    vendor,
                    whole.result(),
                    reply,
                    reported,
                    null,
                    start,
                    mode.handling(reply));
              }
            });
  }

  private static <P> Future<Reply> answerStreamed(ModeHandler<P> mode, Call call, BodyStream body) {
    try {
      return mode.answer(call, mode.authenticate(call), body);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * The call with its whole body, for a step that needs it before answering (a fault); a body that
   * fails is answered in the dialect or journaled as an abort, and the future never completes.
   */
  private Future<Call> readWhole(
      RoutingContext rc,
      MountedVendor vendor,
      World world,
      Call call,
      IncomingBody body,
      long start) {
    return body.readWhole()
        .map(bytes -> call.withBody(new Body(bytes)))
        .onFailure(
            e -> {
              if (!(e instanceof IncomingBody.Aborted)) {
                fail(rc.request(), world, vendor, call, Failure.from(e), start);
              }
            });
  }

  /** A request under the vendor's prefixes that matches none of its operations. */
  public Handler<RoutingContext> unmatched(MountedVendor vendor) {
    return rc -> {
      World world = worldOrDefault(rc.request());
      if (forwardsUndeclared(rc, world, vendor, "no operation of the contract at this path")) {
        return;
      }
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
   * A mode that forwards invalid requests (proxy without {@code --strict}) forwards one that no
   * operation declares too, reported as a request violation: the vendor may serve more than its
   * contract says, and the team should hear of it rather than be cut off from it.
   */
  private boolean forwardsUndeclared(
      RoutingContext rc, World world, MountedVendor vendor, String why) {
    ModeHandler<?> mode = world.handler(vendor.id());
    if (mode.refusesInvalidRequests()) {
      return false;
    }
    long start = System.nanoTime();
    Call call = call(rc, vendor, null, world);
    List<Violation> reported = new ArrayList<>(List.of(Violation.request("path", why)));
    LOG.warn(
        "{} request outside its contract: {} {}: {}",
        vendor.id(),
        call.method(),
        redact.apply(call.path()),
        why);
    IncomingBody incoming = rc.get(IncomingBody.KEY);
    if (incoming != null) {
      streamed(rc.request(), world, vendor, call, incoming, reported, false, start);
    } else {
      respond(rc.request(), world, vendor, call, answerUnchecked(mode, call), reported, start);
    }
    return true;
  }

  /** The mode's answer to a call that no operation declares, so with no contract to check. */
  private static <P> Future<Reply> answerUnchecked(ModeHandler<P> mode, Call call) {
    try {
      return mode.answer(call, mode.authenticate(call));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
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
      World world = worldOrDefault(rc.request());
      if (forwardsUndeclared(
          rc, world, vendor, rc.request().method() + " is not declared here; declared: " + allow)) {
        return;
      }
      rc.response().putHeader("Allow", allow);
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
    tell(
        abort(
            call,
            vendor,
            rc.request().uri(),
            partial,
            MultiMap.caseInsensitiveMultiMap(),
            Buffer.buffer(),
            "ABORTED: " + why,
            0,
            world));
  }

  /** An exchange without an answer (status 0): what was sent of one, if anything, is kept. */
  private Exchange abort(
      Call call,
      MountedVendor vendor,
      String uri,
      Buffer requestBody,
      MultiMap responseHeaders,
      Buffer sent,
      String error,
      long nanos,
      World world) {
    return new Exchange(
        call.id(),
        call.at(),
        vendor.id(),
        call.operationId(),
        vendor.mode(),
        call.method(),
        uri,
        call.headers(),
        Captured.of(requestBody, capturedBodyBytes),
        0,
        null,
        responseHeaders,
        Captured.of(sent, capturedBodyBytes),
        List.of(),
        error,
        List.of(),
        nanos,
        world.name());
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
      LOG.error(
          "{} {}: sandbox fault: {}",
          vendor.id(),
          call.operationId(),
          redact.apply(failure.getMessage()));
    }
    send(
        request,
        world,
        vendor,
        call,
        render(vendor, call, failure),
        failure.violations(),
        failure.kind() + ": " + failure.getMessage(),
        start,
        ModeHandler.Handling.EMULATED);
  }

  private static Reply render(MountedVendor vendor, Call call, Failure failure) {
    try {
      return vendor.vendor().dialect(call).render(failure, call);
    } catch (RuntimeException e) {
      LOG.error("{} dialect failed to render {}", vendor.id(), failure.kind(), e);
      return Reply.json(500, new JsonObject().put("message", "Internal error"));
    }
  }

  /**
   * Decorate, validate the response, tell the listeners, then send: a client that has its answer
   * finds the exchange in the journal (a test's "exactly one closeTicket was sent" cannot race the
   * journal), and the listeners' cost is a few microseconds before the write.
   */
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
    if (reply.stream() != null) {
      relay(request, world, vendor, call, reply, requestViolations, error, start);
      return;
    }
    Reply decorated =
        handling == ModeHandler.Handling.EMULATED ? vendor.vendor().decorate(reply, call) : reply;
    Buffer body = decorated.body();
    (handling == ModeHandler.Handling.FORWARDED
            ? ContentCoding.decoding(decoders, decorated.headers(), body)
            : Future.succeededFuture(body))
        .onSuccess(
            plain -> {
              List<Violation> responseViolations =
                  switch (handling) {
                    case EMULATED, REPLAYED -> checkAnswer(vendor, call, decorated, body, false);
                    case FORWARDED -> checkAnswer(vendor, call, decorated, plain, true);
                    case GATEWAY -> List.of();
                  };
              Future<Void> kept =
                  tell(
                      exchange(
                          request,
                          world,
                          vendor,
                          call,
                          decorated,
                          Captured.of(plain, capturedBodyBytes),
                          both(requestViolations, responseViolations),
                          error != null ? error : decorated.note(),
                          start));
              endWhenKept(kept, head(request, decorated, call), body);
            });
  }

  /**
   * An answer whose body streams in (an upstream's): its head goes out at once and its body as it
   * arrives; once the last byte is written, the relay's copy is held to the contract and the
   * listeners are told, and only then does the response end, so a client holding its whole answer
   * still finds it in the journal. A body cut after its head cuts the client's too (a reset), and
   * is journaled as an abort. An HTTP/1.0 client, which cannot take a body of unknown length in
   * pieces, gets it whole.
   */
  private void relay(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Reply reply,
      List<Violation> requestViolations,
      String error,
      long start) {
    BodyStream stream = reply.stream();
    if (stream.declaredLength() < 0 && request.version() == HttpVersion.HTTP_1_0) {
      whole(reply)
          .onComplete(
              read ->
                  send(
                      request,
                      world,
                      vendor,
                      call,
                      read.succeeded()
                          ? read.result()
                          : render(vendor, call, Failure.from(read.cause())),
                      requestViolations,
                      error,
                      start,
                      ModeHandler.Handling.FORWARDED));
      return;
    }
    HttpServerResponse response = head(request, reply, call);
    if (stream.declaredLength() >= 0) {
      response.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(stream.declaredLength()));
    } else if (!bodiless(request, reply.status())) {
      response.setChunked(true);
    }
    Relay.pass(stream, response)
        .onComplete(
            relayed -> {
              if (relayed.failed()) {
                if (!response.closed()) {
                  Disconnect.reset(request);
                }
                tell(
                    abort(
                        call,
                        vendor,
                        request.uri(),
                        call.body().raw(),
                        reply.headers(),
                        Buffer.buffer(),
                        "ABORTED: the answer was cut after its head: "
                            + relayed.cause().getMessage(),
                        System.nanoTime() - start,
                        world));
                return;
              }
              Relay.Copy copy = relayed.result();
              (copy.whole()
                      ? ContentCoding.decoding(decoders, reply.headers(), copy.kept())
                      : Future.succeededFuture(copy.kept()))
                  .onSuccess(
                      plain ->
                          told(
                              request,
                              world,
                              vendor,
                              call,
                              reply,
                              copy,
                              plain,
                              requestViolations,
                              error,
                              start,
                              response));
            });
  }

  /**
   * Tells the listeners of a relayed answer, its copy decoded, and then ends the response, whose
   * bytes have all gone but its last.
   */
  private void told(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Reply reply,
      Relay.Copy copy,
      Buffer plain,
      List<Violation> requestViolations,
      String error,
      long start,
      HttpServerResponse response) {
    List<Violation> responseViolations =
        copy.whole() ? checkAnswer(vendor, call, reply, plain, true) : List.of();
    String unchecked =
        copy.whole()
            ? null
            : "answer of "
                + copy.size()
                + " bytes passed on unchecked: past the copy the proxy keeps ("
                + Relay.COPY_MAX
                + " bytes per answer, "
                + Relay.COPIES_MAX
                + " at once)";
    Future<Void> kept =
        tell(
            exchange(
                request,
                world,
                vendor,
                call,
                reply,
                copy.whole()
                    ? Captured.of(plain, capturedBodyBytes)
                    : Captured.cut(copy.kept(), copy.size(), capturedBodyBytes),
                both(requestViolations, responseViolations),
                joined(error != null ? error : reply.note(), unchecked),
                start));
    endWhenKept(kept, response, copy.tail());
  }

  /** An answer that has no body whatever its headers say (RFC 9110 §6.4.1): never chunked. */
  private static boolean bodiless(HttpServerRequest request, int status) {
    return request.method() == HttpMethod.HEAD || status == 204 || status == 304 || status < 200;
  }

  /** A streamed answer read whole; any other answer as it is. */
  private static Future<Reply> whole(Reply reply) {
    BodyStream stream = reply.stream();
    if (stream == null) {
      return Future.succeededFuture(reply);
    }
    return Relay.whole(stream)
        .map(
            bytes ->
                new Reply(
                    reply.status(),
                    reply.contentType(),
                    reply.headers(),
                    null,
                    bytes,
                    reply.note(),
                    reply.lintNotes()));
  }

  private static String joined(String first, String second) {
    return first == null ? second : second == null ? first : first + "; " + second;
  }

  private static List<Violation> both(List<Violation> request, List<Violation> response) {
    if (response.isEmpty()) {
      return List.copyOf(request);
    }
    List<Violation> all = new ArrayList<>(request);
    all.addAll(response);
    return List.copyOf(all);
  }

  private Exchange exchange(
      HttpServerRequest request,
      World world,
      MountedVendor vendor,
      Call call,
      Reply reply,
      Captured responseBody,
      List<Violation> violations,
      String error,
      long start) {
    return new Exchange(
        call.id(),
        call.at(),
        vendor.id(),
        call.operationId(),
        vendor.mode(),
        call.method(),
        request.uri(),
        call.headers(),
        Captured.of(call.body().raw(), capturedBodyBytes),
        reply.status(),
        reply.contentType(),
        reply.headers(),
        responseBody,
        violations,
        error,
        reply.lintNotes(),
        System.nanoTime() - start,
        world.name(),
        false,
        reply.success());
  }

  /** The status and headers of a decorated reply, on the request's response. */
  private static HttpServerResponse head(HttpServerRequest request, Reply decorated, Call call) {
    HttpServerResponse response = request.response();
    response.setStatusCode(decorated.status());
    if (decorated.contentType() != null) {
      response.putHeader("Content-Type", decorated.contentType());
    }
    response.headers().addAll(decorated.headers());
    response.putHeader(EXCHANGE_ID_HEADER, call.id());
    return response;
  }

  /**
   * Tells every listener; returns what the answer must wait for (the recorder's write), or null
   * when nothing.
   */
  private Future<Void> tell(Exchange exchange) {
    Future<Void> kept = null;
    for (ExchangeListener listener : listeners) {
      try {
        Future<Void> keeping = listener.onExchangeKept(exchange);
        if (!keeping.isComplete()) {
          kept = kept == null ? keeping : Future.all(kept, keeping).mapEmpty();
        }
      } catch (RuntimeException e) {
        LOG.warn(
            "exchange listener {} failed: {}", listener.getClass().getSimpleName(), e.toString());
      }
    }
    return kept;
  }

  /** Ends the response once the exchange is kept ({@link #tell}'s answer). */
  private static void endWhenKept(Future<Void> kept, HttpServerResponse response, Buffer last) {
    if (kept == null) {
      response.end(last);
    } else {
      kept.onComplete(done -> response.end(last));
    }
  }

  /**
   * Holds an answer to the contract unless {@link ResponseChecks} says it need not be: the
   * sandbox's own answers are sampled; every upstream answer is checked (decoded, when the upstream
   * compressed it), bar bytes that already passed, since one that departs is the vendor drifting,
   * reported and passed on unchanged.
   *
   * @param body the answer's body as the client reads it (for an upstream's, decoded): what is
   *     checked, unless it is the reply's own bytes
   */
  private List<Violation> checkAnswer(
      MountedVendor vendor, Call call, Reply reply, Buffer body, boolean upstream) {
    String operation = call.operationId();
    if (operation == null
        || !(upstream
            ? responseChecks.shouldCheckUpstream(
                vendor.id(), operation, reply.status(), reply.contentType(), body)
            : responseChecks.shouldCheck(
                vendor.id(), operation, reply.status(), reply.contentType(), body))) {
      return List.of();
    }
    Reply checked =
        body == reply.raw()
            ? reply
            : new Reply(
                reply.status(), reply.contentType(), reply.headers(), null, body, null, List.of());
    List<Violation> found = vendor.contract().validateResponse(operation, checked);
    if (found.isEmpty()) {
      responseChecks.passed(vendor.id(), operation, reply.status(), reply.contentType(), body);
    } else {
      warnOutside(vendor, call, upstream ? "the upstream" : "the sandbox", found);
    }
    return found;
  }

  /** One WARN line per answer outside the contract, quoting its first violation, redacted. */
  private void warnOutside(MountedVendor vendor, Call call, String who, List<Violation> found) {
    LOG.warn(
        "{} {}: {} answered outside the contract: {}",
        vendor.id(),
        call.operationId(),
        who,
        redact.apply(found.get(0).describe()));
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
