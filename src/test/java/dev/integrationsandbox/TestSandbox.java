package dev.integrationsandbox;

import dev.integrationsandbox.config.ConfigLoader;
import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.contract.ContractDocument;
import dev.integrationsandbox.core.MountedVendor;
import dev.integrationsandbox.core.SandboxServer;
import dev.integrationsandbox.exchange.Exchange;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A sandbox on a free loopback port, configured as a user would (the same flags, the repository's
 * contracts and fixtures), with a web client pointed at it. Its helpers wait with {@code
 * Future.await()}: call them on the test's own thread, never on an event loop.
 *
 * <p>{@link #verifyContracts()} holds every answer the sandbox gave to its vendor's contract with
 * vertx-openapi's own {@code ResponseValidator}, independently of the sandbox's validator: call it
 * after each test.
 */
public final class TestSandbox {

  private final Vertx vertx;
  private final SandboxServer server;
  private final WebClient client;
  private final PrometheusMeterRegistry registry;
  private int verified;
  private String lastVerified;

  private TestSandbox(
      Vertx vertx, SandboxServer server, WebClient client, PrometheusMeterRegistry registry) {
    this.vertx = vertx;
    this.server = server;
    this.client = client;
    this.registry = registry;
  }

  /**
   * Vocom's call_services answers after ten seconds by default, as the vendor's does; tests that
   * are not about that latency run without it (a test that passes its own {@code --config} decides
   * for itself).
   */
  public static final List<String> FAST_VOCOM =
      List.of("--vendor-option", "vocom.latency.callServices=PT0S");

  public static Future<TestSandbox> start(Vertx vertx, String... flags) {
    return start(vertx, Map.of(), flags);
  }

  /**
   * A sandbox that also sees {@code env} as its environment (SANDBOX_* variables); on loopback
   * unless the flags name a {@code --host}.
   */
  public static Future<TestSandbox> start(Vertx vertx, Map<String, String> env, String... flags) {
    List<String> args = new ArrayList<>(List.of("--port", "0", "--response-validation", "all"));
    if (!List.of(flags).contains("--host")) {
      args.addAll(List.of("--host", "127.0.0.1"));
    }
    if (!List.of(flags).contains("--config")) {
      args.addAll(FAST_VOCOM);
    }
    args.addAll(List.of(flags));
    SandboxConfig config =
        new ConfigLoader(env, dev.integrationsandbox.core.Vendors::ids)
            .load(args.toArray(String[]::new));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    return SandboxServer.start(vertx, config, registry)
        .map(
            server ->
                new TestSandbox(
                    vertx,
                    server,
                    WebClient.create(
                        vertx,
                        new WebClientOptions()
                            .setDefaultHost("127.0.0.1")
                            .setDefaultPort(server.port())),
                    registry));
  }

  public Vertx vertx() {
    return vertx;
  }

  public WebClient client() {
    return client;
  }

  public int port() {
    return server.port();
  }

  public SandboxServer server() {
    return server;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public Future<Void> stop() {
    client.close();
    return server.stop();
  }

  /**
   * Sets the sandbox clock as {@code POST /__sandbox/clock} does ({@code advance}, {@code set},
   * {@code freeze}).
   */
  public HttpResponse<Buffer> clock(JsonObject change) {
    return client.post("/__sandbox/clock").sendJsonObject(change).await();
  }

  /** Moves the sandbox clock forward by an ISO-8601 duration. */
  public void advanceClock(String by) {
    HttpResponse<Buffer> r = clock(new JsonObject().put("advance", by));
    if (r.statusCode() != 200) {
      throw new AssertionError("clock refused " + by + ": " + r.bodyAsString());
    }
  }

  /** The {@code /__sandbox/state} of one vendor. */
  public JsonObject state(String vendor) {
    return client.get("/__sandbox/state?vendor=" + vendor).send().await().bodyAsJsonObject();
  }

  /** Brings one vendor back to its fixtures. */
  public HttpResponse<Buffer> reset(String vendor) {
    return client.post("/__sandbox/reset?vendor=" + vendor).send().await();
  }

  /**
   * Validates every response journaled since the last call against its vendor's contract; a call
   * that got no answer (status 0: the client went away, a fault cut the connection) has none to
   * validate.
   *
   * @return a failed future naming each non-conforming answer
   */
  public Future<Void> verifyContracts() {
    List<Exchange> fresh = new ArrayList<>();
    for (Exchange e : server.sandbox().journal().latest(e -> true, Integer.MAX_VALUE)) {
      if (e.id().equals(lastVerified)) {
        break;
      }
      if (e.operationId() != null && e.status() != 0) {
        fresh.add(e);
      }
    }
    List<Exchange> newest = server.sandbox().journal().latest(e -> true, 1);
    if (!newest.isEmpty()) {
      lastVerified = newest.get(0).id();
    }
    verified += fresh.size();
    Map<String, Future<ResponseValidator>> validators = new HashMap<>();
    List<Future<String>> checks = new ArrayList<>();
    for (Exchange e : fresh) {
      Future<ResponseValidator> validator =
          validators.computeIfAbsent(e.vendor(), vendor -> validatorFor(vendor));
      checks.add(
          validator
              .compose(v -> v.validate(toValidatable(e), e.operationId()))
              .map(ok -> (String) null)
              .otherwise(
                  t ->
                      e.vendor()
                          + " "
                          + e.operationId()
                          + " "
                          + e.status()
                          + ": "
                          + t.getMessage()
                          + " body="
                          + e.responseBody().kept()));
    }
    return Future.join(checks)
        .transform(
            ar -> {
              List<String> problems =
                  checks.stream().map(Future::result).filter(p -> p != null).toList();
              if (problems.isEmpty()) {
                return Future.succeededFuture();
              }
              return Future.failedFuture(
                  new AssertionError(
                      "answers outside the contract:\n" + String.join("\n", problems)));
            });
  }

  public int verifiedCount() {
    return verified;
  }

  private Future<ResponseValidator> validatorFor(String vendor) {
    MountedVendor mounted = server.sandbox().vendor(vendor).orElseThrow();
    Path file = mounted.contract().file();
    return vertx
        .executeBlocking(() -> ContractDocument.read(file))
        .compose(doc -> OpenAPIContract.from(vertx, doc.loadable()))
        .map(contract -> ResponseValidator.create(vertx, contract));
  }

  private static ValidatableResponse toValidatable(Exchange e) {
    Map<String, String> headers = new HashMap<>();
    Stream.of(e.responseHeaders())
        .filter(h -> h != null)
        .forEach(h -> h.names().forEach(n -> headers.put(n, h.get(n))));
    String type = e.responseContentType();
    String media = type == null ? null : type.split(";")[0].trim();
    return ValidatableResponse.create(e.status(), headers, e.responseBody().kept(), media);
  }
}
