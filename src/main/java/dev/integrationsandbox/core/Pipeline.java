package dev.integrationsandbox.core;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeMetrics;
import dev.integrationsandbox.exchange.Journal;
import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.support.Ids;
import dev.integrationsandbox.support.SandboxClock;
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
 * The steps every request goes through, whatever the vendor and mode:
 *
 * <pre>
 * body limit → route to operation → mode handler (authenticate, validate, answer)
 *   → failures rendered in the vendor's dialect → response validated → journal, metrics → send
 * </pre>
 *
 * Every answer, success or failure, leaves through {@link #respond}, so that each one is journaled
 * and counted exactly once, and validated as {@link ResponseChecks} decides.
 */
public final class Pipeline {

  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final SandboxClock clock;
  private final Journal journal;
  private final ExchangeMetrics metrics;
  private final ResponseChecks responseChecks;

  Pipeline(
      SandboxClock clock, Journal journal, ExchangeMetrics metrics, ResponseChecks responseChecks) {
    this.clock = clock;
    this.journal = journal;
    this.metrics = metrics;
    this.responseChecks = responseChecks;
  }

  /** The handler of one operation, after the body handler. */
  public Handler<RoutingContext> operation(MountedVendor vendor, String operationId) {
    return rc -> {
      long start = System.nanoTime();
      Call call = call(rc, vendor, operationId);
      Future<Reply> answer;
      try {
        answer = vendor.handler().handle(call);
      } catch (RuntimeException e) {
        answer = Future.failedFuture(e);
      }
      answer.onComplete(
          ar -> {
            if (ar.succeeded()) {
              respond(
                  rc.request(), vendor, call, ar.result(), List.of(), ar.result().note(), start);
            } else {
              fail(rc.request(), vendor, call, Failure.from(ar.cause()), start);
            }
          });
    };
  }

  /** A request under the vendor's prefixes that matches none of its operations. */
  public Handler<RoutingContext> unmatched(MountedVendor vendor) {
    return rc -> {
      long start = System.nanoTime();
      fail(
          rc.request(),
          vendor,
          call(rc, vendor, null),
          Failure.of(
              Failure.Kind.NO_ROUTE,
              "no operation of "
                  + vendor.id()
                  + " at "
                  + rc.request().method()
                  + " "
                  + rc.normalizedPath()),
          start);
    };
  }

  /**
   * A request whose path or query cannot be percent-decoded ({@code /customers/%zz/tickets}, {@code
   * ?additionalInfo=%zz}): Vert.x Web would fail it outside any route, with a body no vendor sends,
   * so it is answered here, in the owning vendor's dialect, from the bare request.
   */
  public void rejectUndecodable(HttpServerRequest request, MountedVendor vendor) {
    long start = System.nanoTime();
    Call call =
        new Call(
            Ids.uuid().toString(),
            vendor.id(),
            null,
            request.method(),
            request.path(),
            Map.of(),
            MultiMap.caseInsensitiveMultiMap(),
            request.headers(),
            new Body(null),
            clock.now(),
            null);
    fail(
        request,
        vendor,
        call,
        Failure.badRequest("request cannot be decoded (malformed percent escape)"),
        start);
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
      long start = System.nanoTime();
      Failure failure =
          switch (rc.statusCode()) {
            case 413 -> Failure.of(Failure.Kind.TOO_LARGE, "request body exceeds the body limit");
            case 400 -> Failure.badRequest("request could not be read");
            default ->
                rc.failure() == null
                    ? Failure.of(Failure.Kind.INTERNAL, "status " + rc.statusCode())
                    : Failure.from(rc.failure());
          };
      fail(rc.request(), vendor, call(rc, vendor, operationId), failure, start);
    };
  }

  private void fail(
      HttpServerRequest request, MountedVendor vendor, Call call, Failure failure, long start) {
    if (failure.kind() == Failure.Kind.INTERNAL) {
      LOG.error("{} {}: sandbox fault: {}", vendor.id(), call.operationId(), failure.getMessage());
    }
    Reply reply;
    try {
      reply = vendor.vendor().dialect(call.operationId()).render(failure, call);
    } catch (RuntimeException e) {
      LOG.error("{} dialect failed to render {}", vendor.id(), failure.kind(), e);
      reply = Reply.json(500, new JsonObject().put("message", "Internal error"));
    }
    respond(
        request,
        vendor,
        call,
        reply,
        failure.violations(),
        failure.kind() + ": " + failure.getMessage(),
        start);
  }

  private void respond(
      HttpServerRequest request,
      MountedVendor vendor,
      Call call,
      Reply reply,
      List<Violation> requestViolations,
      String error,
      long start) {
    Reply decorated = vendor.vendor().decorate(reply, call);
    Buffer body = decorated.body();
    List<Violation> violations = requestViolations;
    if (call.operationId() != null
        && responseChecks.shouldCheck(vendor.id(), call.operationId(), decorated.status(), body)) {
      List<Violation> responseViolations =
          vendor.contract().validateResponse(call.operationId(), decorated);
      if (responseViolations.isEmpty()) {
        responseChecks.passed(vendor.id(), call.operationId(), decorated.status(), body);
      } else {
        LOG.warn(
            "{} {} answered outside its contract: {}",
            vendor.id(),
            call.operationId(),
            responseViolations.get(0).describe());
        violations = new ArrayList<>(requestViolations);
        violations.addAll(responseViolations);
      }
    }
    HttpServerResponse response = request.response();
    response.setStatusCode(decorated.status());
    if (decorated.contentType() != null) {
      response.putHeader("Content-Type", decorated.contentType());
    }
    response.headers().addAll(decorated.headers());
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
            call.body().raw(),
            decorated.status(),
            decorated.contentType(),
            decorated.headers(),
            body,
            violations,
            error,
            System.nanoTime() - start);
    journal.append(exchange);
    metrics.record(exchange);
  }

  private Call call(RoutingContext rc, MountedVendor vendor, String operationId) {
    Buffer raw = rc.body() == null ? null : rc.body().buffer();
    Map<String, String> pathParams = rc.pathParams();
    MultiMap query = rc.queryParams();
    return new Call(
        Ids.uuid().toString(),
        vendor.id(),
        operationId,
        rc.request().method(),
        rc.normalizedPath() != null ? rc.normalizedPath() : rc.request().path(),
        pathParams,
        query,
        rc.request().headers(),
        new Body(raw),
        clock.now(),
        null);
  }
}
