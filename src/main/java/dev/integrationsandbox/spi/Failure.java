package dev.integrationsandbox.spi;

import dev.integrationsandbox.contract.Violation;
import java.util.List;

/**
 * Why a request cannot be answered normally, in vendor-neutral terms. Handlers and the pipeline
 * throw it; the vendor's {@link Dialect} turns it into the exact body and status that vendor sends,
 * so the decision "what went wrong" and the rendering "how this vendor says it" stay apart.
 *
 * <p>No stack trace is captured: failures are expected answers, not bugs, and are created on the
 * request path.
 */
public final class Failure extends RuntimeException {

  /** The vendor-neutral kinds of failure a dialect must be able to render. */
  public enum Kind {
    /** Malformed or contract-violating input. */
    BAD_REQUEST,
    /** Missing or invalid credentials. */
    UNAUTHORIZED,
    /** Credentials that were valid but have expired. */
    EXPIRED,
    /** Authenticated, but not allowed. */
    FORBIDDEN,
    NOT_FOUND,
    /** No operation of the vendor at this path. */
    NO_ROUTE,
    METHOD_NOT_ALLOWED,
    /** A business rule refuses the request (closing a closed ticket). */
    UNPROCESSABLE,
    TOO_LARGE,
    UNSUPPORTED_MEDIA_TYPE,
    /**
     * Refused at the HTTP level before any operation is known, by the web server or gateway in
     * front of the vendor's application: a URI or header block over the vendor's limits (414, 431),
     * an {@code Expect} it cannot meet (417), a request that is not well-formed HTTP (400). {@link
     * Failure#status()} carries the status.
     */
    PROTOCOL,
    /** A fault of the sandbox itself; rendered in the dialect, never as a stack trace. */
    INTERNAL
  }

  private final Kind kind;
  private final String code;
  private final List<Violation> violations;
  private final int status;

  private Failure(Kind kind, String code, String message, List<Violation> violations, int status) {
    super(message, null, false, false);
    this.kind = kind;
    this.code = code;
    this.violations = violations;
    this.status = status;
  }

  private Failure(Kind kind, String code, String message, List<Violation> violations) {
    this(kind, code, message, violations, 0);
  }

  private Failure(Kind kind, String code, String message) {
    this(kind, code, message, List.of());
  }

  /** The request departs from the contract: the first violation is the message. */
  public static Failure invalid(List<Violation> violations) {
    return new Failure(
        Kind.BAD_REQUEST, null, violations.get(0).describe(), List.copyOf(violations));
  }

  public static Failure of(Kind kind, String message) {
    return new Failure(kind, null, message);
  }

  /**
   * A failure with the vendor's own error code (e.g. Cognito's {@code invalid_client}, Vocom's
   * {@code not_found_failed}) when the kind alone does not determine it.
   */
  public static Failure coded(Kind kind, String code, String message) {
    return new Failure(kind, code, message);
  }

  /** An HTTP-level refusal ({@link Kind#PROTOCOL}) with the status the web server sends. */
  public static Failure protocol(int status, String message) {
    return new Failure(Kind.PROTOCOL, null, message, List.of(), status);
  }

  public static Failure badRequest(String message) {
    return of(Kind.BAD_REQUEST, message);
  }

  public static Failure notFound(String message) {
    return of(Kind.NOT_FOUND, message);
  }

  public static Failure unprocessable(String message) {
    return of(Kind.UNPROCESSABLE, message);
  }

  public static Failure unauthorized(String message) {
    return of(Kind.UNAUTHORIZED, message);
  }

  /** Wraps anything thrown by a handler so that it is rendered, never leaked. */
  public static Failure from(Throwable t) {
    if (t instanceof Failure f) {
      return f;
    }
    return of(Kind.INTERNAL, t.getClass().getSimpleName() + ": " + t.getMessage());
  }

  public Kind kind() {
    return kind;
  }

  /** The contract violations behind a BAD_REQUEST, for the journal; often empty. */
  public List<Violation> violations() {
    return violations;
  }

  /** The HTTP status of a {@link Kind#PROTOCOL} refusal; 0 for other kinds. */
  public int status() {
    return status;
  }

  /** The vendor's own code, or null when the kind says it all. */
  public String code() {
    return code;
  }
}
