package dev.integrationsandbox.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a vendor's YAML options ({@code vendors.<id>}) to the record the vendor declares, so that a
 * typo ({@code maxTicketz}) stops start-up with a suggestion instead of being ignored. Components
 * may be {@code Integer}, {@code Long}, {@code Boolean}, {@code String}, {@code Duration}
 * (ISO-8601, the one duration syntax of the sandbox) or {@code Map<String, String>}; an absent key
 * is null and the record's compact constructor supplies its default and checks its range.
 */
public final class OptionsBinder {

  private OptionsBinder() {}

  public static <R extends Record> R bind(Class<R> type, Map<String, Object> values, String where) {
    RecordComponent[] components = type.getRecordComponents();
    List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
    for (String key : values.keySet()) {
      if (!names.contains(key)) {
        throw new ConfigException(
            where + "." + key + " is not an option" + Suggestions.closest(key, names));
      }
    }
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent c = components[i];
      types[i] = c.getType();
      Object raw = values.get(c.getName());
      args[i] = raw == null ? null : convert(raw, c.getGenericType(), where + "." + c.getName());
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      throw new ConfigException(where + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("options record " + type.getName() + " cannot be built", e);
    }
  }

  private static Object convert(Object raw, Type type, String where) {
    if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
      if (!(raw instanceof Map<?, ?> map)) {
        throw new ConfigException(where + " must be a mapping");
      }
      Map<String, String> out = new LinkedHashMap<>();
      map.forEach(
          (k, v) -> {
            if (v instanceof Map || v instanceof List || v == null) {
              throw new ConfigException(where + "." + k + " must be a single value");
            }
            out.put(String.valueOf(k), String.valueOf(v));
          });
      return Map.copyOf(out);
    }
    if (raw instanceof Map || raw instanceof List) {
      throw new ConfigException(where + " must be a single value");
    }
    String text = String.valueOf(raw).trim();
    try {
      if (type == Integer.class || type == int.class) {
        return Integer.valueOf(text);
      }
      if (type == Long.class || type == long.class) {
        return Long.valueOf(text);
      }
      if (type == Boolean.class || type == boolean.class) {
        if (!text.equals("true") && !text.equals("false")) {
          throw new ConfigException(where + " must be true or false, got '" + text + "'");
        }
        return Boolean.valueOf(text);
      }
      if (type == Duration.class) {
        return Duration.parse(text);
      }
      return text;
    } catch (NumberFormatException e) {
      throw new ConfigException(where + " must be a whole number, got '" + text + "'");
    } catch (DateTimeParseException e) {
      throw new ConfigException(
          where + " must be an ISO-8601 duration such as PT10S or PT0.25S, got '" + text + "'");
    }
  }
}
