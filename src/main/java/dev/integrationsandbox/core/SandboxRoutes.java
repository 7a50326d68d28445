package dev.integrationsandbox.core;

import dev.integrationsandbox.admin.AdminRoutes;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.net.RFC3986;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one route table: the admin API under {@code /__sandbox/}, then every operation of every
 * mounted vendor at the path its contract gives, then each vendor's catch-all for its own prefixes
 * (answered in its dialect), then a plain 404 for paths no vendor owns. Tests build the same
 * router, so what they exercise is what users run.
 */
public final class SandboxRoutes {

  private SandboxRoutes() {}

  /** The path prefix that selects a world: {@code /__worlds/{name}/v2/btg-tickets/…}. */
  public static final String WORLDS_PREFIX = "/__worlds/";

  /**
   * Where every request goes once past the {@link RequestGate}: a vendor's path straight to the
   * routes under its prefix, as the root router of its request; the admin API, the worlds and the
   * other {@code /__} paths to {@link #router}. Each router level a request passes costs a routing
   * context and a walk of its routes (the admin mount, the world route's regular expression), a
   * tenth of a small request's time. The path is the one Vert.x routes by (dot segments removed,
   * unreserved escapes decoded), so a path that normalizes into {@code /__sandbox/} is the admin
   * API's as before.
   */
  public static Handler<HttpServerRequest> entry(Vertx vertx, Sandbox sandbox) {
    Dispatch dispatch = dispatch(vertx, sandbox);
    Router router = router(vertx, sandbox, dispatch);
    return request -> {
      String path = request.path() == null ? null : RFC3986.normalizePath(request.path());
      if (path == null || path.startsWith("/__")) {
        router.handle(request);
      } else {
        dispatch.routerFor(path).handle(request);
      }
    };
  }

  /** The admin API, the worlds, then every vendor's routes by prefix. */
  static Router router(Vertx vertx, Sandbox sandbox, Dispatch dispatch) {
    Router router = Router.router(vertx);
    router.route("/__sandbox/*").subRouter(AdminRoutes.router(vertx, sandbox));
    router.route(WORLDS_PREFIX + ":world/*").subRouter(vendorRouter(vertx, dispatch));
    router
        .route("/*")
        .handler(rc -> dispatch.routerFor(rc.normalizedPath()).handleContext(rc))
        .failureHandler(rc -> dispatch.routerFor(rc.normalizedPath()).handleFailure(rc));
    return router;
  }

  /**
   * A request the contract does not declare is forwarded by a mode that forwards invalid requests
   * (proxy without {@code --strict}), so its body is read first, within the vendor's limits.
   */
  private static io.vertx.ext.web.Route undeclared(
      Vertx vertx, Sandbox sandbox, MountedVendor vendor, io.vertx.ext.web.Route route) {
    if (vendor.handler().refusesInvalidRequests()) {
      return route;
    }
    return route.handler(body(vertx, sandbox, vendor, null));
  }

  /**
   * What reads a request's body: {@link BodyReader} reads it whole before the pipeline; a mode that
   * {@linkplain ModeHandler#streamsRequests streams requests} gets an {@link IncomingBody} to pass
   * on as it arrives, once the declared length is within the vendor's limit.
   */
  private static Handler<RoutingContext> body(
      Vertx vertx, Sandbox sandbox, MountedVendor vendor, String operationId) {
    long limit = vendor.limits().maxBodyBytes();
    long timeout = sandbox.config().readTimeout().toMillis();
    Pipeline pipeline = sandbox.pipeline();
    if (!vendor.handler().streamsRequests()) {
      return new BodyReader(
          vertx, pipeline, vendor, operationId, limit, sandbox.config().readTimeout());
    }
    return rc -> {
      if (IncomingBody.declaredLength(rc.request()) > limit) {
        rc.fail(413);
        return;
      }
      rc.put(
          IncomingBody.KEY,
          new IncomingBody(
              vertx,
              rc.request(),
              limit,
              timeout,
              (partial, why) -> pipeline.aborted(rc, vendor, operationId, partial, why)));
      rc.next();
    };
  }

