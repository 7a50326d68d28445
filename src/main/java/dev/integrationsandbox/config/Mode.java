package dev.integrationsandbox.config;

import java.util.Locale;

/**
 * How one vendor is served: simulated, forwarded to the real host, or answered from a recording.
 */
public enum Mode {
  EMULATE,
  PROXY,
  REPLAY,
  SPY;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Mode parse(String text) {
    for (Mode mode : values()) {
      if (mode.id().equalsIgnoreCase(text.trim())) {
        return mode;
      }
    }
    throw new ConfigException(
        "unknown mode '" + text + "' (expected emulate, proxy, replay or spy)");
  }
}
