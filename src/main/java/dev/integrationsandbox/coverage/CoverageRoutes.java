package dev.integrationsandbox.coverage;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET} and {@code DELETE /__sandbox/coverage}, mounted on the admin router behind its guard,
 * kept apart from {@code AdminRoutes} so that the coverage API grows (worlds, formats) without
 * touching the rest of the admin API.
 *
 * <pre>
 * curl -X DELETE localhost:8080/__sandbox/coverage
 * curl 'localhost:8080/__sandbox/coverage?vendor=vocom'
 * curl 'localhost:8080/__sandbox/coverage?format=junit' &gt; target/surefire-reports/TEST-sandbox.xml
 * </pre>
 */
public final class CoverageRoutes {

  private final WorldCoverage coverage;

  private CoverageRoutes(WorldCoverage coverage) {
    this.coverage = coverage;
  }

  /** Adds the coverage operations to the admin router, after its guard. */
  public static void mount(Router router, WorldCoverage coverage) {
    CoverageRoutes routes = new CoverageRoutes(coverage);
    router.get("/coverage").handler(routes::report);
    router.delete("/coverage").handler(routes::reset);
  }

  /** The report of one world ({@code ?world=}) or of the whole sandbox, of one vendor or all. */
  private void report(RoutingContext rc) {
    String vendor = rc.queryParams().get("vendor");
    String format = rc.queryParams().get("format");
    if (vendor != null && !coverage.of(null).vendors().contains(vendor)) {
      error(rc, 400, "vendor '" + vendor + "' is not running in this sandbox");
      return;
    }
    if (format != null && !format.equals("json") && !format.equals("junit")) {
      error(rc, 400, "format is json (the default) or junit");
      return;
    }
    String world = rc.queryParams().get("world");
    CoverageReport report = coverage.of(world).report(vendor);
    if ("junit".equals(format)) {
      rc.response()
          .setStatusCode(200)
          .putHeader("Content-Type", "application/xml; charset=utf-8")
          .end(report.toJUnitXml());
      return;
    }
    JsonObject body = new JsonObject().put("world", world);
    body.mergeIn(report.toJson());
    rc.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  private void reset(RoutingContext rc) {
    coverage.reset(rc.queryParams().get("world"));
    rc.response().setStatusCode(204).end();
  }

  private static void error(RoutingContext rc, int status, String message) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", message).encode());
  }
}
