package dev.integrationsandbox;

import dev.integrationsandbox.cli.Tools;
import dev.integrationsandbox.config.ConfigException;
import dev.integrationsandbox.config.ConfigLoader;
import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.SandboxServer;
import dev.integrationsandbox.core.Vendors;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Command line → configuration → a started sandbox; or, when the first argument names one, a
 * recording tool ({@link Tools}). Nothing else.
 */
public final class Main {

  /**
   * Not a static field: taking a logger sets logging up (some 60 ms of a cold start), which the
   * thread that makes {@link Runtime} does while this one parses the command line.
   */
  private static Logger log() {
    return LoggerFactory.getLogger("integration-sandbox");
  }

  private Main() {}

  /**
   * Starts the sandbox as configured; with {@code --check}, stops again as soon as it is ready:
   * exit 0 when the configuration, contracts and fixtures load and the port binds. The build uses
   * that run to record the class-data-sharing archive that halves start-up.
   */
  public static void main(String[] args) {
    withoutNettyFlightRecorderEvents();
    if (Tools.names(args)) {
      System.exit(Tools.run(args));
      return;
    }
    long started = System.nanoTime();
    CompletableFuture<Runtime> runtime = CompletableFuture.supplyAsync(Runtime::create);
    SandboxConfig config;
    try {
      config = new ConfigLoader(System.getenv(), Vendors::ids).load(args);
    } catch (ConfigLoader.HelpRequested help) {
      System.out.print(help.getMessage());
      System.exit(0);
      return;
    } catch (ConfigException e) {
      System.err.println("integration-sandbox: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = runtime.join().vertx();
    PrometheusMeterRegistry registry = runtime.join().registry();
    SandboxServer.start(vertx, config, registry)
        .onSuccess(server -> announce(server, (System.nanoTime() - started) / 1_000_000))
        .onSuccess(
            server -> {
              if (config.checkOnly()) {
                answersHealth(vertx, server)
                    .onComplete(
                        answered -> {
                          if (answered.succeeded()) {
                            log()
                                .info(
                                    "check passed: configuration, contracts and fixtures load, and"
                                        + " /__sandbox/health answers 200");
                          } else {
                            System.err.println(
                                "integration-sandbox: --check: " + answered.cause().getMessage());
                          }
                          int code = answered.succeeded() ? 0 : 1;
                          vertx.close().onComplete(done -> System.exit(code));
                        });
              } else {
                vertx.setTimer(JVM_METRICS_DELAY_MILLIS, id -> bindJvmMetrics(vertx, registry));
              }
            })
        .onFailure(
            e -> {
              System.err.println("integration-sandbox: " + rootMessage(e));
              vertx.close().onComplete(done -> System.exit(1));
            });
  }

  /**
   * Netty reports its buffer allocations as Flight Recorder events when the JVM has a flight
   * recorder, recording or not: the first buffer it allocates, on the first request, then sets up
   * the recorder's event metadata, a few hundred classes and a tenth of a second of a cold start's
   * first answer. {@code -Dio.netty.jfr.enabled=true} brings the events back for a profiling run.
   */
  private static void withoutNettyFlightRecorderEvents() {
    if (System.getProperty("io.netty.jfr.enabled") == null) {
      System.setProperty("io.netty.jfr.enabled", "false");
    }
  }

  /**
   * Logging, Vert.x and its metrics registry, made on another thread while the command line is
   * parsed: they do not depend on the configuration, and each costs about a tenth of a second of a
   * cold start.
   */
  private record Runtime(Vertx vertx, PrometheusMeterRegistry registry) {
    static Runtime create() {
      log();
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      Vertx vertx =
          Vertx.builder()
              .with(
                  new VertxOptions()
                      .setMetricsOptions(
                          new MicrometerMetricsOptions()
                              .setEnabled(true)
                              .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
                              .addDisabledMetricsCategory(MetricsDomain.NET_SERVER)))
              .withMetrics(new MicrometerMetricsFactory(registry))
              .build();
      return new Runtime(vertx, registry);
    }
  }

  /**
   * {@code --check} asks its own health endpoint once, as a probe would: the check then covers the
   * request path too, and the build's training run for the class-data-sharing archive loads the
   * classes of serving a request, which each cold start otherwise loaded before its first answer.
   */
  private static Future<Void> answersHealth(Vertx vertx, SandboxServer server) {
    SandboxConfig config = server.sandbox().config();
    boolean tls = config.tlsCert() != null;
    HttpClient client =
        vertx.createHttpClient(
            new HttpClientOptions().setSsl(tls).setTrustAll(tls).setVerifyHost(false));
    String host = config.host();
    String target = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    return client
        .request(HttpMethod.GET, server.port(), target, "/__sandbox/health")
        .compose(HttpClientRequest::send)
        .compose(
            response ->
                response
                    .body()
                    .compose(
                        body ->
                            response.statusCode() == 200
                                ? Future.<Void>succeededFuture()
                                : Future.<Void>failedFuture(
                                    "/__sandbox/health answered "
                                        + response.statusCode()
                                        + ": "
                                        + body)))
        .eventually(client::close);
  }

  private static void announce(SandboxServer server, long millis) {
    for (MountedVendor v : server.sandbox().vendors()) {
      log()
          .info(
              "{} ({}) {}: {} operations, {}",
              v.id(),
              v.vendor().title(),
              v.mode().id(),
              v.contract().operations().size(),
              v.emulation() != null
                  ? v.emulation().summary()
                  : v.mode() == Mode.PROXY
                      ? "no fixtures (forwarded)"
                      : "answered from recordings");
    }
    String host = server.sandbox().config().host();
    String shown = host.equals("0.0.0.0") || host.equals("::") ? "localhost" : host;
    String scheme = server.sandbox().config().tlsCert() == null ? "http" : "https";
    log()
        .info(
            "ready in {} ms on {}://{}:{} - try: curl {}://{}:{}/__sandbox/health",
            millis,
            scheme,
            shown,
            server.port(),
            scheme,
            shown,
            server.port());
  }

  /**
   * JVM meters (memory, GC, threads) are bound a while after the server listens: binding them loads
   * a few hundred classes that nobody needs before the first request, and done at once it took the
   * second core from the first request, whose answer came about a tenth of a second later.
   */
  static final long JVM_METRICS_DELAY_MILLIS = 3_000;

  /** Binds the JVM meters, on a worker thread. */
  private static void bindJvmMetrics(Vertx vertx, PrometheusMeterRegistry registry) {
    vertx.executeBlocking(
        () -> {
          new ClassLoaderMetrics().bindTo(registry);
          new JvmMemoryMetrics().bindTo(registry);
          new JvmGcMetrics().bindTo(registry);
          new ProcessorMetrics().bindTo(registry);
          new JvmThreadMetrics().bindTo(registry);
          return null;
        });
  }

  /**
   * The failure and its root cause, on one line: a start-up problem is one sentence, not a trace.
   */
  private static String rootMessage(Throwable e) {
    if (e instanceof ConfigException) {
      return e.getMessage();
    }
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String top = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String message =
        t == e || t.getMessage() == null || top.contains(t.getMessage())
            ? top
            : top + " (" + t.getMessage() + ")";
    String line = message.split("\\R", 2)[0];
    for (String noise : new String[] {" (start marker", " at [Source:"}) {
      int at = line.indexOf(noise);
      line = at > 0 ? line.substring(0, at) : line;
    }
    return line;
  }
}
