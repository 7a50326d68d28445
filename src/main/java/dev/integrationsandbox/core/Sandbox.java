package dev.integrationsandbox.core;

import dev.integrationsandbox.config.ConfigException;
import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.config.OptionsBinder;
import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.coverage.WorldCoverage;
import dev.integrationsandbox.diff.FidelityRuns;
import dev.integrationsandbox.exchange.ExchangeListener;
import dev.integrationsandbox.exchange.ExchangeMetrics;
import dev.integrationsandbox.exchange.Journal;
import dev.integrationsandbox.exchange.RequestLog;
import dev.integrationsandbox.exchange.ViolationTally;
import dev.integrationsandbox.fault.FaultTarget;
import dev.integrationsandbox.fault.Faults;
import dev.integrationsandbox.inspector.ExchangeFeed;
import dev.integrationsandbox.proxy.ProxyMode;
import dev.integrationsandbox.proxy.UpstreamChoice;
import dev.integrationsandbox.record.PersonalDataFields;
import dev.integrationsandbox.record.PersonalDataMask;
import dev.integrationsandbox.record.Recorder;
import dev.integrationsandbox.record.Redactor;
import dev.integrationsandbox.record.SafeCopies;
import dev.integrationsandbox.record.SafeView;
import dev.integrationsandbox.replay.Recordings;
import dev.integrationsandbox.replay.ReplayMode;
import dev.integrationsandbox.replay.SpyMode;
import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Limits;
import dev.integrationsandbox.spi.Upstream;
import dev.integrationsandbox.spi.Vendor;
import dev.integrationsandbox.spi.VendorContext;
import dev.integrationsandbox.support.PackagedFiles;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running sandbox's shared state: the mounted vendors, the clock, the journal and the metrics.
 * One instance serves every event loop; each HTTP verticle builds its router from it.
 */
public final class Sandbox {

  private final SandboxConfig config;
  private final SandboxClock clock;
  private final Journal journal;
  private final ExchangeMetrics metrics;
  private final List<MountedVendor> vendors;
  private final Pipeline pipeline;
  private final Redactor redactor;
  private final Worlds worlds;
  private final WorldCoverage coverage;
  private final ViolationTally violations = new ViolationTally();
  private final Recorder recorder;
  private final Faults faults;
  private final ExchangeFeed feed = new ExchangeFeed();
  private final FidelityRuns fidelityRuns = new FidelityRuns();
  private final SafeView view;
  private final WorkerExecutor copiers;

