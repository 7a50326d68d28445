package dev.integrationsandbox.fuzz;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Set;

/**
 * One operation of one vendor as the fuzzer needs it, read from the vendor's contract: where it
 * lives, what it takes (parameters and body schemas, with the contract's examples as seeds that
 * reach the emulator past its "not found" answers) and which statuses it may answer.
 *
 * @param mediaType the request body's media type, null when the operation takes no body
 * @param authenticated whether the vendor's credentials ({@link Credentials}) belong on it: false
 *     for operations whose contract says they need none or take their own (token endpoints)
 * @param statuses the response keys the contract declares ({@code "200"}, {@code "default"}…)
 */
record FuzzOperation(
    String vendor,
    String operationId,
    String method,
    String path,
    List<Param> params,
    String mediaType,
    JsonObject bodySchema,
    boolean bodyRequired,
    List<Object> bodyExamples,
    boolean authenticated,
    Set<String> statuses) {

  /** One parameter: {@code in} is path, query or header. */
  record Param(
      String name, String in, boolean required, JsonObject schema, List<Object> examples) {}

  boolean declares(int status) {
    return statuses.contains(String.valueOf(status))
        || statuses.contains(status / 100 + "XX")
        || statuses.contains("default");
  }

  @Override
  public String toString() {
    return vendor + " " + operationId + " (" + method + " " + path + ")";
  }
}
