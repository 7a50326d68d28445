package dev.integrationsandbox.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the server needs to start, after defaults, the YAML file, environment variables and
 * command-line flags have been merged (in that order, later wins).
 *
 * @param contracts the contracts folder, or null for the copies packaged in the jar
 * @param fixtures the fixtures folder, or null for the copies packaged in the jar
 * @param bodyLimitBytes a body limit for every vendor, or null for each vendor's own
 * @param checkOnly {@code --check}: stop once everything has loaded and the port is bound
 * @param modes the mode of each vendor that was named; vendors not named run in emulate mode
 * @param responseValidation how many emulator answers are checked against the contract
 * @param vendors per-vendor options from the YAML file (e.g. {@code vocom.latency})
 * @param proxy upstreams, validation strictness and recording, for the vendors that forward
 * @param replayFrom the recordings (files or folders) that vendors in replay mode answer from
 * @param replayMaxBytes the most bytes the recordings of {@code replayFrom} may hold together
 * @param replayMaxExchanges the most exchanges of replayed vendors they may hold
 * @param tlsCert the certificate chain to serve HTTPS with, or null for plain HTTP
 * @param tlsKey the private key of {@code tlsCert}
 */
public record SandboxConfig(
    String host,
    int port,
    Path contracts,
    Path fixtures,
    Long bodyLimitBytes,
    Duration idleTimeout,
    Duration readTimeout,
    int maxConnections,
    int maxWorlds,
    Duration worldIdleTimeout,
    int journalSize,
    long journalBytes,
    int capturedBodyBytes,
    boolean logRequests,
    String adminToken,
    List<String> adminHosts,
    ResponseValidation responseValidation,
    boolean checkOnly,
    Map<String, Mode> modes,
    Map<String, Map<String, Object>> vendors,
    ProxySettings proxy,
    List<Path> replayFrom,
    long replayMaxBytes,
    int replayMaxExchanges,
    Path tlsCert,
    Path tlsKey) {

  public Mode modeOf(String vendor) {
    return modes.getOrDefault(vendor, Mode.EMULATE);
  }

  public Map<String, Object> optionsOf(String vendor) {
    return vendors.getOrDefault(vendor, Map.of());
  }
}
