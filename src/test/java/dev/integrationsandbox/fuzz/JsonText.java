package dev.integrationsandbox.fuzz;

import java.util.List;
import java.util.Map;

/**
 * Writes the generators' values as JSON text by hand, because an encoder would normalise exactly
 * what the fuzz wants to send: {@link Raw} number text such as {@code 9223372036854775808} or
 * {@code 1e400} goes out verbatim, and lone surrogates stay in the string (they become {@code ?}
 * once encoded as UTF-8, or a {@code \ud800} escape half the time).
 */
final class JsonText {

  /** Text written verbatim where a value goes: numbers no Java type holds. */
  record Raw(String text) {
    @Override
    public String toString() {
      return text;
    }
  }

  private JsonText() {}

  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(value, b);
    return b.toString();
  }

  private static void write(Object value, StringBuilder b) {
    if (value == null) {
      b.append("null");
    } else if (value instanceof Map<?, ?> map) {
      b.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          b.append(',');
        }
        first = false;
        string(String.valueOf(e.getKey()), b);
        b.append(':');
        write(e.getValue(), b);
      }
      b.append('}');
    } else if (value instanceof List<?> list) {
      b.append('[');
      for (int k = 0; k < list.size(); k++) {
        if (k > 0) {
          b.append(',');
        }
        write(list.get(k), b);
      }
      b.append(']');
    } else if (value instanceof String s) {
      string(s, b);
    } else {
      b.append(value);
    }
  }

  private static void string(String s, StringBuilder b) {
    b.append('"');
    for (int k = 0; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (Character.isHighSurrogate(c)
          && k + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(k + 1))) {
        b.append(c).append(s.charAt(++k));
      } else if (c < 0x20 || (Character.isSurrogate(c) && k % 2 == 0)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }
}
