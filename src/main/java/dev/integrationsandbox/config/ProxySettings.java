package dev.integrationsandbox.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What proxy mode and recording need, apart from the rest of the configuration, so that the modes
 * that forward read one value.
 *
 * @param upstreams each proxied vendor's upstream as configured: a preset name or a URL
 * @param trust extra trusted certificates (PEM) for upstreams, or null for the JVM's only
 * @param allowProduction whether a production upstream may be reached
 * @param strict whether a request that breaks the contract is refused instead of forwarded
 * @param recordDir where exchanges are recorded, or null for no recording
 * @param recordFileBytes the size past which a recording file rotates
 * @param recordWait the longest an answer waits for its recording line
 * @param redactNames field names masked besides the built-in ones
 * @param maskPersonalData whether recordings mask personal data even without a production upstream
 * @param maskKeyFile the key of the masking HMAC, or null for a random one per run
 * @param credentials real upstream credentials by vendor, from the environment
 * @param corporateProxy the forward proxy to the vendors, from HTTPS_PROXY/HTTP_PROXY/NO_PROXY
 */
public record ProxySettings(
    Map<String, String> upstreams,
    Path trust,
    Duration connectTimeout,
    Duration responseTimeout,
    boolean allowProduction,
    boolean strict,
    Path recordDir,
    long recordFileBytes,
    Duration recordWait,
    List<String> redactNames,
    boolean maskPersonalData,
    Path maskKeyFile,
    Map<String, UpstreamCredentials> credentials,
    CorporateProxy corporateProxy) {

  public ProxySettings {
    upstreams = Map.copyOf(upstreams);
    credentials = Map.copyOf(credentials);
    redactNames = List.copyOf(redactNames);
  }
}
