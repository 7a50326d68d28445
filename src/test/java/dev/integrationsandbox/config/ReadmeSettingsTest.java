package dev.integrationsandbox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the one declaration of settings, rendered. */
class ReadmeSettingsTest {

  static final String START = "<!-- settings:start (generated from SandboxOptions) -->\n";
  static final String END = "<!-- settings:end -->";

  @Test
  void theReadmeTableIsTheDeclarationOfSettings() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int from = readme.indexOf(START);
    int to = readme.indexOf(END);
    String table = from < 0 || to < from ? "" : readme.substring(from + START.length(), to);
    assertEquals(
        SettingsTable.markdown(),
        table,
        "README.md's settings table is out of date; put this between the markers:\n"
            + SettingsTable.markdown());
  }
}
