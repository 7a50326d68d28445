package dev.integrationsandbox.config;

import java.util.Locale;

/** How many of an emulator's answers are validated against the contract before they are sent. */
public enum ResponseValidation {
  /** Every answer. */
  ALL,
  /** The first answers of each operation and status, then a sample (the default). */
  SAMPLED,
  /** None. */
  OFF;

  public static ResponseValidation parse(String text, String where) {
    for (ResponseValidation v : values()) {
      if (v.name().equalsIgnoreCase(text.trim())) {
        return v;
      }
    }
    throw new ConfigException(where + " must be all, sampled or off, got '" + text + "'");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
