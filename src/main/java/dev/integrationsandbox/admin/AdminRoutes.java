package dev.integrationsandbox.admin;

import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.Sandbox;
import dev.integrationsandbox.core.World;
import dev.integrationsandbox.core.Worlds;
import dev.integrationsandbox.coverage.CoverageRoutes;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeSummary;
import dev.integrationsandbox.fault.FaultRoutes;
import dev.integrationsandbox.inspector.InspectorRoutes;
import dev.integrationsandbox.record.Har;
import dev.integrationsandbox.record.RecordingReader;
import dev.integrationsandbox.replay.ReplayMode;
import dev.integrationsandbox.replay.SpyMode;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.RevokesTokens;
import dev.integrationsandbox.support.SandboxClock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Predicate;

/**
 * The sandbox's own API under {@code /__sandbox/} (described in {@code
 * contracts/sandbox-admin.yaml}): health, state reset, the clock, the journal, metrics, state
 * snapshots, coverage and faults. Health answers anyone (container health checks, Kubernetes
 * probes); the rest answers loopback clients, and others only with the configured admin token (in
 * {@value #TOKEN_HEADER} or as a bearer token), because it can rewrite every emulated world.
 *
 * <pre>
 * curl -X POST localhost:8080/__sandbox/clock -d '{"advance":"PT1H"}'
 * curl 'localhost:8080/__sandbox/journal?vendor=btg&amp;status=401&amp;limit=5'
 * </pre>
 */
public final class AdminRoutes {

  public static final String TOKEN_HEADER = AdminGuard.TOKEN_HEADER;
  private static final int BODY_DISPLAY_LIMIT = 16 * 1024;

  /** The largest recording folder exported over HTTP, held in memory while encoded. */
  static final long HAR_MAX_BYTES = 32L * 1024 * 1024;

  private final Sandbox sandbox;

