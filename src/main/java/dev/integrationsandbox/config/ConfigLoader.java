package dev.integrationsandbox.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Reads {@link SandboxOptions} from its three sources with picocli: flags, then {@code SANDBOX_*}
 * environment variables, then the YAML file ({@code --config} or {@code SANDBOX_CONFIG}), then the
 * declared defaults. Every problem becomes a {@link ConfigException} whose message fits on one line
 * and names where the bad value came from.
 *
 * <pre>
 * java -jar integration-sandbox.jar --port 9090 --mode vocom=emulate --config sandbox.yaml
 * </pre>
 */
public final class ConfigLoader {

  /** Flags whose YAML form lives under {@code vendors.<vendor>} and whose values are pairs. */
  private static final Set<String> PER_VENDOR = Set.of("--mode", "--upstream", "--vendor-option");

  private final Map<String, String> env;
  private final Supplier<List<String>> vendorIds;

  /**
   * @param vendorIds the vendors this build serves, for checking names in {@code --mode} and YAML
   */
  public ConfigLoader(Map<String, String> env, Supplier<List<String>> vendorIds) {
    this.env = env;
    this.vendorIds = vendorIds;
  }

  /** Thrown for {@code --help} and {@code --version}: the caller prints the text and exits 0. */
  public static final class HelpRequested extends RuntimeException {
    HelpRequested(String text) {
      super(text, null, false, false);
    }
  }

  /** A command line for the options, as {@code --help} and the README's table see it. */
  public static CommandLine commandLine(SandboxOptions options) {
    return new CommandLine(options).setCaseInsensitiveEnumValuesAllowed(true);
  }

  private static String usage(CommandLine cli) {
    return cli.getUsageMessage() + String.format(SettingsTable.text());
  }

  public SandboxConfig load(String[] args) {
    SandboxOptions options = new SandboxOptions();
    CommandLine cli = commandLine(options);
    Path file = configFile(args);
    Map<String, Object> yaml = file == null ? Map.of() : readYaml(file);
    String origin = file == null ? null : file.toString();
    checkYamlKeys(cli, yaml, origin);
    cli.setDefaultValueProvider(arg -> fallback(arg, yaml, origin));
    try {
      cli.parseArgs(args);
    } catch (CommandLine.ParameterException e) {
      throw new ConfigException(oneLine(e.getMessage()));
    }
    if (cli.isUsageHelpRequested()) {
      throw new HelpRequested(
          usage(cli) + "%nVendors: ".formatted() + String.join(", ", vendorIds.get()) + "\n");
    }
    if (cli.isVersionHelpRequested()) {
      throw new HelpRequested(String.join("\n", cli.getCommandSpec().version()) + "\n");
    }
    Map<String, String> modes = new LinkedHashMap<>();
    Map<String, String> upstreams = new LinkedHashMap<>();
    Object vendors = yaml.get("vendors");
    if (vendors != null) {
      applyVendors(vendors, origin, modes, upstreams, options.vendorOptions);
    }
    putPairs(env.get(SettingNames.env("--modes")), SettingNames.env("--modes"), modes);
    putPairs(env.get(SettingNames.env("--upstreams")), SettingNames.env("--upstreams"), upstreams);
    options.modes.forEach((vendor, mode) -> putPair(vendor + "=" + mode, "--mode", modes));
    options.upstreams.forEach((vendor, up) -> putPair(vendor + "=" + up, "--upstream", upstreams));
    for (String flag : options.vendorFlags) {
      putVendorOption(flag, options.vendorOptions);
    }
    Map<String, Mode> parsed = new LinkedHashMap<>();
    modes.forEach((vendor, mode) -> parsed.put(vendor, Mode.parse(mode)));
    Map<String, UpstreamCredentials> credentials = new LinkedHashMap<>();
    for (String vendor : vendorIds.get()) {
      UpstreamCredentials held = UpstreamCredentials.from(env, vendor);
      if (held != null) {
        credentials.put(vendor, held);
      }
    }
    return build(options, parsed, upstreams, credentials, CorporateProxy.from(env));
  }

