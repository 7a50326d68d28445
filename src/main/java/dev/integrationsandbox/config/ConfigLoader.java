package dev.integrationsandbox.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges the four sources of configuration: built-in defaults, then the YAML file ({@code --config}
 * or {@code SANDBOX_CONFIG}), then {@code SANDBOX_*} environment variables, then command-line
 * flags. Every problem becomes a {@link ConfigException} whose message fits on one line, so a typo
 * stops start-up with a sentence rather than a stack trace.
 *
 * <pre>
 * java -jar integration-sandbox.jar --port 9090 --mode vocom=emulate --config sandbox.yaml
 * </pre>
 */
public final class ConfigLoader {

  static final String USAGE =
      """
      usage: java -jar integration-sandbox.jar [options]
        --port N                 port to listen on (default 8080; env SANDBOX_PORT)
        --host ADDR              address to bind (default 0.0.0.0; env SANDBOX_HOST)
        --config FILE            YAML configuration file (env SANDBOX_CONFIG)
        --fixtures DIR           fixtures folder (default ./fixtures; env SANDBOX_FIXTURES)
        --contracts DIR          contracts folder (default ./contracts; env SANDBOX_CONTRACTS)
        --mode VENDOR=MODE       repeatable; vendors btg, postcenter, hubsoft, vocom;
                                 modes emulate, proxy, replay, spy (env SANDBOX_MODES=btg=emulate,...)
        --body-limit SIZE        largest request body, e.g. 1MiB, 512KiB, 2000000 (env SANDBOX_BODY_LIMIT)
        --journal-size N         exchanges kept in the in-memory journal (default 1000)
        --admin-token TOKEN      lets non-loopback clients use /__sandbox/ (env SANDBOX_ADMIN_TOKEN)
        --response-validation V  all, sampled (default) or off: emulator answers checked against
                                 the contract before they are sent (env SANDBOX_RESPONSE_VALIDATION)
        --check                  load configuration, contracts and fixtures, bind the port,
                                 then exit (0 when all is well)
        --help                   this text
      """;

  private final Map<String, String> env;

  public ConfigLoader(Map<String, String> env) {
    this.env = env;
  }

  /** Thrown for {@code --help}: the caller prints {@link #USAGE} and exits cleanly. */
  public static final class HelpRequested extends RuntimeException {
    HelpRequested() {
      super(USAGE, null, false, false);
    }
  }

  public SandboxConfig load(String[] args) {
    Map<String, List<String>> flags = parseFlags(args);
    Settings s = new Settings();
    String configFile = last(flags, "config", env.get("SANDBOX_CONFIG"));
    if (configFile != null) {
      s.applyYaml(readYaml(Path.of(configFile)), configFile);
    }
    s.applyEnv(env);
    s.applyFlags(flags);
    return s.build();
  }