  private AdminRoutes(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  public static Router router(Vertx vertx, Sandbox sandbox) {
    AdminRoutes admin = new AdminRoutes(sandbox);
    Router router = Router.router(vertx);
    router.get("/health").handler(admin::health);
    AdminGuard guard = new AdminGuard(sandbox.config().adminToken(), sandbox.config().adminHosts());
    router.route().handler(guard::sameSite);
    router.route().handler(guard::guard);
    router.route().handler(BodyHandler.create(false).setBodyLimit(64 * 1024));
    router.post("/reset").handler(admin::reset);
    router.get("/clock").handler(admin::clock);
    router.post("/clock").handler(admin::setClock);
    router.get("/journal").handler(admin::journal);
    router.delete("/journal").handler(admin::clearJournal);
    router.get("/journal/:id").handler(admin::exchange);
    router.get("/metrics").handler(admin::metrics);
    router.get("/violations").handler(admin::violations);
    router.delete("/violations").handler(admin::clearViolations);
    router.get("/state").handler(admin::state);
    router.post("/tokens/revoke").handler(admin::revokeTokens);
    router.get("/replay").handler(admin::replay);
    router.get("/recording.har").handler(admin::recordingHar);
    router.get("/worlds").handler(admin::worlds);
    router.post("/worlds").handler(admin::createWorld);
    router.delete("/worlds/:name").handler(admin::deleteWorld);
    CoverageRoutes.mount(router, sandbox.coverage());
    InspectorRoutes.mount(router, sandbox);
    RecordingRoutes.mount(router, sandbox.config(), sandbox.fidelityRuns());
    FaultRoutes.mount(router, sandbox.faults(), sandbox.faultTargets(), Worlds::validName);
    router.route().handler(rc -> error(rc, 404, "no admin operation at " + rc.normalizedPath()));
    router.route().failureHandler(admin::failure);
    return router;
  }

  private void violations(RoutingContext rc) {
    rc.json(sandbox.violations().toJson(sandbox.view()::text));
  }

  private void clearViolations(RoutingContext rc) {
    sandbox.violations().clear();
    rc.response().setStatusCode(204).end();
  }

  private void health(RoutingContext rc) {
    JsonObject vendors = new JsonObject();
    for (MountedVendor v : sandbox.vendors()) {
      vendors.put(
          v.id(),
          new JsonObject()
              .put("mode", v.mode().id())
              .put("ready", true)
              .put("operations", v.contract().operations().size()));
    }
    json(rc, 200, new JsonObject().put("status", "UP").put("vendors", vendors));
  }

  /**
   * The world an admin request names with {@code ?world=}, the default one without; a world that
   * does not exist is a 404 (admin reads never create worlds).
   */
  private World world(RoutingContext rc) {
    String name = rc.queryParams().get("world");
    World world = sandbox.worlds().find(name).orElse(null);
    if (world == null) {
      error(rc, 404, "no world named '" + name + "'");
    }
    return world;
  }

  private void reset(RoutingContext rc) {
    World world = world(rc);
    if (world == null) {
      return;
    }
    String only = rc.queryParams().get("vendor");
    List<MountedVendor> targets =
        only == null ? sandbox.vendors() : sandbox.vendor(only).map(List::of).orElse(List.of());
    if (targets.isEmpty()) {
      error(rc, 400, "vendor '" + only + "' is not running in this sandbox");
      return;
    }
    JsonArray done = new JsonArray();
    for (MountedVendor v : targets) {
      world.reset(v.id());
      done.add(v.id());
    }
    json(rc, 200, new JsonObject().put("reset", done));
  }

  /** Which recorded exchanges each vendor in replay mode served this world, and which never. */
  private void replay(RoutingContext rc) {
    World world = world(rc);
    if (world == null) {
      return;
    }
    int limit;
    try {
      limit =
          Integer.parseInt(
              rc.queryParams().get("limit") == null ? "1000" : rc.queryParams().get("limit"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 0) {
      error(rc, 400, "limit is a non-negative integer");
      return;
    }
    JsonArray vendors = new JsonArray();
    for (MountedVendor v : sandbox.vendors()) {
      ReplayMode replay = world.handler(v.id(), ReplayMode.class);
      SpyMode spy = world.handler(v.id(), SpyMode.class);
      if (spy != null) {
        replay = spy.replay();
      }
      if (replay != null) {
        vendors.add(replay.progress(limit));
      }
    }
    json(rc, 200, new JsonObject().put("vendors", vendors));
  }

  /**
   * The recording folder as HAR 1.2. Read on a worker; a folder larger than {@value #HAR_MAX_BYTES}
   * bytes is refused (the {@code export-har} command has no such limit).
   */
  private void recordingHar(RoutingContext rc) {
    java.nio.file.Path dir = sandbox.config().proxy().recordDir();
    if (dir == null) {
      error(rc, 404, "this sandbox records nothing (no --record-dir)");
      return;
    }
    rc.vertx()
        .executeBlocking(
            () -> {
              long size = 0;
              for (java.nio.file.Path file : RecordingReader.files(dir)) {
                size += java.nio.file.Files.size(file);
              }
              if (size > HAR_MAX_BYTES) {
                return null;
              }
              return Har.of(RecordingReader.readFolder(dir), sandbox.redactor());
            },
            false)
        .onSuccess(
            har -> {
              if (har == null) {
                error(
                    rc,
                    413,
                    "the recording is larger than " + HAR_MAX_BYTES + " bytes: use export-har");
              } else {
                rc.response()
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Content-Disposition", "attachment; filename=\"recording.har\"")
                    .end(har.toBuffer());
              }
            })
        .onFailure(e -> error(rc, 500, "the recording could not be read: " + e.getMessage()));
  }

  private void clock(RoutingContext rc) {
    World world = world(rc);
    if (world != null) {
      json(rc, 200, clockJson(world.clock()));
    }
  }

  private static JsonObject clockJson(SandboxClock clock) {
    return new JsonObject().put("now", clock.now().toString()).put("frozen", clock.frozen());
  }

  private void setClock(RoutingContext rc) {
    World world = world(rc);
    if (world == null) {
      return;
    }
    SandboxClock clock = world.clock();
    JsonObject body;
    try {
      body = rc.body().asJsonObject();
    } catch (RuntimeException e) {
      error(rc, 400, "body must be a JSON object such as {\"advance\":\"PT1H\"}");
      return;
    }
    if (body == null || body.size() != 1) {
      error(rc, 400, "send exactly one of advance, set or freeze");
      return;
    }
    try {
      if (body.containsKey("advance")) {
        clock.advance(Duration.parse(body.getString("advance")));
      } else if (body.containsKey("set")) {
        clock.set(parseInstant(body.getString("set")));
      } else if (body.containsKey("freeze")) {
        Object freeze = body.getValue("freeze");
        if (!(freeze instanceof Boolean b)) {
          error(rc, 400, "freeze must be true or false");
          return;
        }
        clock.freeze(b);
      } else {
        error(rc, 400, "send exactly one of advance, set or freeze");
        return;
      }
    } catch (IllegalArgumentException e) {
      error(rc, 400, e.getMessage());
      return;
    } catch (DateTimeParseException | ClassCastException | NullPointerException e) {
      error(
          rc,
          400,
          "advance takes an ISO-8601 duration (PT1H, P1D, -PT5M); set an ISO-8601 instant"
              + " (2026-01-01T09:00:00Z)");
      return;
    }
    json(rc, 200, clockJson(clock));
  }

  private static Instant parseInstant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return OffsetDateTime.parse(text).toInstant();
    }
  }