  /**
   * The routes under each vendor prefix, and those of every other path. A request goes straight to
   * the routes that can match a path under the first vendor prefix it starts with, in their usual
   * order: Vert.x tries routes one by one (a regular expression each, for paths with parameters or
   * exact slashes), and trying every vendor's routes cost a third of the event loop's time on a
   * Vocom request, whose routes come last.
   */
  record Dispatch(Map<String, Router> byPrefix, Router unowned) {

    Router routerFor(String path) {
      String own = withoutWorld(path);
      if (own != null) {
        for (Map.Entry<String, Router> e : byPrefix.entrySet()) {
          if (own.startsWith(e.getKey())) {
            return e.getValue();
          }
        }
      }
      return unowned;
    }
  }

  static Dispatch dispatch(Vertx vertx, Sandbox sandbox) {
    Map<String, Router> byPrefix = new LinkedHashMap<>();
    for (MountedVendor vendor : sandbox.vendors()) {
      for (String prefix : vendor.vendor().pathPrefixes()) {
        byPrefix.putIfAbsent(prefix, routesUnder(vertx, sandbox, prefix));
      }
    }
    return new Dispatch(byPrefix, routesUnder(vertx, sandbox, null));
  }

  /** Every vendor's operations and catch-alls, then a plain 404, for the worlds' paths. */
  private static Router vendorRouter(Vertx vertx, Dispatch dispatch) {
    Router router = Router.router(vertx);
    router
        .route("/*")
        .handler(rc -> dispatch.routerFor(rc.normalizedPath()).handleContext(rc))
        .failureHandler(rc -> dispatch.routerFor(rc.normalizedPath()).handleFailure(rc));
    return router;
  }

