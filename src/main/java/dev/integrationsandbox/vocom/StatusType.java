package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Failure.Kind;
import java.util.Arrays;
import java.util.Optional;

/**
 * The four failure kinds the Vocom APIv2 reports in {@code status_type}. Clients branch on these
 * strings, so the wire spelling lives here once and nowhere else, together with the vendor-neutral
 * {@link Kind} each one travels as through the pipeline.
 */
public enum StatusType {
  /** A required key is missing from the JSON body, or a value cannot be understood (dates). */
  PARAMS_FAILED("params_failed", Kind.BAD_REQUEST),
  /** No API key, an unknown key, or (sandbox assumption) a key of another company. */
  AUTHENTICATION_FAILED("authentication_failed", Kind.UNAUTHORIZED),
  /** The agent, break or queue named in the request does not exist for the company. */
  NOT_FOUND_FAILED("not_found_failed", Kind.NOT_FOUND),
  /** The PBX refused the action: wrong agent status, no channel, a call that is gone. */
  EXECUTE_FAILED("execute_failed", Kind.UNPROCESSABLE);

  private final String wire;
  private final Kind kind;

  StatusType(String wire, Kind kind) {
    this.wire = wire;
    this.kind = kind;
  }

  public String wire() {
    return wire;
  }

  /**
   * A failure that {@link VocomDialect} renders with exactly this {@code status_type}.
   *
   * @param reason the sandbox's explanation, for the journal; never sent to the client
   */
  public Failure failure(String reason) {
    return Failure.coded(kind, wire, reason);
  }

  /**
   * The {@code status_type} a failure is answered with: its own code when the emulator chose one,
   * else the vendor's nearest kind for what the pipeline found (a contract violation is {@code
   * params_failed}, a body over the limit too). Empty for a request that names no command.
   */
  public static Optional<StatusType> of(Failure failure) {
    Optional<StatusType> coded =
        Arrays.stream(values()).filter(t -> t.wire.equals(failure.code())).findFirst();
    if (coded.isPresent()) {
      return coded;
    }
    return Optional.ofNullable(
        switch (failure.kind()) {
          case UNAUTHORIZED, EXPIRED, FORBIDDEN -> AUTHENTICATION_FAILED;
          case NOT_FOUND -> NOT_FOUND_FAILED;
          case BAD_REQUEST, TOO_LARGE, UNSUPPORTED_MEDIA_TYPE -> PARAMS_FAILED;
          case UNPROCESSABLE, INTERNAL -> EXECUTE_FAILED;
          case NO_ROUTE, METHOD_NOT_ALLOWED, PROTOCOL -> null;
        });
  }
}
