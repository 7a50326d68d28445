package sandbox.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import sandbox.config.SandboxConfig;
import sandbox.exchange.ExchangeMetrics;
import sandbox.vendor.Vendor;

/**
 * Starts a sandbox: loads every vendor, then listens with one HTTP verticle per event loop it may
 * use. The first verticle binds the configured port (0 picks a free one, as tests do); the others
 * bind the port it got, so they share it.
 *
 * <pre>
 * SandboxServer.start(vertx, config, registry).onSuccess(s -&gt; s.port());
 * </pre>
 */
public final class SandboxServer {

  private final Vertx vertx;
  private final Sandbox sandbox;
  private final int port;
  private final List<String> deployments;

  private SandboxServer(Vertx vertx, Sandbox sandbox, int port, List<String> deployments) {
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.port = port;
    this.deployments = deployments;
  }

  public static Future<SandboxServer> start(
      Vertx vertx, SandboxConfig config, MeterRegistry registry) {
    return start(
        vertx, config, registry, Vendors.available(), Runtime.getRuntime().availableProcessors());
  }

  public static Future<SandboxServer> start(
      Vertx vertx, SandboxConfig config, MeterRegistry registry, List<Vendor> vendors, int loops) {
    return Sandbox.load(vertx, config, new ExchangeMetrics(registry), vendors)
        .compose(sandbox -> listen(vertx, sandbox, config, Math.max(1, loops)));
  }

  private static Future<SandboxServer> listen(
      Vertx vertx, Sandbox sandbox, SandboxConfig config, int loops) {
    HttpVerticle first = new HttpVerticle(sandbox, config.host(), config.port());
    return vertx
        .deployVerticle(first)
        .compose(
            firstId -> {
              int port = first.actualPort();
              if (loops == 1) {
                return Future.succeededFuture(
                    new SandboxServer(vertx, sandbox, port, List.of(firstId)));
              }
              return vertx
                  .deployVerticle(
                      () -> new HttpVerticle(sandbox, config.host(), port),
                      new DeploymentOptions().setInstances(loops - 1))
                  .map(restId -> new SandboxServer(vertx, sandbox, port, List.of(firstId, restId)));
            });
  }

  public int port() {
    return port;
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public Future<Void> stop() {
    return Future.all(deployments.stream().map(vertx::undeploy).toList()).mapEmpty();
  }
}
