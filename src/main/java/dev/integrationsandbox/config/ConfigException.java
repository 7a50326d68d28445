package dev.integrationsandbox.config;

/** A configuration problem, told to the user in one line at start-up instead of a stack trace. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message, null, false, false);
  }
}