  private void journal(RoutingContext rc) {
    String vendor = rc.queryParams().get("vendor");
    String operation = rc.queryParams().get("operation");
    Integer status;
    int limit;
    try {
      String s = rc.queryParams().get("status");
      status = s == null ? null : Integer.valueOf(s);
      String l = rc.queryParams().get("limit");
      limit = l == null ? 100 : Integer.parseInt(l);
    } catch (NumberFormatException e) {
      error(rc, 400, "status and limit must be whole numbers");
      return;
    }
    if (limit < 1 || limit > 1000) {
      error(rc, 400, "limit must be between 1 and 1000");
      return;
    }
    String world = rc.queryParams().get("world");
    Predicate<Exchange> filter =
        e ->
            (world == null || world.equals(e.world()))
                && (vendor == null || vendor.equals(e.vendor()))
                && (operation == null || operation.equals(e.operationId()))
                && (status == null || status == e.status());
    String shown = rc.queryParams().get("bodies");
    if (shown != null && !shown.equals("true") && !shown.equals("false")) {
      error(rc, 400, "bodies must be true or false, not " + shown);
      return;
    }
    boolean bodies = !"false".equals(shown);
    JsonArray found = new JsonArray();
    sandbox.journal().latest(filter, limit).forEach(e -> found.add(bodies ? toJson(e) : entry(e)));
    json(rc, 200, new JsonObject().put("exchanges", found));
  }

  private void clearJournal(RoutingContext rc) {
    sandbox.journal().clear();
    rc.response().setStatusCode(204).end();
  }

  /**
   * An exchange without its headers and bodies ({@code ?bodies=false}): what the inspector's list
   * reloads, at a fraction of the cost of redacting and encoding every body.
   */
  private JsonObject entry(Exchange e) {
    JsonArray violations = new JsonArray();
    e.violations()
        .forEach(
            v ->
                violations.add(
                    new JsonObject()
                        .put("in", v.in())
                        .put("location", sandbox.view().text(e, v.location()))
                        .put("message", sandbox.view().text(e, v.message()))));
    return ExchangeSummary.of(e, sandbox.view().uri(e))
        .put("violations", violations)
        .put("notes", new JsonArray(e.notes().stream().map(n -> (Object) n).toList()))
        .put("error", sandbox.view().text(e, e.error()));
  }

  JsonObject toJson(Exchange e) {
    String requestType = e.requestHeaders() == null ? null : e.requestHeaders().get("Content-Type");
    return entry(e)
        .put(
            "request",
            new JsonObject()
                .put("headers", sandbox.redactor().headers(e.requestHeaders()))
                .put("body", body(e, e.requestBody(), requestType, true)))
        .put(
            "response",
            new JsonObject()
                .put("headers", sandbox.redactor().headers(e.responseHeaders()))
                .put("body", body(e, e.responseBody(), e.responseContentType(), false)));
  }

  /** A kept body for display; a cut one says so, with the size the client really sent. */
  private Object body(Exchange e, Exchange.Captured captured, String contentType, boolean request) {
    if (captured.truncated()) {
      return "(" + captured.size() + " bytes, the first " + captured.kept().length() + " kept)";
    }
    return sandbox.view().body(e, captured.kept(), contentType, request, BODY_DISPLAY_LIMIT);
  }

