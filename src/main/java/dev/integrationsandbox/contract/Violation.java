package dev.integrationsandbox.contract;

import io.vertx.core.json.JsonObject;

/**
 * One way in which a request or a response departs from the vendor's contract.
 *
 * @param in {@code request} or {@code response}
 * @param location where in the message, e.g. {@code body/phoneNumber}, {@code header createdBy}
 */
public record Violation(String in, String location, String message) {

  public static Violation request(String location, String message) {
    return new Violation("request", location, message);
  }

  public static Violation response(String location, String message) {
    return new Violation("response", location, message);
  }

  /** Location and message in one sentence, as a vendor's error message would carry it. */
  public String describe() {
    return location.isEmpty() ? message : location + ": " + message;
  }

  public JsonObject toJson() {
    return new JsonObject().put("in", in).put("location", location).put("message", message);
  }
}
