package dev.integrationsandbox;

import dev.integrationsandbox.junit.IntegrationSandbox;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's own tests on its public JUnit extension, as a team's tests would use it, with the
 * stricter settings the project holds itself to: every answer validated, and an answer outside the
 * contract fails the test as a request outside it does. One sandbox serves every test class that
 * uses {@link #extension()}; their Vert.x web clients share one Vert.x instance.
 */
public final class ProjectSandbox {

  private ProjectSandbox() {}

  private static final Map<Integer, WebClient> CLIENTS = new ConcurrentHashMap<>();

  public static IntegrationSandbox extension() {
    List<String> flags = new ArrayList<>(TestSandbox.FAST_VOCOM);
    flags.addAll(List.of("--response-validation", "all"));
    return IntegrationSandbox.builder()
        .args(flags.toArray(String[]::new))
        .checkSandboxAnswers(true)
        .build();
  }

  /** A web client of the sandbox's port; requests name the world in their path. */
  public static WebClient client(IntegrationSandbox sandbox) {
    return CLIENTS.computeIfAbsent(
        sandbox.port(),
        port ->
            WebClient.create(
                SharedVertx.INSTANCE,
                new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port)));
  }

  /** {@code http://127.0.0.1:1234/__worlds/a} → {@code /__worlds/a}. */
  public static String pathOf(String baseUrl) {
    return URI.create(baseUrl).getPath();
  }

  /** Created on first use, for the JVM's lifetime. */
  private static final class SharedVertx {
    static final Vertx INSTANCE = Vertx.vertx();
  }
}