  /**
   * Threads that make the copies the sandbox keeps of large upstream answers (decoding a compressed
   * one, redacting and masking one for the journal): a pool of their own rather than Vert.x's
   * shared workers, so that a burst of large answers (CPU work, tens of ms each at 16 MiB) neither
   * takes the threads that the contract loaders and the file system need nor takes more than half
   * the cores from the event loops, for what is only a copy for diagnostics. It also bounds the
   * copies being built at once; a task waits in the queue instead, holding only what the relay and
   * the exchange already hold.
   */
  static final int COPY_THREADS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);

  private Sandbox(
      SandboxConfig config,
      SandboxClock clock,
      Journal journal,
      ExchangeMetrics metrics,
      List<MountedVendor> vendors,
      Redactor redactor,
      PersonalDataMask mask,
      WorkerExecutor copiers) {
    this.redactor = redactor;
    this.copiers = copiers;
    this.config = config;
    this.worlds = new Worlds(vendors, clock, config.maxWorlds(), config.worldIdleTimeout());
    this.clock = clock;
    this.journal = journal;
    this.metrics = metrics;
    this.vendors = vendors;
    Map<String, Contract> contracts = new LinkedHashMap<>();
    vendors.forEach(v -> contracts.put(v.id(), v.contract()));
    this.coverage = new WorldCoverage(contracts);
    this.faults = new Faults(metrics.registry());
    PersonalDataMask marked =
        mask == null ? null : mask.withFields(PersonalDataFields.of(writtenContracts(vendors)));
    this.view = new SafeView(redactor, marked);
    List<ExchangeListener> listeners =
        new ArrayList<>(
            List.of(
                new SafeCopies(view, List.of(journal, feed), copiers),
                metrics,
                coverage,
                violations));
    if (config.logRequests()) {
      listeners.add(new RequestLog(view::uri, view::text));
    }
    Path recordDir = config.proxy().recordDir();
    this.recorder =
        recordDir == null
            ? null
            : new Recorder(
                recordDir,
                redactor,
                marked,
                config.proxy().recordFileBytes(),
                config.capturedBodyBytes(),
                config.proxy().recordWait(),
                metrics.registry());
    if (recorder != null) {
      listeners.add(recorder);
    }
    this.pipeline =
        new Pipeline(
            worlds,
            faults,
            new ResponseChecks(config.responseValidation()),
            listeners,
            config.capturedBodyBytes(),
            view::text,
            copiers);
  }

  private static Map<String, JsonObject> writtenContracts(List<MountedVendor> vendors) {
    Map<String, JsonObject> raw = new LinkedHashMap<>();
    vendors.forEach(v -> raw.put(v.id(), v.contract().written()));
    return raw;
  }

  /**
   * Loads every available vendor's contract and world in its configured mode. Each vendor loads in
   * a context of its own, on worker threads, so that the CPU-heavy parts (compiling a contract,
   * parsing large fixtures) of different vendors run on different cores and never on an event loop.
   * One shared context would not do: vertx-openapi and the fixture loaders use {@code
   * executeBlocking} in its ordered form, which runs the tasks of one context one after another, so
   * every vendor would wait for the previous one (about half of the start-up time).
   */
  public static Future<Sandbox> load(
      Vertx vertx, SandboxConfig config, ExchangeMetrics metrics, List<Vendor> available) {
    for (String named : config.modes().keySet()) {
      if (available.stream().noneMatch(v -> v.id().equals(named))) {
        return Future.failedFuture(
            new ConfigException(
                named
                    + " is not available in this version (available: "
                    + String.join(", ", available.stream().map(Vendor::id).toList())
                    + ")"));
      }
    }
    Map<String, Upstream> upstreams = new LinkedHashMap<>();
    try {
      for (Vendor vendor : available) {
        Mode mode = config.modeOf(vendor.id());
        if (mode == Mode.PROXY || mode == Mode.SPY) {
          upstreams.put(
              vendor.id(),
              UpstreamChoice.resolve(
                  vendor,
                  config.proxy().upstreams().get(vendor.id()),
                  config.proxy().allowProduction()));
        }
      }
    } catch (ConfigException e) {
      return Future.failedFuture(e);
    }
    SandboxClock clock = new SandboxClock();
    ConcurrentHashMap<URI, HttpClientAgent> pools = new ConcurrentHashMap<>();
    return vertx
        .executeBlocking(
            () -> {
              return new Folders(config, masking(config, upstreams), available);
            },
            false)
        .compose(
            folders -> {
              Future<Redactor> redactor =
                  vertx.executeBlocking(
                      () ->
                          new Redactor(
                              credentials(config, folders.fixtures()),
                              config.proxy().redactNames()),
                      false);
              List<Future<MountedVendor>> mounts = new ArrayList<>();
              for (Vendor vendor : available) {
                mounts.add(
                    ((VertxInternal) vertx)
                        .createEventLoopContext()
                        .executeBlocking(
                            () ->
                                mount(
                                    vertx,
                                    config,
                                    folders,
                                    clock,
                                    vendor,
                                    upstreams.get(vendor.id()),
                                    pools,
                                    redactor),
                            false)
                        .compose(mounting -> mounting));
              }
              return Future.all(mounts)
                  .compose(all -> redactor)
                  .map(
                      redacting ->
                          new Sandbox(
                              config,
                              clock,
                              new Journal(config.journalSize(), config.journalBytes()),
                              metrics,
                              mounts.stream().map(Future::result).toList(),
                              redacting,
                              folders.mask(),
                              vertx.createSharedWorkerExecutor("sandbox-copies", COPY_THREADS)));
            });
  }

  /** Personal data is masked when asked, and always when a production upstream is proxied. */
  private static boolean masking(SandboxConfig config, Map<String, Upstream> upstreams) {
    return config.proxy().maskPersonalData()
        || upstreams.values().stream().anyMatch(Upstream::production);
  }

  /**
   * The contracts and fixtures folders (configured, or the copies packaged in the jar, whose
   * contracts the build has checked) and the masking key; the recording folder is made here too,
   * off the event loop.
   */
  private record Folders(
      Path contracts,
      boolean packagedContracts,
      Path fixtures,
      PersonalDataMask mask,
      Recordings recorded) {
    Folders(SandboxConfig config, boolean masking, List<Vendor> vendors) {
      this(
          config.contracts() != null ? config.contracts() : PackagedFiles.extract("contracts"),
          config.contracts() == null,
          config.fixtures() != null ? config.fixtures() : PackagedFiles.extract("fixtures"),
          !masking
              ? null
              : config.proxy().maskKeyFile() != null
                  ? PersonalDataMask.withKeyFile(config.proxy().maskKeyFile())
                  : PersonalDataMask.withRandomKey(),
          recorded(config, vendors));
      if (config.proxy().recordDir() != null) {
        try {
          java.nio.file.Files.createDirectories(config.proxy().recordDir());
        } catch (java.io.IOException e) {
          throw new ConfigException(
              "--record-dir " + config.proxy().recordDir() + " cannot be created: " + e);
        }
      }
    }

    /**
     * The recorded exchanges replay and spy modes answer from, read once, of those vendors only.
     */
    private static Recordings recorded(SandboxConfig config, List<Vendor> vendors) {
      if (!config.modes().containsValue(Mode.REPLAY) && !config.modes().containsValue(Mode.SPY)) {
        return Recordings.none();
      }
      try {
        return Recordings.read(
            config.replayFrom(),
            vendor -> config.modeOf(vendor) == Mode.REPLAY || config.modeOf(vendor) == Mode.SPY,
            path -> vendorOf(vendors, path),
            new Recordings.Limits(config.replayMaxBytes(), config.replayMaxExchanges()));
      } catch (java.io.IOException e) {
        throw new ConfigException("--replay-from: " + e.getMessage());
      }
    }
  }

  /** The vendor whose path prefixes hold a path, for HAR entries that do not name their vendor. */
  private static String vendorOf(List<Vendor> vendors, String path) {
    for (Vendor v : vendors) {
      for (String prefix : v.pathPrefixes()) {
        if (path.startsWith(prefix)) {
          return v.id();
        }
      }
    }
    return null;
  }

  /** The forwarding half of proxy and spy mode. Blocking (reads the trusted PEM). */
  private static ProxyMode proxyMode(
      Vertx vertx,
      SandboxConfig config,
      Vendor vendor,
      Upstream upstream,
      ConcurrentHashMap<URI, HttpClientAgent> pools)
      throws Exception {
    return ProxyMode.create(
        vertx,
        upstream,
        config.proxy(),
        pools,
        vendor.upstreamAuth(),
        config.proxy().credentials().get(vendor.id()));
  }

  /**
   * The redactor knows every credential the fixtures and the configuration hold: admin token, the
   * upstream credentials the sandbox holds, a corporate proxy's user info.
   */
  private static Set<String> credentials(SandboxConfig config, Path fixtures) {
    Set<String> values = new LinkedHashSet<>(Redactor.secretsIn(fixtures));
    if (config.adminToken() != null) {
      values.add(config.adminToken());
    }
    config
        .proxy()
        .credentials()
        .values()
        .forEach(
            held -> {
              values.add(held.clientSecret());
              values.add(held.password());
            });
    for (URI proxy :
        new URI[] {
          config.proxy().corporateProxy().http(), config.proxy().corporateProxy().https()
        }) {
      if (proxy != null && proxy.getUserInfo() != null) {
        values.add(proxy.getUserInfo());
      }
    }
    return values;
  }

  private static Future<MountedVendor> mount(
      Vertx vertx,
      SandboxConfig config,
      Folders folders,
      SandboxClock clock,
      Vendor vendor,
      Upstream upstream,
      ConcurrentHashMap<URI, HttpClientAgent> pools,
      Future<Redactor> redactor)
      throws Exception {
    Mode mode = config.modeOf(vendor.id());
    Future<Contract> contract =
        Contract.load(
            vertx, folders.contracts().resolve(vendor.contractFile()), folders.packagedContracts());
    if (mode == Mode.PROXY) {
      ProxyMode proxy = proxyMode(vertx, config, vendor, upstream, pools);
      return contract.map(
          loaded ->
              new MountedVendor(vendor, mode, loaded, null, null, proxy, limits(config, vendor)));
    }
    if (mode == Mode.REPLAY || mode == Mode.SPY) {
      if (folders.recorded().count(vendor.id()) == 0 && mode == Mode.REPLAY) {
        return Future.failedFuture(
            new ConfigException(
                vendor.id()
                    + ": replay mode answers from a recording, and "
                    + (config.replayFrom().isEmpty()
                        ? "no --replay-from FILE|DIR was given"
                        : "the recordings hold no " + vendor.id() + " exchange")));
      }
      ProxyMode proxy = mode == Mode.SPY ? proxyMode(vertx, config, vendor, upstream, pools) : null;
      return Future.all(contract, redactor)
          .map(
              loaded -> {
                ReplayMode replay =
                    ReplayMode.of(
                        vendor.id(),
                        folders.recorded(),
                        contract.result().raw(),
                        redactor.result(),
                        folders.mask() == null
                            ? null
                            : folders
                                .mask()
                                .withFields(
                                    PersonalDataFields.of(
                                        Map.of(vendor.id(), contract.result().written()))),
                        config.capturedBodyBytes());
                return new MountedVendor(
                    vendor,
                    mode,
                    contract.result(),
                    null,
                    null,
                    proxy == null ? replay : new SpyMode(replay, proxy),
                    limits(config, vendor));
              });
    }
    Record options =
        OptionsBinder.bind(
            vendor.optionsType(), config.optionsOf(vendor.id()), "vendors." + vendor.id());
    Future<? extends Emulation<?>> emulation =
        vendor.emulation(
            new VendorContext(vertx, folders.fixtures().resolve(vendor.id()), options));
    return Future.all(contract, emulation)
        .map(loaded -> mounted(config, vendor, mode, contract.result(), emulation.result(), clock));
  }

  private static <P> MountedVendor mounted(
      SandboxConfig config,
      Vendor vendor,
      Mode mode,
      Contract contract,
      Emulation<P> emulation,
      SandboxClock clock) {
    Emulator<P> emulator = emulation.newEmulator(clock);
    return new MountedVendor(
        vendor,
        mode,
        contract,
        emulation,
        emulator,
        new EmulateMode<>(emulator),
        limits(config, vendor));
  }

  private static Limits limits(SandboxConfig config, Vendor vendor) {
    return config.bodyLimitBytes() == null
        ? vendor.limits()
        : vendor.limits().withBody(config.bodyLimitBytes());
  }

  /** Closes what the vendors' modes hold open (upstream connection pools). */
  Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    vendors.forEach(v -> closing.add(v.handler().close()));
    if (recorder != null) {
      closing.add(recorder.close());
    }
    closing.add(copiers.close());
    return Future.join(closing).mapEmpty();
  }

  /** The live stream of exchanges the inspector pages listen to. */
  public ExchangeFeed feed() {
    return feed;
  }

  /** The admin API's fidelity diffs: one at a time, and the last report. */
  public FidelityRuns fidelityRuns() {
    return fidelityRuns;
  }

  /** Contract violations by vendor and operation, with the first example of each. */
  public ViolationTally violations() {
    return violations;
  }

  public SandboxConfig config() {
    return config;
  }

  public SandboxClock clock() {
    return clock;
  }

  public Worlds worlds() {
    return worlds;
  }

  /** The one redactor every display and write path uses. */
  /**
   * What the admin API, the inspector and log lines show of an exchange: redacted, and masked when
   * masking is on.
   */
  public SafeView view() {
    return view;
  }

  public Redactor redactor() {
    return redactor;
  }

  public Journal journal() {
    return journal;
  }

  public ExchangeMetrics metrics() {
    return metrics;
  }

  /** What the exchanges so far have exercised of each vendor's contract. */
  public WorldCoverage coverage() {
    return coverage;
  }

  /** The faults armed through {@code /__sandbox/faults}, which the pipeline applies. */
  public Faults faults() {
    return faults;
  }

  /** Every vendor's operations and fault presets, for arming faults by name. */
  public List<FaultTarget> faultTargets() {
    return vendors.stream()
        .map(
            v ->
                new FaultTarget(
                    v.id(),
                    v.contract().operations().stream()
                        .map(o -> o.getOperationId())
                        .collect(java.util.stream.Collectors.toSet()),
                    v.vendor().faultPresets()))
        .toList();
  }

  public List<MountedVendor> vendors() {
    return vendors;
  }

  public Optional<MountedVendor> vendor(String id) {
    return vendors.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  /** The pipeline that every HTTP verticle's router shares, so sampling sees every answer. */
  public Pipeline pipeline() {
    return pipeline;
  }
}
