package dev.integrationsandbox.inspector;

import dev.integrationsandbox.config.SandboxVersion;
import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.Sandbox;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.exchange.ExchangeSummary;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The traffic inspector: a page in the jar at {@code /__sandbox/ui/}, the live stream it listens to
 * ({@code /__sandbox/events}) and what it shows in its header ({@code /__sandbox/about}). Mounted
 * on the admin router after its guard, so the page and every call it makes pass the same token,
 * loopback, Origin and Host checks as {@code curl} does; the page changes state only through the
 * admin API itself.
 */
public final class InspectorRoutes {

  private final Sandbox sandbox;

  private InspectorRoutes(Sandbox sandbox) {
    this.sandbox = sandbox;
  }

  public static void mount(Router router, Sandbox sandbox) {
    InspectorRoutes routes = new InspectorRoutes(sandbox);
    router.get("/ui").handler(InspectorRoutes::slash);
    router
        .get("/ui/*")
        .handler(
            StaticHandler.create("inspector")
                .setCachingEnabled(false)
                .setDirectoryListing(false)
                .setIncludeHidden(false));
    router.get("/events").handler(routes::events);
    router.get("/about").handler(routes::about);
  }

  /** {@code /__sandbox/ui} → {@code ui/}, so that the page's relative module paths resolve. */
  private static void slash(RoutingContext rc) {
    if (rc.request().path().endsWith("/")) {
      rc.next();
    } else {
      rc.response().setStatusCode(301).putHeader("Location", "ui/").end();
    }
  }

  private void about(RoutingContext rc) {
    JsonObject vendors = new JsonObject();
    for (MountedVendor v : sandbox.vendors()) {
      vendors.put(v.id(), new JsonObject().put("mode", v.mode().id()));
    }
    var recordDir = sandbox.config().proxy().recordDir();
    rc.response()
        .putHeader("Content-Type", "application/json")
        .end(
            new JsonObject()
                .put("version", SandboxVersion.get())
                .put("vendors", vendors)
                .put("recordDir", recordDir == null ? null : recordDir.toString())
                .put("feed", sandbox.feed().toJson())
                .encode());
  }

  /**
   * {@code text/event-stream} of exchange summaries; the page fetches a detail from the journal
   * when it is opened, so the stream stays small whatever the bodies.
   */
  private void events(RoutingContext rc) {
    HttpServerResponse response = rc.response();
    FeedSubscriber subscriber =
        new FeedSubscriber(
            rc.vertx().getOrCreateContext(), response, this::summary, sandbox.feed()::dropped);
    if (!sandbox.feed().add(subscriber)) {
      response
          .setStatusCode(503)
          .putHeader("Content-Type", "application/json")
          .end(
              new JsonObject()
                  .put("error", ExchangeFeed.MAX_SUBSCRIBERS + " inspector pages are open already")
                  .encode());
      return;
    }
    response
        .setChunked(true)
        .putHeader("Content-Type", "text/event-stream")
        .putHeader("Cache-Control", "no-store")
        .closeHandler(
            v -> {
              subscriber.stop();
              sandbox.feed().remove(subscriber);
            });
    response.write("retry: 2000\nevent: hello\ndata: {}\n\n");
    subscriber.start();
  }

  private JsonObject summary(Exchange e) {
    return ExchangeSummary.of(e, sandbox.view().uri(e))
        .put("violations", e.violations().size())
        .put("notes", e.notes().size())
        .put("faulted", e.faulted());
  }
}
