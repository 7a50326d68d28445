package dev.integrationsandbox.fault;

import dev.integrationsandbox.config.Suggestions;
import dev.integrationsandbox.spi.FaultPreset;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Reads the body of {@code POST /__sandbox/faults} into a {@link Fault}, refusing anything unclear
 * with a message that names the field (and, for a misspelt vendor, operation or preset, the names
 * that exist): a fault armed differently from what the test meant would make the test lie.
 */
final class FaultRequest {

  /** The longest delay a fault may hold a connection for. */
  static final Duration MAX_LATENCY = Duration.ofMinutes(5);

  static final long MAX_TIMES = 1_000_000;

  /**
   * Headers that decide where the answer ends: a custom value would desynchronise the connection.
   */
  private static final Set<String> FRAMING =
      Set.of("content-length", "transfer-encoding", "connection", "upgrade");

  private static final Set<String> FIELDS =
      Set.of(
          "vendor",
          "operation",
          "world",
          "preset",
          "kind",
          "status",
          "headers",
          "body",
          "latency",
          "times",
          "probability");

  private final Map<String, FaultTarget> targets;
  private final Predicate<String> validWorld;

  FaultRequest(Map<String, FaultTarget> targets, Predicate<String> validWorld) {
    this.targets = targets;
    this.validWorld = validWorld;
  }

