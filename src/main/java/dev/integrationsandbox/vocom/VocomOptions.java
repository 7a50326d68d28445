package dev.integrationsandbox.vocom;

import java.util.Map;

/**
 * Vocom's options under {@code vendors.vocom}.
 *
 * @param latency per operationId, how long the answer is held back
 */
public record VocomOptions(Map<String, String> latency) {
  public VocomOptions {
    latency = latency == null ? Map.of() : latency;
  }
}