  private static Map<String, List<String>> parseFlags(String[] args) {
    Map<String, List<String>> flags = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        throw new HelpRequested();
      }
      if (!arg.startsWith("--")) {
        throw new ConfigException("unexpected argument '" + arg + "' (see --help)");
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.length) {
        value = args[++i];
      } else {
        throw new ConfigException("flag --" + name + " needs a value");
      }
      if (!Settings.FLAGS.contains(name)) {
        throw new ConfigException("unknown flag --" + name + " (see --help)");
      }
      flags.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return flags;
  }

  private static String last(Map<String, List<String>> flags, String name, String fallback) {
    List<String> values = flags.get(name);
    return values == null ? fallback : values.get(values.size() - 1);
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
          "config file " + file + " is not valid YAML: " + e.getMessage().replace('\n', ' '));
    }
  }

  /** The mutable scratchpad that the sources write into, in order. */
  private static final class Settings {
    static final List<String> FLAGS =
        List.of(
            "port",
            "host",
            "config",
            "fixtures",
            "contracts",
            "mode",
            "body-limit",
            "journal-size",
            "admin-token",
            "response-validation");

    String host = "0.0.0.0";
    int port = 8080;
    String contracts = "contracts";
    String fixtures = "fixtures";
    long bodyLimit = SandboxConfig.DEFAULT_BODY_LIMIT;
    int journalSize = 1000;
    String adminToken;
    ResponseValidation responseValidation = ResponseValidation.SAMPLED;
    final Map<String, Mode> modes = new LinkedHashMap<>();
    final Map<String, Map<String, Object>> vendors = new LinkedHashMap<>();

    void applyYaml(Map<String, Object> yaml, String file) {
      for (Map.Entry<String, Object> e : yaml.entrySet()) {
        String key = e.getKey();
        Object value = e.getValue();
        String where = file + ": " + key;
        switch (key) {
          case "host" -> host = text(value, where);
          case "port" -> port = port(text(value, where), where);
          case "contracts" -> contracts = text(value, where);
          case "fixtures" -> fixtures = text(value, where);
          case "bodyLimit" -> bodyLimit = size(text(value, where), where);
          case "journalSize" -> journalSize = positive(text(value, where), where);
          case "adminToken" -> adminToken = text(value, where);
          case "responseValidation" ->
              responseValidation = ResponseValidation.parse(text(value, where), where);
          case "vendors" -> applyVendors(value, where);
          default ->
              throw new ConfigException(
                  where
                      + " is not a setting (expected host, port, contracts, fixtures, bodyLimit,"
                      + " journalSize, adminToken, responseValidation, vendors)");
        }
      }
    }

    @SuppressWarnings("unchecked")
    private void applyVendors(Object value, String where) {
      if (!(value instanceof Map<?, ?> map)) {
        throw new ConfigException(where + " must be a mapping of vendor to its settings");
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String vendor = VendorId.require(String.valueOf(e.getKey()));
        if (!(e.getValue() instanceof Map<?, ?> settings)) {
          throw new ConfigException(
              where + "." + vendor + " must be a mapping (e.g. mode: emulate)");
        }
        Map<String, Object> options = new LinkedHashMap<>((Map<String, Object>) settings);
        Object mode = options.remove("mode");
        if (mode != null) {
          modes.put(vendor, Mode.parse(String.valueOf(mode)));
        }
        vendors.put(vendor, Map.copyOf(options));
      }
    }

    void applyEnv(Map<String, String> env) {
      ifSet(env, "SANDBOX_HOST", v -> host = v);
      ifSet(env, "SANDBOX_PORT", v -> port = port(v, "SANDBOX_PORT"));
      ifSet(env, "SANDBOX_CONTRACTS", v -> contracts = v);
      ifSet(env, "SANDBOX_FIXTURES", v -> fixtures = v);
      ifSet(env, "SANDBOX_BODY_LIMIT", v -> bodyLimit = size(v, "SANDBOX_BODY_LIMIT"));
      ifSet(env, "SANDBOX_JOURNAL_SIZE", v -> journalSize = positive(v, "SANDBOX_JOURNAL_SIZE"));
      ifSet(env, "SANDBOX_ADMIN_TOKEN", v -> adminToken = v);
      ifSet(
          env,
          "SANDBOX_RESPONSE_VALIDATION",
          v -> responseValidation = ResponseValidation.parse(v, "SANDBOX_RESPONSE_VALIDATION"));
      ifSet(
          env,
          "SANDBOX_MODES",
          v -> {
            for (String pair : v.split(",")) {
              if (!pair.isBlank()) {
                applyMode(pair, "SANDBOX_MODES");
              }
            }
          });
    }

    void applyFlags(Map<String, List<String>> flags) {
      flags.forEach(
          (name, values) -> {
            String v = values.get(values.size() - 1);
            switch (name) {
              case "host" -> host = v;
              case "port" -> port = port(v, "--port");
              case "contracts" -> contracts = v;
              case "fixtures" -> fixtures = v;
              case "body-limit" -> bodyLimit = size(v, "--body-limit");
              case "journal-size" -> journalSize = positive(v, "--journal-size");
              case "admin-token" -> adminToken = v;
              case "response-validation" ->
                  responseValidation = ResponseValidation.parse(v, "--response-validation");
              case "mode" -> values.forEach(pair -> applyMode(pair, "--mode"));
              default -> {}
            }
          });
    }

    private void applyMode(String pair, String where) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new ConfigException(where + " expects VENDOR=MODE, got '" + pair + "'");
      }
      modes.put(VendorId.require(pair.substring(0, eq)), Mode.parse(pair.substring(eq + 1)));
    }

    SandboxConfig build() {
      Path contractsDir = Path.of(contracts);
      Path fixturesDir = Path.of(fixtures);
      if (!Files.isDirectory(contractsDir)) {
        throw new ConfigException(
            "contracts folder " + contractsDir.toAbsolutePath() + " does not exist (--contracts)");
      }
      if (!Files.isDirectory(fixturesDir)) {
        throw new ConfigException(
            "fixtures folder " + fixturesDir.toAbsolutePath() + " does not exist (--fixtures)");
      }
      return new SandboxConfig(
          host,
          port,
          contractsDir,
          fixturesDir,
          bodyLimit,
          journalSize,
          32L * 1024 * 1024,
          1024 * 1024,
          false,
          adminToken,
          responseValidation,
          Map.copyOf(modes),
          Map.copyOf(vendors));
    }

    private static void ifSet(
        Map<String, String> env, String name, java.util.function.Consumer<String> apply) {
      String value = env.get(name);
      if (value != null && !value.isBlank()) {
        apply.accept(value.trim());
      }
    }

    private static String text(Object value, String where) {
      if (value == null || value instanceof Map || value instanceof List) {
        throw new ConfigException(where + " must be a single value");
      }
      return String.valueOf(value);
    }

    private static int port(String text, String where) {
      try {
        int p = Integer.parseInt(text.trim());
        if (p < 0 || p > 65535) {
          throw new NumberFormatException();
        }
        return p;
      } catch (NumberFormatException e) {
        throw new ConfigException(where + " must be a port number 0-65535, got '" + text + "'");
      }
    }

    private static int positive(String text, String where) {
      try {
        int n = Integer.parseInt(text.trim());
        if (n <= 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new ConfigException(where + " must be a positive whole number, got '" + text + "'");
      }
    }

    static long size(String text, String where) {
      String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
      long unit = 1;
      for (var suffix :
          List.of(
              Map.entry("mib", 1024L * 1024),
              Map.entry("mb", 1000L * 1000),
              Map.entry("kib", 1024L),
              Map.entry("kb", 1000L),
              Map.entry("b", 1L))) {
        if (t.endsWith(suffix.getKey())) {
          unit = suffix.getValue();
          t = t.substring(0, t.length() - suffix.getKey().length());
          break;
        }
      }
      try {
        long n = Long.parseLong(t) * unit;
        if (n <= 0) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new ConfigException(
            where + " must be a size such as 1MiB, 512KiB or 1048576, got '" + text + "'");
      }
    }
  }
}
