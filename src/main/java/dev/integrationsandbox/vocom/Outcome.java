package dev.integrationsandbox.vocom;

import java.util.Objects;
import java.util.Optional;

/**
 * What a Vocom command did, independent of how it is rendered: the data a success answer needs, or
 * the {@link StatusType} a failure answer carries, plus a sentence for the sandbox journal (never
 * for the vendor-shaped body).
 *
 * <p>A third kind, <em>undetermined</em>, exists because the reference PHP implementation answers
 * {@code "status":null,"status_type":null} when {@code logout} names an agent that exists but is
 * not Available; clients that meet the real PBX meet that answer too.
 */
public final class Outcome<T> {

  private final T value;
  private final StatusType failure;
  private final String reason;
  private final boolean undetermined;

  private Outcome(T value, StatusType failure, String reason, boolean undetermined) {
    this.value = value;
    this.failure = failure;
    this.reason = reason;
    this.undetermined = undetermined;
  }

  public static <T> Outcome<T> ok(T value) {
    return new Outcome<>(value, null, null, false);
  }

  public static <T> Outcome<T> failed(StatusType type, String reason) {
    return new Outcome<>(null, Objects.requireNonNull(type), reason, false);
  }

  public static <T> Outcome<T> undetermined(String reason) {
    return new Outcome<>(null, null, reason, true);
  }

  /** The same failure (or undetermined answer) with another value type. */
  public <U> Outcome<U> castFailure() {
    if (isOk()) {
      throw new IllegalStateException("not a failure");
    }
    return new Outcome<>(null, failure, reason, undetermined);
  }

  public boolean isOk() {
    return failure == null && !undetermined;
  }

  public boolean isUndetermined() {
    return undetermined;
  }

  /** The success data; {@code null} for commands whose answer carries none. */
  public T value() {
    if (!isOk()) {
      throw new IllegalStateException("no value in a failed outcome: " + this);
    }
    return value;
  }

  public Optional<StatusType> failure() {
    return Optional.ofNullable(failure);
  }

  /** Why it failed, for journals and test messages; {@code null} on success. */
  public String reason() {
    return reason;
  }

  /** The {@code status} field: "ok", "error", or null for the undetermined answer. */
  public String status() {
    return undetermined ? null : failure == null ? "ok" : "error";
  }

  /** The {@code status_type} field: "" on success, the failure kind, or null if undetermined. */
  public String statusType() {
    return undetermined ? null : failure == null ? "" : failure.wire();
  }

  @Override
  public String toString() {
    return isOk()
        ? "ok(" + value + ")"
        : undetermined ? "undetermined(" + reason + ")" : failure.wire() + "(" + reason + ")";
  }
}
