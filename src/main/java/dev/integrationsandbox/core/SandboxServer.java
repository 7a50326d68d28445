package dev.integrationsandbox.core;

import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.exchange.ExchangeMetrics;
import dev.integrationsandbox.spi.Vendor;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
   * Deploys one HTTP verticle per event loop, all on one port that Vert.x shares between them. Port
   * 0 is first turned into a free port chosen by the operating system: Vert.x's own "any port,
   * shared" (-1) was seen to hand a second sandbox in the same JVM the port of the first, so that
   * each answered the other's requests. A port taken by someone else between the choice and the
   * bind is chosen again.
   */
  private static Future<SandboxServer> listen(
      Vertx vertx, Sandbox sandbox, SandboxConfig config, int loops) {
    ConnectionGuard guard =
        new ConnectionGuard(vertx, config.idleTimeout(), config.maxConnections());
    return deploy(vertx, sandbox, config, loops, guard, 3).onFailure(e -> guard.stop());
  }

  private static Future<SandboxServer> deploy(
      Vertx vertx,
      Sandbox sandbox,
      SandboxConfig config,
      int loops,
      ConnectionGuard guard,
      int attempts) {
    Future<Integer> port =
        config.port() != 0
            ? Future.succeededFuture(config.port())
            : vertx.executeBlocking(() -> freePort(config.host()), false);
    AtomicInteger bound = new AtomicInteger();
    return port.compose(
            p ->
                vertx.deployVerticle(
                    () -> new HttpVerticle(sandbox, guard, config.host(), p, bound),
                    new DeploymentOptions().setInstances(loops)))
        .map(id -> new SandboxServer(vertx, sandbox, bound.get(), id, guard))
        .recover(
            e ->
                config.port() == 0 && attempts > 1
                    ? deploy(vertx, sandbox, config, loops, guard, attempts - 1)
                    : Future.failedFuture(e));
  }

  private static int freePort(String host) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
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
