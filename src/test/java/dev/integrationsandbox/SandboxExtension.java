package dev.integrationsandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One sandbox per test class, on a free port, with the repository's contracts and fixtures: reset
 * to its fixtures and its clock before each test, and every answer it gave held to its contract
 * after each test. Tests receive it as a {@link TestSandbox} parameter.
 *
 * <pre>
 * &#64;RegisterExtension static SandboxExtension sandbox = new SandboxExtension();
 * </pre>
 */
public final class SandboxExtension
    implements BeforeAllCallback,
        AfterAllCallback,
        BeforeEachCallback,
        AfterEachCallback,
        ParameterResolver {

  private final String[] flags;
  private Vertx vertx;
  private TestSandbox sandbox;

  public SandboxExtension(String... flags) {
    this.flags = flags;
  }

  public TestSandbox sandbox() {
    return sandbox;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    vertx = Vertx.vertx();
    sandbox = join(TestSandbox.start(vertx, flags));
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    join(sandbox.client().post("/__sandbox/reset").send());
    sandbox.server().sandbox().clock().reset();
  }

  @Override
  public void afterEach(ExtensionContext context) throws Exception {
    join(sandbox.verifyContracts());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    join(sandbox.stop());
    join(vertx.close());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestSandbox.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return sandbox;
  }

  /** Waits on the JUnit thread (never an event loop) for a step of the set-up. */
  private static <T> T join(Future<T> future) throws Exception {
    return future.await(30, TimeUnit.SECONDS);
  }
}
