package dev.integrationsandbox.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Every setting of the server, declared once: the flag, its help and its default are here, and the
 * environment variable and YAML key derive from the flag ({@link SettingNames}), so the four
 * spellings never drift apart. {@code --help}, the README's configuration table (checked by a test)
 * and {@link ConfigLoader} all read this class.
 */
@Command(
    name = "integration-sandbox",
    mixinStandardHelpOptions = true,
    versionProvider = SandboxVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Emulate, proxy and replay BTG Tickets V2, PostCenter, HubSoft and Vocom interact_cti.",
      "Each setting is a flag, an environment variable or a YAML key (--config); flags win over"
          + " the environment, which wins over the file."
    })
public final class SandboxOptions {

  @Option(
      names = "--port",
      paramLabel = "N",
      defaultValue = "8080",
      converter = Converters.Port.class,
      description = "Port to listen on; 0 picks a free one.")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      defaultValue = "0.0.0.0",
      description = "Address to bind.")
  String host;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "YAML file with any of these settings, and per-vendor options under vendors.")
  Path config;

  @Option(
      names = "--fixtures",
      paramLabel = "DIR",
      description =
          "Fixtures folder; ./fixtures when it exists, otherwise the copies packaged in the jar.")
  Path fixtures;

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description =
          "Contracts folder; ./contracts when it exists, otherwise the copies packaged in the jar.")
  Path contracts;

  @Option(
      names = "--mode",
      paramLabel = "VENDOR=MODE",
      split = ",",
      description =
          "Repeatable. Modes: emulate (default), proxy, replay, spy. YAML: vendors.<vendor>.mode.")
  Map<String, String> modes = new LinkedHashMap<>();

  @Option(
      names = "--upstream",
      paramLabel = "VENDOR=PRESET|URL",
      split = ",",
      description =
          "Repeatable. Where a proxied vendor's requests go: a preset the vendor names (btg: uat,"
              + " prd; postcenter: prd) or a URL (https://erp.example.com). YAML:"
              + " vendors.<vendor>.upstream.")
  Map<String, String> upstreams = new LinkedHashMap<>();

  @Option(
      names = "--upstream-trust",
      paramLabel = "PEM",
      description =
          "Certificates (PEM) trusted for upstreams besides the JVM's trust store: a private CA, or"
              + " a self-signed test upstream.")
  Path upstreamTrust;

  @Option(
      names = "--upstream-connect-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT5S",
      converter = Converters.Timeout.class,
      description = "How long connecting to an upstream may take; then the client gets a 502.")
  Duration upstreamConnectTimeout;

  @Option(
      names = "--upstream-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT30S",
      converter = Converters.Timeout.class,
      description =
          "How long an upstream may take to answer a forwarded request; then the client gets a"
              + " 504.")
  Duration upstreamTimeout;

  @Option(
      names = "--allow-production",
      paramLabel = "BOOL",
      arity = "0..1",
      defaultValue = "false",
      fallbackValue = "true",
      description =
          "Lets a proxied vendor reach a production upstream (a prd preset); without it the"
              + " sandbox refuses to start.")
  boolean allowProduction;

  @Option(
      names = "--strict",
      paramLabel = "BOOL",
      arity = "0..1",
      defaultValue = "false",
      fallbackValue = "true",
      description =
          "Proxy mode refuses a request that breaks the contract with a 400 in the vendor's"
              + " dialect, without forwarding it; otherwise it is forwarded and reported.")
  boolean strict;

  @Option(
      names = "--record-dir",
      paramLabel = "DIR",
      description =
          "Records every proxied exchange, redacted, as JSON Lines in this folder"
              + " (exchanges-*.jsonl).")
  Path recordDir;

  @Option(
      names = "--record-file-size",
      paramLabel = "SIZE",
      defaultValue = "64MiB",
      converter = Converters.Size.class,
      description = "A recording file past this size is closed and a new one started.")
  long recordFileSize;

  @Option(
      names = "--record-wait",
      paramLabel = "DURATION",
      defaultValue = "PT1S",
      converter = Converters.Timeout.class,
      description =
          "How long an answer waits for its recording line to be written; past it (a stalled"
              + " disk) the answer goes anyway and the line is written late.")
  Duration recordWait;

  @Option(
      names = "--redact",
      paramLabel = "NAME",
      split = ",",
      description =
          "Repeatable. Another header, query, form or JSON field name whose value is masked in"
              + " the journal, the log and recordings.")
  List<String> redactNames = new ArrayList<>();

  @Option(
      names = "--mask-personal-data",
      paramLabel = "BOOL",
      arity = "0..1",
      defaultValue = "false",
      fallbackValue = "true",
      description =
          "Recordings, the journal and log lines replace CPF/CNPJ, phones, e-mails and names with"
              + " consistent fakes of the same format; always on when a production upstream is"
              + " proxied.")
  boolean maskPersonalData;

  @Option(
      names = "--mask-key-file",
      paramLabel = "FILE",
      description =
          "Key (16+ bytes, kept apart from the recordings) from which masked values are derived,"
              + " so fakes match across runs; a random key per run otherwise.")
  Path maskKeyFile;

  @Option(
      names = "--replay-from",
      paramLabel = "FILE|DIR",
      split = ",",
      description =
          "Repeatable. Recordings that vendors in replay mode answer from: a JSON Lines file of"
              + " proxy mode, or a --record-dir folder (its exchanges-*.jsonl in name order).")
  List<Path> replayFrom = new ArrayList<>();

  @Option(
      names = "--replay-max-size",
      paramLabel = "SIZE",
      defaultValue = "128MiB",
      converter = Converters.Size.class,
      description =
          "Recordings of --replay-from larger than this together are refused at start-up: what is"
              + " replayed is held in memory, and the default fits the recommended 160 MB heap.")
  long replayMaxSize;

  @Option(
      names = "--replay-max-exchanges",
      paramLabel = "N",
      defaultValue = "150000",
      converter = Converters.Count.class,
      description =
          "Recordings holding more exchanges than this of the vendors in replay or spy mode are"
              + " refused at start-up.")
  int replayMaxExchanges;

  @Option(
      names = "--tls-cert",
      paramLabel = "PEM",
      description =
          "Serve HTTPS with this certificate chain (PEM), with --tls-key; plain HTTP without.")
  Path tlsCert;

  @Option(
      names = "--tls-key",
      paramLabel = "PEM",
      description = "The private key (PEM) of --tls-cert.")
  Path tlsKey;

  @Option(
      names = "--vendor-option",
      paramLabel = "VENDOR.KEY=VALUE",
      description =
          "Repeatable. A vendor's option, as under vendors.<vendor> in YAML: --vendor-option"
              + " vocom.latency.callServices=PT0S.")
  List<String> vendorFlags = new ArrayList<>();

  @Option(
      names = "--body-limit",
      paramLabel = "SIZE",
      converter = Converters.Size.class,
      description =
          "Largest request body for every vendor (1MiB, 512KiB, 2000000), instead of each vendor's"
              + " own (BTG's gateway 10 MB, others 1 MiB); larger is a 413 in the vendor's dialect.")
  Long bodyLimit;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT60S",
      converter = Converters.Timeout.class,
      description =
          "How long a connection may take to send a request head, after connecting or after its"
              + " last answer; then it is closed (slow or idle clients).")
  Duration idleTimeout;

  @Option(
      names = "--read-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT30S",
      converter = Converters.Timeout.class,
      description =
          "How long a request body may take to arrive; then the exchange is journaled as aborted"
              + " and the connection closed.")
  Duration readTimeout;

  @Option(
      names = "--max-connections",
      paramLabel = "N",
      defaultValue = "1000",
      converter = Converters.Count.class,
      description =
          "Most open connections; past it the oldest is closed, so a new client (a health probe)"
              + " always gets in.")
  int maxConnections;

  @Option(
      names = "--journal-size",
      paramLabel = "N",
      defaultValue = "1000",
      converter = Converters.Count.class,
      description = "Most exchanges kept in the journal.")
  int journalSize;

  @Option(
      names = "--journal-bytes",
      paramLabel = "SIZE",
      defaultValue = "32MiB",
      converter = Converters.Size.class,
      description = "Most bytes the journal keeps; the oldest exchanges leave first.")
  long journalBytes;

  @Option(
      names = "--journal-body-limit",
      paramLabel = "SIZE",
      defaultValue = "1MiB",
      converter = Converters.Size.class,
      description =
          "Bytes of each request and response body the journal keeps; the rest is cut,"
              + " and the journal says so.")
  long journalBodyLimit;

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      converter = Converters.Token.class,
      description =
          "Lets non-loopback clients use /__sandbox/ (header X-Sandbox-Admin-Token or"
              + " Authorization: Bearer).")
  String adminToken;

  @Option(
      names = "--max-worlds",
      paramLabel = "N",
      defaultValue = "100",
      converter = Converters.Count.class,
      description =
          "Most named worlds (isolated copies of every vendor's state, one per parallel test);"
              + " past it, creating one is refused.")
  int maxWorlds;

  @Option(
      names = "--world-idle-timeout",
      paramLabel = "DURATION",
      defaultValue = "PT30M",
      converter = Converters.Timeout.class,
      description = "A named world unused this long is dropped.")
  Duration worldIdleTimeout;

  @Option(
      names = "--admin-host",
      paramLabel = "HOST",
      split = ",",
      description =
          "Repeatable. A Host name, besides loopback names, under which the admin API answers"
              + " (the container's or the CI service's name); any other Host is refused.")
  List<String> adminHosts = new ArrayList<>();

  @Option(
      names = "--response-validation",
      paramLabel = "POLICY",
      defaultValue = "sampled",
      converter = Converters.Validation.class,
      description =
          "Emulator answers checked against the contract: all, sampled (the first 50 of each"
              + " operation and status, then 1 in 64) or off.")
  ResponseValidation responseValidation;

  @Option(
      names = "--log-requests",
      paramLabel = "BOOL",
      arity = "0..1",
      defaultValue = "false",
      fallbackValue = "true",
      description =
          "One INFO line per exchange: method, path, status, operation, time, first"
              + " violation.")
  boolean logRequests;

  @Option(
      names = "--check",
      description =
          "Load configuration, contracts and fixtures, bind the port, then exit (0 when sound).")
  boolean check;

  /** Per-vendor options from the YAML file ({@code vendors.<id>}), without {@code mode}. */
  final Map<String, Map<String, Object>> vendorOptions = new LinkedHashMap<>();
}
