package dev.integrationsandbox.core;

/** Spots a {@code %} that is not followed by two hexadecimal digits, which no URL decoder takes. */
final class PercentEscapes {
  private PercentEscapes() {}

  static boolean malformed(String text) {
    for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
      if (i + 2 >= text.length() || !isHex(text.charAt(i + 1)) || !isHex(text.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
