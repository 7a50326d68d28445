package dev.integrationsandbox.core;

import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.exchange.ExchangeMetrics;
import dev.integrationsandbox.spi.Vendor;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts a sandbox: loads every vendor, then listens with one HTTP verticle per event loop it may
 * use, all on the same port (0 picks a free one, as tests do).
 *
 * <pre>
 * SandboxServer.start(vertx, config, registry).onSuccess(s -&gt; s.port());
 * </pre>
 */
public final class SandboxServer {

  private final Vertx vertx;
  private final Sandbox sandbox;
  private final int port;
  private final String deployment;
  private final long expiry;
  private final ConnectionGuard guard;

  private SandboxServer(
      Vertx vertx, Sandbox sandbox, int port, String deployment, ConnectionGuard guard) {
    this.guard = guard;
    this.vertx = vertx;
    this.sandbox = sandbox;
    this.port = port;
    this.deployment = deployment;
    this.expiry = vertx.setPeriodic(WORLD_SWEEP_MILLIS, id -> sandbox.worlds().expire());
  }

  /** How often idle worlds are looked for. */
  static final long WORLD_SWEEP_MILLIS = 30_000;

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

  /**
   * Deploys one HTTP verticle per event loop. Port 0 becomes -1: Vert.x then binds one random port
   * and lets every instance share it, where 0 would give each instance a port of its own.
   */
  private static Future<SandboxServer> listen(
      Vertx vertx, Sandbox sandbox, SandboxConfig config, int loops) {
    int port = config.port() == 0 ? -1 : config.port();
    AtomicInteger bound = new AtomicInteger();
    ConnectionGuard guard =
        new ConnectionGuard(vertx, config.idleTimeout(), config.maxConnections());
    return vertx
        .deployVerticle(
            () -> new HttpVerticle(sandbox, guard, config.host(), port, bound),
            new DeploymentOptions().setInstances(loops))
        .map(id -> new SandboxServer(vertx, sandbox, bound.get(), id, guard));
  }

  public int port() {
    return port;
  }

  public Sandbox sandbox() {
    return sandbox;
  }

  public Future<Void> stop() {
    vertx.cancelTimer(expiry);
    guard.stop();
    return vertx.undeploy(deployment).eventually(sandbox::close);
  }
}
