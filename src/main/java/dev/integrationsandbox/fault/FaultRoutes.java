package dev.integrationsandbox.fault;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code /__sandbox/faults}: arm, list and disarm faults, mounted on the admin router behind its
 * guard. A fault hits a vendor's calls (optionally one operation, one world) for the next N calls
 * or with a probability.
 *
 * <pre>
 * curl -X POST localhost:8080/__sandbox/faults -d '{"vendor":"btg","preset":"throttled","times":2}'
 * curl -X POST 'localhost:8080/__sandbox/faults?world=ci-7' \
 *   -d '{"vendor":"vocom","operation":"callServices","kind":"latency","latency":"PT30S"}'
 * curl localhost:8080/__sandbox/faults
 * curl -X DELETE localhost:8080/__sandbox/faults
 * </pre>
 */
public final class FaultRoutes {

  private final Faults faults;
  private final FaultRequest requests;
  private final Map<String, FaultTarget> targets;

  private FaultRoutes(Faults faults, List<FaultTarget> targets, Predicate<String> validWorld) {
    this.faults = faults;
    Map<String, FaultTarget> byVendor = new LinkedHashMap<>();
    targets.forEach(t -> byVendor.put(t.vendor(), t));
    this.targets = byVendor;
    this.requests = new FaultRequest(byVendor, validWorld);
  }

  /**
   * Adds the fault operations to the admin router, after its guard and body handler.
   *
   * @param validWorld whether a name can be a world's
   */
  public static void mount(
      Router router, Faults faults, List<FaultTarget> targets, Predicate<String> validWorld) {
    FaultRoutes routes = new FaultRoutes(faults, targets, validWorld);
    router.post("/faults").handler(routes::arm);
    router.get("/faults").handler(routes::list);
    router.delete("/faults").handler(routes::disarmAll);
    router.delete("/faults/:id").handler(routes::disarm);
  }

  private void arm(RoutingContext rc) {
    if (rc.body().length() > Faults.MAX_REQUEST_BYTES) {
      error(
          rc,
          400,
          "a fault is at most "
              + Faults.MAX_REQUEST_BYTES
              + " bytes of JSON (its custom body included); this one is "
              + rc.body().length());
      return;
    }
    JsonObject body;
    try {
      body = rc.body().asJsonObject();
    } catch (RuntimeException e) {
      body = null;
    }
    if (body == null) {
      error(
          rc,
          400,
          "body must be a JSON object such as {\"vendor\":\"btg\",\"preset\":\"throttled\"}");
      return;
    }
    Fault fault;
    try {
      fault = requests.parse(body, rc.queryParams().get("world"), faults.nextId());
    } catch (IllegalArgumentException e) {
      error(rc, 400, e.getMessage());
      return;
    }
    if (!faults.arm(fault)) {
      error(rc, 409, Faults.MAX + " faults are armed already; disarm some first");
      return;
    }
    json(rc, 201, fault.toJson());
  }

  private void list(RoutingContext rc) {
    JsonArray armed = new JsonArray();
    faults.list(rc.queryParams().get("world")).forEach(f -> armed.add(f.toJson()));
    JsonObject presets = new JsonObject();
    targets
        .values()
        .forEach(t -> presets.put(t.vendor(), new JsonArray(List.copyOf(t.presetNames()))));
    json(rc, 200, new JsonObject().put("faults", armed).put("presets", presets));
  }

  private void disarmAll(RoutingContext rc) {
    faults.disarmAll(rc.queryParams().get("world"));
    rc.response().setStatusCode(204).end();
  }

  private void disarm(RoutingContext rc) {
    if (faults.disarm(rc.pathParam("id"))) {
      rc.response().setStatusCode(204).end();
    } else {
      error(rc, 404, "no armed fault " + rc.pathParam("id"));
    }
  }

  private static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response().setStatusCode(status);
    rc.json(body);
  }

  private static void error(RoutingContext rc, int status, String message) {
    json(rc, status, new JsonObject().put("error", message));
  }
}
