package dev.integrationsandbox.config;

import java.util.List;

/** The vendors the sandbox knows by name, in the order they are listed to users. */
public final class VendorId {
  public static final String BTG = "btg";
  public static final String POSTCENTER = "postcenter";
  public static final String HUBSOFT = "hubsoft";
  public static final String VOCOM = "vocom";

  public static final List<String> ALL = List.of(BTG, POSTCENTER, HUBSOFT, VOCOM);

  private VendorId() {}

  public static String require(String name) {
    String id = name.trim().toLowerCase(java.util.Locale.ROOT);
    if (!ALL.contains(id)) {
      throw new ConfigException(
          "unknown vendor '" + name + "' (expected one of " + String.join(", ", ALL) + ")");
    }
    return id;
  }
}