  /**
   * @param worldParam the {@code ?world=} of the request, or null
   * @throws IllegalArgumentException naming what is wrong
   */
  Fault parse(JsonObject body, String worldParam, String id) {
    for (String field : body.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw bad(
            "unknown field '" + field + "'" + Suggestions.closest(field, new TreeSet<>(FIELDS)));
      }
    }
    FaultTarget target = target(string(body, "vendor"));
    String operation = operation(target, string(body, "operation"));
    String world = world(string(body, "world"), worldParam);
    String presetName = string(body, "preset");
    String kindName = string(body, "kind");
    if ((presetName == null) == (kindName == null)) {
      throw bad(
          "send either preset (one of " + target.presetNames() + ") or kind (" + kinds() + ")");
    }
    FaultPreset preset = presetName == null ? null : preset(target, presetName, operation);
    FaultKind kind = preset != null ? FaultKind.ERROR : kind(kindName);
    Reply error = kind == FaultKind.ERROR && preset == null ? error(body) : null;
    if (error == null) {
      for (String field : List.of("status", "headers", "body")) {
        if (body.containsKey(field)) {
          throw bad(field + " belongs to a custom error, {\"kind\":\"error\",\"status\":503}");
        }
      }
    }
    Duration latency = latency(body, kind);
    Double probability = probability(body);
    AtomicLong remaining = times(body, probability);
    return new Fault(
        id,
        target.vendor(),
        operation,
        world,
        kind,
        preset,
        error,
        latency,
        remaining,
        probability);
  }

  private FaultTarget target(String vendor) {
    if (vendor == null) {
      throw bad("vendor is required: one of " + String.join(", ", targets.keySet()));
    }
    FaultTarget target = targets.get(vendor);
    if (target == null) {
      throw bad(
          "vendor '"
              + vendor
              + "' is not running in this sandbox"
              + Suggestions.closest(vendor, targets.keySet()));
    }
    return target;
  }

  private static String operation(FaultTarget target, String operation) {
    if (operation != null && !target.operations().contains(operation)) {
      throw bad(
          "operation '"
              + operation
              + "' is not an operationId of "
              + target.vendor()
              + Suggestions.closest(operation, new TreeSet<>(target.operations())));
    }
    return operation;
  }

  private String world(String inBody, String inQuery) {
    if (inBody != null && inQuery != null && !inBody.equals(inQuery)) {
      throw bad("world is '" + inBody + "' in the body but '" + inQuery + "' in the query");
    }
    String world = inBody != null ? inBody : inQuery;
    if (world != null && !validWorld.test(world)) {
      throw bad("world: a world's name is 1 to 64 letters, digits, dots, dashes or underscores");
    }
    return world;
  }

  private static FaultPreset preset(FaultTarget target, String name, String operation) {
    FaultPreset preset =
        target
            .preset(name)
            .orElseThrow(
                () ->
                    bad(
                        "preset '"
                            + name
                            + "' is not one of "
                            + target.vendor()
                            + "'s"
                            + Suggestions.closest(name, target.presetNames())));
    if (operation != null && !preset.appliesTo(operation)) {
      throw bad(
          "preset '"
              + name
              + "' does not apply to "
              + operation
              + "; it applies to "
              + new TreeSet<>(preset.operations()));
    }
    return preset;
  }

  private static FaultKind kind(String name) {
    return FaultKind.of(name)
        .orElseThrow(() -> bad("kind '" + name + "' is not one of " + kinds()));
  }

  private static List<String> kinds() {
    return java.util.Arrays.stream(FaultKind.values()).map(FaultKind::wire).toList();
  }

  /** A custom error: a status, optional headers, and a JSON or text body. */
  private static Reply error(JsonObject body) {
    Object status = body.getValue("status");
    if (!(status instanceof Integer s) || s < 200 || s > 599) {
      throw bad("status: a custom error needs a status from 200 to 599");
    }
    MultiMap headers = MultiMap.caseInsensitiveMultiMap();
    Object given = body.getValue("headers");
    if (given != null) {
      if (!(given instanceof JsonObject h)) {
        throw bad("headers must be an object of names to text values");
      }
      for (Map.Entry<String, Object> e : h) {
        if (!(e.getValue() instanceof String v) || !token(e.getKey()) || !headerValue(v)) {
          throw bad("headers: '" + e.getKey() + "' must be a header name with a text value");
        }
        if (FRAMING.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
          throw bad(
              "headers: '"
                  + e.getKey()
                  + "' frames the answer and is set by the sandbox; use kind truncate or close to"
                  + " break the framing");
        }
        headers.add(e.getKey(), v);
      }
    }
    Object content = body.getValue("body");
    String type = headers.get("Content-Type");
    headers.remove("Content-Type");
    if (content == null) {
      return new Reply(s, type, headers, null, Buffer.buffer(), null, List.of());
    }
    if (content instanceof String text) {
      return new Reply(
          s,
          type != null ? type : "text/plain; charset=utf-8",
          headers,
          null,
          Buffer.buffer(text),
          null,
          List.of());
    }
    if (content instanceof JsonObject || content instanceof JsonArray) {
      return new Reply(
          s, type != null ? type : Reply.APPLICATION_JSON, headers, content, null, null, List.of());
    }
    throw bad("body must be a JSON object or array, or a string");
  }

  private static boolean token(String name) {
    return !name.isEmpty()
        && name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0);
  }

  private static boolean headerValue(String value) {
    return value.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
  }

  private static Duration latency(JsonObject body, FaultKind kind) {
    Object given = body.getValue("latency");
    if (given == null) {
      if (kind == FaultKind.LATENCY) {
        throw bad("latency is required for kind latency: an ISO-8601 duration such as PT5S");
      }
      return Duration.ZERO;
    }
    Duration latency;
    try {
      latency = Duration.parse(String.valueOf(given));
    } catch (DateTimeParseException e) {
      throw bad("latency must be an ISO-8601 duration such as PT5S or PT0.25S");
    }
    if (latency.isNegative() || latency.compareTo(MAX_LATENCY) > 0) {
      throw bad("latency must be between PT0S and " + MAX_LATENCY);
    }
    return latency;
  }

  private static Double probability(JsonObject body) {
    Object given = body.getValue("probability");
    if (given == null) {
      return null;
    }
    if (!(given instanceof Number n) || !(n.doubleValue() > 0) || n.doubleValue() > 1) {
      throw bad("probability must be a number above 0 and at most 1");
    }
    return n.doubleValue();
  }

  /** {@code times}, 1 by default; unlimited for a probability fault that gives none. */
  private static AtomicLong times(JsonObject body, Double probability) {
    Object given = body.getValue("times");
    if (given == null) {
      return probability == null ? new AtomicLong(1) : null;
    }
    if (!(given instanceof Integer || given instanceof Long)
        || ((Number) given).longValue() < 1
        || ((Number) given).longValue() > MAX_TIMES) {
      throw bad("times must be a whole number from 1 to " + MAX_TIMES);
    }
    return new AtomicLong(((Number) given).longValue());
  }

  private static String string(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s) || s.isEmpty()) {
      throw bad(field + " must be a non-empty string");
    }
    return s;
  }

  private static IllegalArgumentException bad(String message) {
    return new IllegalArgumentException(message);
  }
}
