package dev.integrationsandbox.support;

/**
 * A fixture that cannot be used, told as {@code <file>: <json pointer>: <reason>} on one line.
 * Users edit fixtures by hand, so start-up stops with the place to fix instead of a stack trace or
 * a dump of the file; the stack trace is left out because it never helps them.
 */
public final class FixtureException extends RuntimeException {

  private final String file;
  private final String pointer;
  private final String reason;

  public FixtureException(String file, String pointer, String reason) {
    super(file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason, null, false, false);
    this.file = file;
    this.pointer = pointer;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  /** The JSON pointer of the offending value; empty for the whole document. */
  public String pointer() {
    return pointer;
  }

  public String reason() {
    return reason;
  }
}