  private void exchange(RoutingContext rc) {
    sandbox
        .journal()
        .find(rc.pathParam("id"))
        .ifPresentOrElse(
            e -> json(rc, 200, toJson(e)),
            () -> error(rc, 404, "no exchange " + rc.pathParam("id") + " in the journal"));
  }

  private void metrics(RoutingContext rc) {
    if (!(sandbox.metrics().registry() instanceof PrometheusMeterRegistry prometheus)) {
      error(rc, 404, "metrics are not kept in Prometheus format by this sandbox");
      return;
    }
    rc.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(prometheus.scrape());
  }

  /**
   * Snapshots and encodes the state on a worker thread: twenty thousand tickets take hundreds of
   * milliseconds to copy and encode, which on an event loop would hold up every vendor's requests.
   * Emulator state is thread-safe, so a worker may read it.
   */
  private void state(RoutingContext rc) {
    World world = world(rc);
    if (world == null) {
      return;
    }
    String only = rc.queryParams().get("vendor");
    if (only != null && world.emulator(only) == null) {
      error(rc, 400, "vendor '" + only + "' is not emulated in this sandbox");
      return;
    }
    rc.vertx()
        .executeBlocking(
            () -> {
              JsonObject state = new JsonObject();
              for (MountedVendor v : sandbox.vendors()) {
                if ((only == null || only.equals(v.id())) && world.emulator(v.id()) != null) {
                  state.put(v.id(), world.emulator(v.id()).snapshot());
                }
              }
              return state.toBuffer();
            },
            false)
        .onSuccess(
            body ->
                rc.response()
                    .setStatusCode(200)
                    .putHeader("Content-Type", "application/json")
                    .end(body))
        .onFailure(e -> error(rc, 500, "state could not be read: " + e.getMessage()));
  }

  /** {@code POST /tokens/revoke?vendor=hubsoft}: the vendor invalidates every token it issued. */
  private void revokeTokens(RoutingContext rc) {
    String only = rc.queryParams().get("vendor");
    World world = world(rc);
    if (world == null) {
      return;
    }
    if (only == null || !(world.emulator(only) instanceof RevokesTokens revoking)) {
      error(rc, 400, "name a vendor whose tokens can be revoked: ?vendor=hubsoft");
      return;
    }
    json(rc, 200, new JsonObject().put("vendor", only).put("revoked", revoking.revokeTokens()));
  }

  private void worlds(RoutingContext rc) {
    JsonArray names = new JsonArray();
    sandbox.worlds().all().forEach(w -> names.add(worldJson(w)));
    json(rc, 200, new JsonObject().put("worlds", names).put("max", sandbox.worlds().max()));
  }

  private static JsonObject worldJson(World w) {
    return new JsonObject()
        .put("name", w.name())
        .put("now", w.clock().now().toString())
        .put("frozen", w.clock().frozen());
  }

  /** {@code POST /worlds {"name":"test-42"}}: a world from the fixtures, before its first use. */
  private void createWorld(RoutingContext rc) {
    String name;
    try {
      name = rc.body().asJsonObject().getString("name");
    } catch (RuntimeException e) {
      name = null;
    }
    if (name == null) {
      error(rc, 400, "body must be {\"name\":\"…\"}");
      return;
    }
    try {
      World world = sandbox.worlds().create(name);
      json(rc, 201, worldJson(world));
    } catch (Failure f) {
      error(rc, f.kind() == Failure.Kind.PROTOCOL ? f.status() : 400, f.getMessage());
    }
  }

  private void deleteWorld(RoutingContext rc) {
    String name = rc.pathParam("name");
    if (World.DEFAULT.equals(name)) {
      error(rc, 400, "the default world cannot be deleted; reset it instead");
    } else if (sandbox.worlds().delete(name)) {
      sandbox.faults().disarmAll(name);
      rc.response().setStatusCode(204).end();
    } else {
      error(rc, 404, "no world named '" + name + "'");
    }
  }

  private void failure(RoutingContext rc) {
    int status = rc.statusCode() >= 400 ? rc.statusCode() : 500;
    error(rc, status, rc.failure() == null ? "request failed" : rc.failure().getMessage());
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  private static void error(RoutingContext rc, int status, String message) {
    json(rc, status, new JsonObject().put("error", message));
  }
}
