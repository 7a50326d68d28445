package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault to arm with {@link FaultControl#arm}: what {@code POST /__sandbox/faults} takes, as an
 * immutable value. A fault is one of a vendor's presets (its own way of failing, such as BTG's
 * {@code throttled}) or a kind (a custom error answer, a delay, a reset, closed or truncated
 * connection); it hits the next matching call unless {@link #times} or {@link #probability} say
 * otherwise.
 *
 * <pre>
 * sandbox.faults().arm(Fault.preset("btg", "throttled").operation("createTicket").times(2));
 * sandbox.faults().arm(Fault.error("hubsoft", 503).body("{\"message\":\"down\"}"));
 * sandbox.faults().arm(Fault.latency("vocom", Duration.ofSeconds(5)));
 * </pre>
 */
public final class Fault {

  /** What the sandbox does instead of the normal answer. */
  public enum Kind {
    /** An answer of the given status, headers and body. */
    ERROR,
    /** A delay before the normal answer (or, combined with {@link #delay}, before the fault). */
    LATENCY,
    /** The connection is reset (TCP RST). */
    RESET,
    /** The connection is closed without an answer. */
    CLOSE,
    /** The answer starts and the connection closes midway. */
    TRUNCATE;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final JsonObject json;

  private Fault(JsonObject json) {
    this.json = json;
  }

  /** One of the vendor's own failures, by name ({@link FaultControl#presets()} lists them). */
  public static Fault preset(String vendor, String preset) {
    return new Fault(vendor(vendor).put("preset", Objects.requireNonNull(preset)));
  }

  /** A custom error answer of {@code status}; add {@link #body} and {@link #header} as needed. */
  public static Fault error(String vendor, int status) {
    return of(vendor, Kind.ERROR).with("status", status);
  }

  /** The normal answer, {@code delay} late. */
  public static Fault latency(String vendor, Duration delay) {
    return of(vendor, Kind.LATENCY).delay(delay);
  }

  /** A fault of {@code kind} with no further settings: a reset, close or truncated answer. */
  public static Fault of(String vendor, Kind kind) {
    return new Fault(vendor(vendor).put("kind", kind.id()));
  }

  private static JsonObject vendor(String vendor) {
    return new JsonObject().put("vendor", Objects.requireNonNull(vendor));
  }

  /** Only calls of this operation ({@code operationId} in the vendor's contract). */
  public Fault operation(String operationId) {
    return with("operation", operationId);
  }

  /** How many matching calls fail (1 unless set). */
  public Fault times(int times) {
    return with("times", times);
  }

  /** Each matching call fails with this probability (while {@link #times} remain, if set). */
  public Fault probability(double probability) {
    return with("probability", probability);
  }

  /** A header of the custom error answer. */
  public Fault header(String name, String value) {
    JsonObject headers = json.getJsonObject("headers", new JsonObject()).copy().put(name, value);
    return with("headers", headers);
  }

  /** The custom error answer's body: a JSON object or array, or a string sent as it is. */
  public Fault body(Object body) {
    return with("body", body);
  }

  /** Waits {@code delay} before the fault. */
  public Fault delay(Duration delay) {
    return with("latency", delay.toString());
  }

  private Fault with(String key, Object value) {
    return new Fault(json.copy().put(key, value));
  }

  /** The body of {@code POST /__sandbox/faults}. */
  public JsonObject toJson() {
    return json.copy();
  }

  @Override
  public String toString() {
    return json.encode();
  }
}
