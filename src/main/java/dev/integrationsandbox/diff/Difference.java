package dev.integrationsandbox.diff;

import io.vertx.core.json.JsonObject;

/**
 * One structural difference of one exchange.
 *
 * @param pointer a JSON pointer into the body, or {@code status}
 * @param kind {@code status}, {@code missing}, {@code extra}, {@code type} or {@code enum}
 * @param recorded the recorded value (a type name for {@code type}), null when missing
 * @param emulator the emulator's value likewise
 */
public record Difference(
    String exchange,
    String vendor,
    String operation,
    String pointer,
    String kind,
    Object recorded,
    Object emulator,
    Attribution attribution) {

  public JsonObject toJson() {
    return new JsonObject()
        .put("exchange", exchange)
        .put("vendor", vendor)
        .put("operation", operation)
        .put("pointer", pointer)
        .put("kind", kind)
        .put("recorded", recorded)
        .put("emulator", emulator)
        .put("attribution", attribution.name());
  }

  public String describe() {
    return pointer
        + " "
        + kind
        + ": recorded "
        + recorded
        + ", emulator "
        + emulator
        + " → "
        + attribution;
  }
}
