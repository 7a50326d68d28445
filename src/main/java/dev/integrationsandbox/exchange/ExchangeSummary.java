package dev.integrationsandbox.exchange;

import io.vertx.core.json.JsonObject;

/**
 * What the journal and the inspector's live list say of every exchange before its details, so that
 * both name the same fields the same way.
 */
public final class ExchangeSummary {

  private ExchangeSummary() {}

  /**
   * @param path the exchange's request target as it may be shown (redacted, masked)
   */
  public static JsonObject of(Exchange e, String path) {
    return new JsonObject()
        .put("id", e.id())
        .put("at", e.at().toString())
        .put("world", e.world())
        .put("vendor", e.vendor())
        .put("operation", e.operationId())
        .put("mode", e.mode() == null ? null : e.mode().id())
        .put("method", e.method().name())
        .put("path", path)
        .put("status", e.status())
        .put("durationMs", e.durationNanos() / 1_000_000.0);
  }
}