  /**
   * The routes that can match a path starting with {@code prefix} (every route when null), in the
   * order of the full table: each vendor's operations and 405s, the catch-alls, the 404.
   */
  private static Router routesUnder(Vertx vertx, Sandbox sandbox, String prefix) {
    Router router = Router.router(vertx);
    Pipeline pipeline = sandbox.pipeline();
    for (MountedVendor vendor : sandbox.vendors()) {
      Map<String, List<String>> methodsByPath = new LinkedHashMap<>();
      for (Operation op : vendor.contract().operations()) {
        String path = op.getOpenAPIPath();
        if (!overlaps(prefix, path)) {
          continue;
        }
        methodsByPath.computeIfAbsent(path, p -> new ArrayList<>()).add(op.getHttpMethod().name());
        route(router, vendor, op.getHttpMethod(), path)
            .handler(body(vertx, sandbox, vendor, op.getOperationId()))
            .handler(pipeline.operation(vendor, op.getOperationId()))
            .failureHandler(pipeline.failure(vendor, op.getOperationId()));
      }
      methodsByPath.forEach(
          (path, methods) ->
              undeclared(vertx, sandbox, vendor, route(router, vendor, null, path))
                  .handler(pipeline.methodNotAllowed(vendor, methods))
                  .failureHandler(pipeline.failure(vendor, null)));
    }
    for (MountedVendor vendor : sandbox.vendors()) {
      for (String owned : vendor.vendor().pathPrefixes()) {
        if (overlaps(prefix, owned)) {
          undeclared(vertx, sandbox, vendor, router.route(owned + "*"))
              .handler(pipeline.unmatched(vendor))
              .failureHandler(pipeline.failure(vendor, null));
        }
      }
    }
    router
        .route()
        .handler(
            rc ->
                rc.response()
                    .setStatusCode(404)
                    .putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("message", "Not Found").encode()));
    return router;
  }

  /**
   * Whether a path starting with {@code prefix} can match a contract path or a vendor prefix,
   * segment by segment: each literal segment of the template equals the prefix's (or, for the
   * prefix's unfinished last segment, starts with it), and a segment holding a parameter matches
   * any. BTG's {@code /{userPoolId}/.well-known/jwks.json} cannot match {@code
   * /api/v1/integracao/…}, so HubSoft's requests no longer try its routes' regular expressions
   * first.
   */
  static boolean overlaps(String prefix, String template) {
    if (prefix == null) {
      return true;
    }
    String[] fixed = prefix.split("/", -1);
    String[] wanted = template.split("/", -1);
    for (int i = 1; i < Math.min(fixed.length, wanted.length); i++) {
      String want = wanted[i];
      if (want.indexOf('{') >= 0) {
        continue;
      }
      boolean unfinished = i == fixed.length - 1;
      if (unfinished ? !want.startsWith(fixed[i]) : !want.equals(fixed[i])) {
        return false;
      }
    }
    return true;
  }

  /** {@code /__worlds/a/v2/x} → {@code /v2/x}; other paths as they are. */
  public static String withoutWorld(String path) {
    int end = worldEnd(path);
    return end < 0 ? path : end == path.length() ? "/" : path.substring(end);
  }

  /** {@code /__worlds/a/v2/x} → {@code a}; null for a path without the world prefix. */
  static String worldOf(String path) {
    int end = worldEnd(path);
    return end < 0 ? null : path.substring(WORLDS_PREFIX.length(), end);
  }

  /** Where the world's name ends in a path with the world prefix; -1 without one. */
  private static int worldEnd(String path) {
    if (path == null || !path.startsWith(WORLDS_PREFIX)) {
      return -1;
    }
    int slash = path.indexOf('/', WORLDS_PREFIX.length());
    return slash < 0 ? path.length() : slash;
  }

  /**
   * The route of a contract path, for one method or (null) any. A vendor with exact paths gets a
   * regular expression that takes the path only as the contract writes it, trailing slash included;
   * other vendors' paths match with and without it.
   */
  private static Route route(Router router, MountedVendor vendor, HttpMethod method, String path) {
    if (!vendor.vendor().exactPaths()) {
      return method == null ? router.route(routePath(path)) : router.route(method, routePath(path));
    }
    String regex = exactRegex(path);
    return method == null ? router.routeWithRegex(regex) : router.routeWithRegex(method, regex);
  }

  /** {@code /a/{id}/b/} → {@code ^/a/(?<id>[^/]+)/b/$}. */
  static String exactRegex(String openApiPath) {
    StringBuilder regex = new StringBuilder("^");
    Matcher m = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}").matcher(openApiPath);
    int last = 0;
    while (m.find()) {
      regex.append(Pattern.quote(openApiPath.substring(last, m.start())));
      regex.append("(?<").append(m.group(1)).append(">[^/]+)");
      last = m.end();
    }
    return regex.append(Pattern.quote(openApiPath.substring(last))).append('$').toString();
  }

  /** The vendor whose path prefixes cover this raw path (after any world prefix), if any. */
  static java.util.Optional<MountedVendor> vendorOwning(Sandbox sandbox, String rawPath) {
    String path = withoutWorld(rawPath);
    if (path == null) {
      return java.util.Optional.empty();
    }
    for (MountedVendor v : sandbox.vendors()) {
      for (String prefix : v.vendor().pathPrefixes()) {
        if (path.startsWith(prefix)) {
          return java.util.Optional.of(v);
        }
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * {@code /customers/{document}/tickets} → {@code /customers/:document/tickets}, without a
   * trailing slash: a Vert.x route without one matches the path with and without it, as Vocom's
   * server does ({@code /interact_cti/agent/login/} and {@code /interact_cti/agent/login}).
   */
  static String routePath(String openApiPath) {
    String path = openApiPath.replaceAll("\\{([^}/]+)}", ":$1");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
