package dev.integrationsandbox.hubsoft;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * HubSoft's input rules, which are Laravel's validation rules, with their Portuguese messages: one
 * message per invalid field, in the order the fields are checked, as HubSoft lists them in {@code
 * errors}. Values are read as Laravel reads them: strings are trimmed and an empty string counts as
 * absent; an integer may come as a JSON number or as a string of digits, but is never rounded.
 *
 * <p>Not thread-safe: one instance collects the messages of one request.
 */
final class Rules {

  static final String INVALID_MSG =
      "Favor preencher os campos obrigatórios de acordo com as especificações";

  private static final Pattern EMAIL =
      Pattern.compile(
          "[^@\\s\"(),:;<>\\[\\]\\\\]+@[^@\\s\"(),:;<>\\[\\]\\\\.]+(\\.[^@\\s\"(),:;<>\\[\\]\\\\.]+)+");

  private final List<String> errors = new ArrayList<>();

  List<String> errors() {
    return errors;
  }

  boolean ok() {
    return errors.isEmpty();
  }

  /** Laravel's {@code required}: null, blank strings and empty arrays or objects are missing. */
  static boolean present(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof String s) {
      return !s.isBlank();
    }
    if (value instanceof JsonArray a) {
      return !a.isEmpty();
    }
    if (value instanceof JsonObject o) {
      return !o.isEmpty();
    }
    return true;
  }

  /** The value, or a failed {@code required} message. */
  boolean required(String field, Object value) {
    if (!present(value)) {
      errors.add("O campo " + field + " é obrigatório.");
      return false;
    }
    return true;
  }

  /** A required free-text field, trimmed; null when it failed. */
  String requiredString(String field, Object value) {
    if (!required(field, value)) {
      return null;
    }
    return string(field, value);
  }

  /** An optional text field, trimmed; null when absent or invalid. */
  String string(String field, Object value) {
    if (!present(value)) {
      return null;
    }
    if (value instanceof String s) {
      return s.strip();
    }
    errors.add("O campo " + field + " deve ser do tipo string.");
    return null;
  }

  Long requiredInteger(String field, Object value) {
    return required(field, value) ? integer(field, value) : null;
  }

  /** An optional whole number that fits a PHP integer (64 bits); null when absent or invalid. */
  Long integer(String field, Object value) {
    if (!present(value)) {
      return null;
    }
    Long parsed = asLong(value);
    if (parsed == null) {
      errors.add("O campo " + field + " deve ser do tipo integer.");
    }
    return parsed;
  }

  /** An integer within bounds (Laravel's {@code integer|between:min,max}). */
  Long integerBetween(String field, Object value, long min, long max) {
    Long parsed = integer(field, value);
    if (parsed != null && (parsed < min || parsed > max)) {
      errors.add("O campo " + field + " deve estar entre " + min + " e " + max + ".");
      return null;
    }
    return parsed;
  }

  /** An integer of at least {@code min}. */
  Long integerMin(String field, Object value, long min) {
    Long parsed = integer(field, value);
    if (parsed != null && parsed < min) {
      errors.add("O campo " + field + " deve ser no mínimo " + min + ".");
      return null;
    }
    return parsed;
  }

  static Long asLong(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? b.longValue() : null;
    }
    String text = value instanceof String s ? s.strip() : null;
    if (text != null && asciiDigits(text, text.startsWith("-") ? 1 : 0)) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Laravel's {@code boolean}: true, false, 1, 0, "1", "0"; absent is {@code fallback}. */
  boolean bool(String field, Object value, boolean fallback) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    Long n = value instanceof String || value instanceof Number ? asLong(value) : null;
    if (n != null && (n == 0 || n == 1) && !(value instanceof String s && !s.strip().equals(s))) {
      return n == 1;
    }
    errors.add("O campo " + field + " deve ser do tipo boolean.");
    return fallback;
  }

  /** The phone as {@code DDNNNNNNNNN} digits; null when missing or malformed. */
  String phone(String field, Object value) {
    if (!required(field, value)) {
      return null;
    }
    String text =
        value instanceof String s
            ? s.strip()
            : value instanceof Number && asLong(value) != null ? value.toString() : null;
    if (text == null || text.length() < 10 || text.length() > 11 || !asciiDigits(text, 0)) {
      errors.add("O formato do campo " + field + " é inválido.");
      return null;
    }
    return text;
  }

  /**
   * Whether {@code text} has at least one character from {@code from} on and all of them are ASCII
   * digits: what {@code [0-9]+} matches, without a regex matcher per field of every request.
   */
  private static boolean asciiDigits(String text, int from) {
    if (text.length() <= from) {
      return false;
    }
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  String email(String field, Object value) {
    String text = string(field, value);
    if (text != null && (text.length() > 254 || !EMAIL.matcher(text).matches())) {
      errors.add("O campo " + field + " deve ser um endereço de e-mail válido.");
      return null;
    }
    return text;
  }

  /** Laravel's {@code array}: a JSON object or array; null when absent. */
  Object array(String field, Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonObject || value instanceof JsonArray) {
      return value;
    }
    errors.add("O campo " + field + " deve ser do tipo array.");
    return null;
  }

  /** Laravel's {@code in}: one of the allowed words. */
  String oneOf(String field, Object value, List<String> allowed) {
    String text = string(field, value);
    if (text != null && !allowed.contains(text)) {
      errors.add("O campo " + field + " selecionado é inválido.");
      return null;
    }
    return text;
  }

  /** Laravel's {@code date_format:Y-m-d}. */
  java.time.LocalDate day(String field, Object value) {
    String text = string(field, value);
    if (text == null) {
      return null;
    }
    java.time.LocalDate day = HubSoftTime.parseDay(text);
    if (day == null) {
      errors.add("O campo " + field + " não corresponde ao formato Y-m-d.");
    }
    return day;
  }

  /** Laravel's {@code after_or_equal:other}. */
  void notBefore(String field, java.time.LocalDate value, String other, java.time.LocalDate min) {
    if (value != null && min != null && value.isBefore(min)) {
      errors.add("O campo " + field + " deve ser uma data posterior ou igual a " + other + ".");
    }
  }
}
