package dev.integrationsandbox.core;

import dev.integrationsandbox.admin.AdminRoutes;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.openapi.contract.Operation;

/**
 * The one route table: the admin API under {@code /__sandbox/}, then every operation of every
 * mounted vendor at the path its contract gives, then each vendor's catch-all for its own prefixes
 * (answered in its dialect), then a plain 404 for paths no vendor owns. Tests build the same
 * router, so what they exercise is what users run.
 */
public final class SandboxRoutes {

  private SandboxRoutes() {}

  public static Router router(Vertx vertx, Sandbox sandbox) {
    Router router = Router.router(vertx);
    router.route("/__sandbox/*").subRouter(AdminRoutes.router(vertx, sandbox));
    Pipeline pipeline = sandbox.pipeline();
    BodyHandler body =
        BodyHandler.create(false)
            .setBodyLimit(sandbox.config().bodyLimitBytes())
            .setDeleteUploadedFilesOnEnd(true);
    for (MountedVendor vendor : sandbox.vendors()) {
      for (Operation op : vendor.contract().operations()) {
        router
            .route(op.getHttpMethod(), routePath(op.getOpenAPIPath()))
            .handler(body)
            .handler(pipeline.operation(vendor, op.getOperationId()))
            .failureHandler(pipeline.failure(vendor, op.getOperationId()));
      }
    }
    for (MountedVendor vendor : sandbox.vendors()) {
      for (String prefix : vendor.vendor().pathPrefixes()) {
        router
            .route(prefix + "*")
            .handler(pipeline.unmatched(vendor))
            .failureHandler(pipeline.failure(vendor, null));
      }
    }
    router
        .route()
        .handler(
            rc -> {
              JsonObject owners = new JsonObject();
              sandbox
                  .vendors()
                  .forEach(v -> owners.put(v.id(), String.join(" ", v.vendor().pathPrefixes())));
              rc.response()
                  .setStatusCode(404)
                  .putHeader("Content-Type", "application/json")
                  .end(
                      new JsonObject()
                          .put("message", "No vendor of this sandbox serves " + rc.normalizedPath())
                          .put("vendors", owners)
                          .encode());
            });
    return router;
  }

  /** The vendor whose path prefixes cover this raw path, if any. */
  static java.util.Optional<MountedVendor> vendorOwning(Sandbox sandbox, String path) {
    return sandbox.vendors().stream()
        .filter(
            v ->
                v.vendor().pathPrefixes().stream()
                    .anyMatch(p -> path != null && path.startsWith(p)))
        .findFirst();
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
