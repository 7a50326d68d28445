package dev.integrationsandbox.junit;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The sandbox as a JUnit 5 extension, for a team's own integration tests: it starts the sandbox in
 * this JVM on a free loopback port (once per JVM and set of flags, on first use, stopped when the
 * test run ends), gives each test a {@link SandboxWorld} of its own (a fresh copy of every vendor's
 * state and clock, deleted after the test), and fails a test when the code under test sent a
 * request that breaks a vendor's contract, naming the exchange, the operation and the violation.
 *
 * <pre>
 * &#64;RegisterExtension
 * static IntegrationSandbox sandbox = IntegrationSandbox.withDefaults();
 *
 * &#64;Test
 * void closesTheTicketOnce() {
 *   var client = new MyBtgClient(sandbox.baseUrl("btg"), "sandbox-btg", "sandbox-btg-secret");
 *   client.closeTicket(client.openTicket("52998224725"));
 *   assertEquals(1, sandbox.journal().requests("btg", "closeTicket").count());
 * }
 * </pre>
 *
 * <p>The methods that read the current test's world ({@link #baseUrl}, {@link #clock()}, …) work on
 * the thread that runs the test, as JUnit runs {@code @BeforeEach}, the test and {@code
 * &#64;AfterEach} on one thread, in parallel runs too. Code on other threads takes a {@link
 * SandboxWorld} parameter instead. The admin calls block: never make them on a Vert.x event loop.
 */
public final class IntegrationSandbox
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(IntegrationSandbox.class);
  private static final String WORLD = "world";

  private final List<String> flags;
  private final boolean checkAnswers;
  private final ThreadLocal<SandboxWorld> current = new ThreadLocal<>();
  private volatile RunningSandbox running;

  private IntegrationSandbox(List<String> flags, boolean checkAnswers) {
    this.flags = List.copyOf(flags);
    this.checkAnswers = checkAnswers;
  }

  /** All four vendors in emulate mode, with the fixtures packaged in the jar (or ./fixtures). */
  public static IntegrationSandbox withDefaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The sandbox's settings: the command line's flags ({@code --help} lists them). */
  public static final class Builder {

    private final List<String> flags = new ArrayList<>();
    private boolean checkAnswers;

    private Builder() {}

    /**
     * Flags as the command line takes them: {@code args("--fixtures", "src/test/fixtures")}.
     * Without {@code --port} and {@code --host} the sandbox listens on a free port of {@code
     * 127.0.0.1}.
     */
    public Builder args(String... flags) {
      this.flags.addAll(List.of(flags));
      return this;
    }

    /**
     * Also fails a test when the sandbox's own answer broke the contract (a sandbox bug to report,
     * not the code under test's). Pair it with {@code --response-validation all}, or only a sample
     * of the answers is checked.
     */
    public Builder checkSandboxAnswers(boolean check) {
      this.checkAnswers = check;
      return this;
    }

    public IntegrationSandbox build() {
      List<String> all = new ArrayList<>();
      if (!given("--port")) {
        all.addAll(List.of("--port", "0"));
      }
      if (!given("--host")) {
        all.addAll(List.of("--host", "127.0.0.1"));
      }
      all.addAll(flags);
      return new IntegrationSandbox(all, checkAnswers);
    }

    /** {@code --port 9090} or {@code --port=9090}. */
    private boolean given(String flag) {
      return flags.stream().anyMatch(f -> f.equals(flag) || f.startsWith(flag + "="));
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    RunningSandbox sandbox = shared(context);
    SandboxWorld world =
        sandbox.createWorld(
            worldName(
                context.getUniqueId(),
                context.getTestMethod().map(Method::getName).orElse("test")));
    context.getStore(NAMESPACE).put(WORLD, world);
    current.set(world);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    SandboxWorld world = context.getStore(NAMESPACE).remove(WORLD, SandboxWorld.class);
    current.remove();
    if (world == null) {
      return;
    }
    try {
      if (!violationsAllowed(context)) {
        String failure = ContractViolations.report(world.admin().journal().all(), checkAnswers);
        if (failure != null) {
          throw new AssertionError(failure);
        }
      }
    } finally {
      running.deleteWorld(world.name());
    }
  }

  private static boolean violationsAllowed(ExtensionContext context) {
    return context
            .getTestMethod()
            .map(m -> AnnotationSupport.isAnnotated(m, AllowContractViolations.class))
            .orElse(false)
        || context
            .getTestClass()
            .map(c -> AnnotationSupport.isAnnotated(c, AllowContractViolations.class))
            .orElse(false);
  }

  /** The JVM's sandbox for these flags, started by the first test that needs it. */
  private RunningSandbox shared(ExtensionContext context) {
    RunningSandbox sandbox =
        context
            .getRoot()
            .getStore(NAMESPACE)
            .getOrComputeIfAbsent(flags, f -> RunningSandbox.start(flags), RunningSandbox.class);
    running = sandbox;
    return sandbox;
  }

  /**
   * A world's name from a test's unique id: readable (the test's method) and unique (a hash of the
   * whole id, which also tells apart repetitions and parameterized runs), within the 64 letters,
   * digits, dots, dashes and underscores a world's name may hold.
   */
  static String worldName(String uniqueId, String method) {
    String readable = method.replaceAll("[^A-Za-z0-9._-]", "_");
    if (readable.length() > 40) {
      readable = readable.substring(0, 40);
    }
    return readable + "-" + hash(uniqueId);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The current test's world. */
  public SandboxWorld world() {
    SandboxWorld world = current.get();
    if (world == null) {
      throw new IllegalStateException(
          "no test of this extension is running on this thread: call it from a test or"
              + " @BeforeEach/@AfterEach method, or take a SandboxWorld parameter");
    }
    return world;
  }

  /** The current test's base URL for {@code vendor}: see {@link SandboxWorld#baseUrl}. */
  public String baseUrl(String vendor) {
    return world().baseUrl(vendor);
  }

  /** The admin API, scoped to the current test's world. */
  public SandboxAdmin admin() {
    return world().admin();
  }

  public ClockControl clock() {
    return admin().clock();
  }

  public FaultControl faults() {
    return admin().faults();
  }

  public JournalQuery journal() {
    return admin().journal();
  }

  /** The port the sandbox listens on (once a test has started it). */
  public int port() {
    if (running == null) {
      throw new IllegalStateException("the sandbox starts before the first test");
    }
    return running.port();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == SandboxWorld.class || type == SandboxAdmin.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    SandboxWorld world = context.getStore(NAMESPACE).get(WORLD, SandboxWorld.class);
    if (world == null) {
      throw new ParameterResolutionException(
          "a sandbox world exists only for a test method and its @BeforeEach/@AfterEach methods");
    }
    return parameter.getParameter().getType() == SandboxWorld.class ? world : world.admin();
  }
}
