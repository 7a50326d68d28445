package dev.integrationsandbox.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every setting with its four spellings and default, rendered from {@link SandboxOptions}: as a
 * section of {@code --help}, and as the Markdown table in the README (a test keeps the two equal).
 */
public final class SettingsTable {

  private static final Set<String> FLAG_ONLY = Set.of("--help", "--version", "--check", "--config");

  private SettingsTable() {}

  record Row(String flag, String env, String yaml, String defaultValue) {}

  static List<Row> rows(CommandLine cli) {
    List<Row> rows = new ArrayList<>();
    for (OptionSpec o : cli.getCommandSpec().options()) {
      String name = o.longestName();
      if (Set.of("--help", "--version").contains(name)) {
        continue;
      }
      String env =
          switch (name) {
            case "--mode" -> "SANDBOX_MODES";
            case "--upstream" -> "SANDBOX_UPSTREAMS";
            case "--check", "--vendor-option" -> "";
            default -> SettingNames.env(name);
          };
      String yaml =
          switch (name) {
            case "--mode" -> "vendors.<vendor>.mode";
            case "--upstream" -> "vendors.<vendor>.upstream";
            case "--vendor-option" -> "vendors.<vendor>.<key>";
            default -> FLAG_ONLY.contains(name) ? "" : SettingNames.yaml(name);
          };
      String label = o.paramLabel();
      String flag = o.arity().max() == 0 ? name : name + " " + label;
      rows.add(new Row(flag, env, yaml, o.defaultValue() == null ? "" : o.defaultValue()));
    }
    return rows;
  }

  /** The README's table. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    out.append("| flag | environment | YAML | default | meaning |\n");
    out.append("|---|---|---|---|---|\n");
    CommandLine cli = ConfigLoader.commandLine(new SandboxOptions());
    List<Row> rows = rows(cli);
    List<OptionSpec> options =
        cli.getCommandSpec().options().stream()
            .filter(o -> !Set.of("--help", "--version").contains(o.longestName()))
            .toList();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      out.append("| `")
          .append(r.flag())
          .append("` | ")
          .append(code(r.env()))
          .append(" | ")
          .append(code(r.yaml()))
          .append(" | ")
          .append(code(r.defaultValue()))
          .append(" | ")
          .append(String.join(" ", options.get(i).description()).replace("|", "\\|"))
          .append(" |\n");
    }
    return out.toString();
  }

  /** The {@code --help} section naming each setting's environment variable and YAML key. */
  public static String text() {
    StringBuilder out = new StringBuilder("%nEnvironment variables and YAML keys:%n");
    for (Row r : rows(ConfigLoader.commandLine(new SandboxOptions()))) {
      if (r.env().isEmpty()) {
        continue;
      }
      out.append(
          String.format(
              "  %-26s %-30s %s%n",
              r.env(),
              r.yaml(),
              r.defaultValue().isEmpty() ? "" : "(default " + r.defaultValue() + ")"));
    }
    return out.toString();
  }

  private static String code(String text) {
    return text.isEmpty() ? "" : "`" + text + "`";
  }
}
