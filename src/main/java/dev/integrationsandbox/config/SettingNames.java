package dev.integrationsandbox.config;

import java.util.Locale;

/**
 * Derives a setting's other spellings from its flag, so that each setting is declared once: {@code
 * --body-limit} is {@code SANDBOX_BODY_LIMIT} in the environment and {@code bodyLimit} in YAML.
 */
public final class SettingNames {

  private SettingNames() {}

  public static String env(String flag) {
    return "SANDBOX_" + bare(flag).replace('-', '_').toUpperCase(Locale.ROOT);
  }

  public static String yaml(String flag) {
    String[] words = bare(flag).split("-");
    StringBuilder key = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return key.toString();
  }

  private static String bare(String flag) {
    return flag.startsWith("--") ? flag.substring(2) : flag;
  }
}