  /** {@code btg=proxy,vocom=emulate} from an environment variable, if set. */
  private void putPairs(String list, String where, Map<String, String> into) {
    if (list == null || list.isBlank()) {
      return;
    }
    for (String pair : list.split(",")) {
      if (!pair.isBlank()) {
        putPair(pair, where, into);
      }
    }
  }

  /**
   * What picocli uses when a flag is absent: the environment variable, then the YAML key, then
   * (when this returns null) the declared default.
   */
  private String fallback(ArgSpec arg, Map<String, Object> yaml, String origin) {
    if (!(arg instanceof OptionSpec option) || PER_VENDOR.contains(option.longestName())) {
      return null;
    }
    String fromEnv = env.get(SettingNames.env(option.longestName()));
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.trim();
    }
    Object fromFile = yaml.get(SettingNames.yaml(option.longestName()));
    if (fromFile == null) {
      return yaml.containsKey(SettingNames.yaml(option.longestName())) ? "" : null;
    }
    if (fromFile instanceof Map || fromFile instanceof List) {
      throw new ConfigException(
          origin + ": " + SettingNames.yaml(option.longestName()) + " must be a single value");
    }
    return String.valueOf(fromFile);
  }

  private Path configFile(String[] args) {
    String value = env.get(SettingNames.env("--config"));
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith("--config=")) {
        value = args[i].substring("--config=".length());
      }
    }
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  private static void checkYamlKeys(CommandLine cli, Map<String, Object> yaml, String origin) {
    Set<String> known = new java.util.LinkedHashSet<>();
    for (OptionSpec option : cli.getCommandSpec().options()) {
      String name = option.longestName();
      if (!PER_VENDOR.contains(name)
          && !Set.of("--config", "--check", "--help", "--version").contains(name)) {
        known.add(SettingNames.yaml(name));
      }
    }
    known.add("vendors");
    for (String key : yaml.keySet()) {
      if (!known.contains(key)) {
        throw new ConfigException(
            origin + ": " + key + " is not a setting" + Suggestions.closest(key, known));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void applyVendors(
      Object value,
      String origin,
      Map<String, String> modes,
      Map<String, String> upstreams,
      Map<String, Map<String, Object>> vendorOptions) {
    String where = origin + ": vendors";
    if (!(value instanceof Map<?, ?> map)) {
      throw new ConfigException(where + " must be a mapping of vendor to its settings");
    }
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String vendor = vendor(String.valueOf(e.getKey()), where);
      if (!(e.getValue() instanceof Map<?, ?> settings)) {
        throw new ConfigException(where + "." + vendor + " must be a mapping (e.g. mode: emulate)");
      }
      Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) settings);
      Object mode = options.remove("mode");
      if (mode != null) {
        modes.put(vendor, String.valueOf(mode));
      }
      Object upstream = options.remove("upstream");
      if (upstream != null) {
        upstreams.put(vendor, String.valueOf(upstream));
      }
      vendorOptions.put(vendor, Map.copyOf(options));
    }
  }

  /**
   * {@code vocom.latency.callServices=PT0S} sets {@code vendors.vocom.latency.callServices}, over
   * what the YAML file says, so that one flag changes one option.
   */
  @SuppressWarnings("unchecked")
  private void putVendorOption(String flag, Map<String, Map<String, Object>> vendorOptions) {
    int eq = flag.indexOf('=');
    String[] path = eq <= 0 ? new String[0] : flag.substring(0, eq).split("\\.");
    if (path.length < 2 || Arrays.stream(path).anyMatch(String::isBlank)) {
      throw new ConfigException(
          "--vendor-option expects VENDOR.KEY=VALUE (vocom.latency.callServices=PT0S), got '"
              + flag
              + "'");
    }
    String vendor = vendor(path[0], "--vendor-option");
    Map<String, Object> node = new LinkedHashMap<>(vendorOptions.getOrDefault(vendor, Map.of()));
    vendorOptions.put(vendor, node);
    for (int i = 1; i < path.length - 1; i++) {
      Object child = node.get(path[i]);
      Map<String, Object> copy =
          child instanceof Map<?, ?> m
              ? new LinkedHashMap<>((Map<String, Object>) m)
              : new LinkedHashMap<>();
      node.put(path[i], copy);
      node = copy;
    }
    node.put(path[path.length - 1], flag.substring(eq + 1));
  }

  private void putPair(String pair, String where, Map<String, String> into) {
    int eq = pair.indexOf('=');
    if (eq <= 0 || eq == pair.length() - 1) {
      throw new ConfigException(where + " expects VENDOR=VALUE, got '" + pair + "'");
    }
    into.put(vendor(pair.substring(0, eq), where), pair.substring(eq + 1).trim());
  }

  private String vendor(String name, String where) {
    String id = name.trim().toLowerCase(java.util.Locale.ROOT);
    List<String> known = vendorIds.get();
    if (!known.contains(id)) {
      throw new ConfigException(
          where + ": unknown vendor '" + name + "'" + Suggestions.closest(id, known));
    }
    return id;
  }

  private static SandboxConfig build(
      SandboxOptions o,
      Map<String, Mode> modes,
      Map<String, String> upstreams,
      Map<String, UpstreamCredentials> credentials,
      CorporateProxy corporateProxy) {
    if ((o.tlsCert == null) != (o.tlsKey == null)) {
      throw new ConfigException("--tls-cert and --tls-key go together: give both or neither");
    }
    return new SandboxConfig(
        o.host,
        o.port,
        folder(o.contracts, "contracts", "--contracts"),
        folder(o.fixtures, "fixtures", "--fixtures"),
        o.bodyLimit,
        o.idleTimeout,
        o.readTimeout,
        o.maxConnections,
        o.maxWorlds,
        o.worldIdleTimeout,
        o.journalSize,
        o.journalBytes,
        (int) o.journalBodyLimit,
        o.logRequests,
        o.adminToken,
        List.copyOf(o.adminHosts),
        o.responseValidation,
        o.check,
        Map.copyOf(modes),
        Map.copyOf(o.vendorOptions),
        new ProxySettings(
            upstreams,
            file(o.upstreamTrust, "--upstream-trust"),
            o.upstreamConnectTimeout,
            o.upstreamTimeout,
            o.allowProduction,
            o.strict,
            o.recordDir,
            o.recordFileSize,
            o.recordWait,
            o.redactNames,
            o.maskPersonalData,
            file(o.maskKeyFile, "--mask-key-file"),
            credentials,
            corporateProxy),
        replayFrom(o.replayFrom),
        o.replayMaxSize,
        o.replayMaxExchanges,
        file(o.tlsCert, "--tls-cert"),
        file(o.tlsKey, "--tls-key"));
  }

  /** Every recording named must exist; whether it holds a vendor's exchanges is read later. */
  private static List<Path> replayFrom(List<Path> given) {
    for (Path p : given) {
      if (!Files.exists(p)) {
        throw new ConfigException("--replay-from: " + p.toAbsolutePath() + " does not exist");
      }
    }
    return List.copyOf(given);
  }

  private static Path file(Path given, String flag) {
    if (given != null && !Files.isRegularFile(given)) {
      throw new ConfigException(flag + ": " + given.toAbsolutePath() + " is not a readable file");
    }
    return given;
  }

  /**
   * The folder given, or {@code ./name} when it exists, or null: the packaged copies are used, so
   * that the jar runs from any working directory.
   */
  private static Path folder(Path given, String name, String flag) {
    if (given != null) {
      if (!Files.isDirectory(given)) {
        throw new ConfigException(
            name + " folder " + given.toAbsolutePath() + " does not exist (" + flag + ")");
      }
      return given;
    }
    Path local = Path.of(name);
    return Files.isDirectory(local) ? local : null;
  }

  private static Map<String, Object> readYaml(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file " + file + " does not exist");
    }
    try {
      Object doc = YamlText.parse(Files.readString(file));
      if (doc == null) {
        return Map.of();
      }
      if (!(doc instanceof Map<?, ?> map)) {
        throw new ConfigException("config file " + file + " must hold a YAML mapping");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> typed = (Map<String, Object>) map;
      return typed;
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      throw new ConfigException(
          "config file " + file + " is not valid YAML: " + oneLine(e.getMessage()));
    }
  }

  private static String oneLine(String message) {
    return message == null ? "invalid" : message.replaceAll("\\s*\\R\\s*", " ").trim();
  }
}
