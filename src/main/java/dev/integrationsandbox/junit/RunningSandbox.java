package dev.integrationsandbox.junit;

import dev.integrationsandbox.config.ConfigLoader;
import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.SandboxServer;
import dev.integrationsandbox.core.Vendors;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox started in this JVM, with a Vert.x instance of its own, kept in JUnit's root store so
 * that it starts once for every test class that asks for the same flags and stops when the test run
 * ends. Its start and stop wait on the calling JUnit thread, never on an event loop.
 */
final class RunningSandbox implements ExtensionContext.Store.CloseableResource {

  private static final long START_TIMEOUT_SECONDS = 60;

  private final Vertx vertx;
  private final SandboxServer server;
  private final String root;
  private final AdminHttp http;

  private RunningSandbox(Vertx vertx, SandboxServer server, String host) {
    this.vertx = vertx;
    this.server = server;
    this.root = "http://" + host + ":" + server.port();
    this.http = new AdminHttp(root, server.sandbox().config().adminToken());
  }

  /**
   * Starts a sandbox with {@code flags}, as the command line takes them. The environment's {@code
   * SANDBOX_*} variables are ignored: in CI they are often meant for a standalone sandbox beside
   * the tests, not for this one.
   */
  static RunningSandbox start(List<String> flags) {
    SandboxConfig config =
        new ConfigLoader(Map.of(), Vendors::ids).load(flags.toArray(String[]::new));
    Vertx vertx = Vertx.vertx();
    try {
      SandboxServer server =
          SandboxServer.start(vertx, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return new RunningSandbox(vertx, server, reachableHost(config.host()));
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("the sandbox did not start: " + e.getMessage(), e);
    }
  }

  /** A wildcard address is reached through loopback. */
  private static String reachableHost(String host) {
    return switch (host) {
      case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
      default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    };
  }

  String root() {
    return root;
  }

  int port() {
    return server.port();
  }

  List<String> vendors() {
    return server.sandbox().vendors().stream().map(MountedVendor::id).toList();
  }

  /** A new world of that name, made from the fixtures. */
  SandboxWorld createWorld(String name) {
    http.post("/worlds", new JsonObject().put("name", name), 201);
    return new SandboxWorld(name, root, vendors(), new SandboxAdmin(http, name));
  }

  void deleteWorld(String name) {
    http.delete("/worlds/" + name);
  }

  @Override
  public void close() throws Exception {
    try {
      server.stop().await(30, TimeUnit.SECONDS);
    } finally {
      vertx.close().await(30, TimeUnit.SECONDS);
    }
  }
}
