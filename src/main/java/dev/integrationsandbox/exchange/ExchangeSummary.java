package dev.integrationsandbox.exchange;

import io.vertx.core.json.JsonObject;
import java.util.function.UnaryOperator;

/**
 * What the journal and the inspector's live list say of every exchange before its details, so that
 * both name the same fields the same way.
 */
public final class ExchangeSummary {

  private ExchangeSummary() {}

  /**
   * @param maskUri masks the secrets of a request target (the redactor's)
   */
  public static JsonObject of(Exchange e, UnaryOperator<String> maskUri) {
    return new JsonObject()
        .put("id", e.id())
        .put("at", e.at().toString())
        .put("world", e.world())
        .put("vendor", e.vendor())
        .put("operation", e.operationId())
        .put("mode", e.mode() == null ? null : e.mode().id())
        .put("method", e.method().name())
        .put("path", maskUri.apply(e.uri()))
        .put("status", e.status())
        .put("durationMs", e.durationNanos() / 1_000_000.0);
  }
}
