package dev.integrationsandbox.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static final List<String> VENDORS = List.of("btg", "hubsoft", "postcenter", "vocom");

  static SandboxConfig load(Map<String, String> env, String... args) {
    return new ConfigLoader(env, () -> VENDORS).load(args);
  }

  @Test
  void defaultsServeEveryVendorInEmulateModeOnPort8080() {
    SandboxConfig c = load(Map.of());
    assertEquals(8080, c.port());
    assertEquals("0.0.0.0", c.host());
    assertEquals(Mode.EMULATE, c.modeOf("btg"));
    assertEquals(null, c.bodyLimitBytes(), "each vendor's own limit applies");
  }

  @Test
  void flagsBeatEnvironmentWhichBeatsTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(
        file,
        "port: 7000\nhost: 127.0.0.1\njournalSize: 50\nvendors:\n  vocom:\n    mode: emulate\n");
    SandboxConfig fromFile = load(Map.of(), "--config", file.toString());
    assertEquals(7000, fromFile.port());
    assertEquals(50, fromFile.journalSize());
    SandboxConfig fromEnv = load(Map.of("SANDBOX_PORT", "7001"), "--config", file.toString());
    assertEquals(7001, fromEnv.port());
    SandboxConfig fromFlag =
        load(Map.of("SANDBOX_PORT", "7001"), "--config", file.toString(), "--port=7002");
    assertEquals(7002, fromFlag.port());
    assertEquals("127.0.0.1", fromFlag.host());
  }

  @Test
  void modesAreRepeatableFlagsAndAnEnvironmentList() {
    SandboxConfig c =
        load(
            Map.of("SANDBOX_MODES", "vocom=replay"),
            "--mode",
            "btg=proxy",
            "--mode",
            "hubsoft=spy");
    assertEquals(Mode.PROXY, c.modeOf("btg"));
    assertEquals(Mode.SPY, c.modeOf("hubsoft"));
    assertEquals(Mode.REPLAY, c.modeOf("vocom"));
    assertEquals(Mode.EMULATE, c.modeOf("postcenter"));
  }

  @Test
  void sizesTakeUnits() {
    assertEquals(512 * 1024, load(Map.of(), "--body-limit", "512KiB").bodyLimitBytes());
    assertEquals(2_000_000, load(Map.of(), "--body-limit", "2MB").bodyLimitBytes());
    assertEquals(1234, load(Map.of(), "--body-limit", "1234").bodyLimitBytes());
  }

  @Test
  void eachMistakeIsOneSentenceNamingIt(@TempDir Path dir) throws Exception {
    assertProblem("Unknown options: '--prot'", "--prot", "80");
    assertProblem("'--port': must be a port number", "--port", "eighty");
    assertProblem("'--port': must be a port number", "--port", "70000");
    assertProblem("unknown vendor 'acme'", "--mode", "acme=emulate");
    assertProblem("unknown mode 'mock'", "--mode", "btg=mock");
    assertProblem("should be in KEY=VALUE", "--mode", "btg");
    assertProblem("Missing required parameter for option '--port'", "--port");
    assertProblem("fixtures folder", "--fixtures", dir.resolve("nope").toString());
    assertProblem("config file", "--config", dir.resolve("nope.yaml").toString());
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "port: [1, 2\n");
    assertProblem("not valid YAML", "--config", bad.toString());
    Path typo = dir.resolve("typo.yaml");
    Files.writeString(typo, "prot: 80\n");
    assertProblem("prot is not a setting (did you mean port?)", "--config", typo.toString());
  }

  @Test
  void anEnvironmentVariableIsNamedAfterItsFlag() {
    assertEquals(2048, load(Map.of("SANDBOX_BODY_LIMIT", "2KiB")).bodyLimitBytes());
    assertEquals(
        ResponseValidation.ALL,
        load(Map.of("SANDBOX_RESPONSE_VALIDATION", "all")).responseValidation());
    assertTrue(load(Map.of("SANDBOX_LOG_REQUESTS", "true")).logRequests());
    assertTrue(load(Map.of(), "--log-requests").logRequests());
  }

  @Test
  void anEmptyAdminTokenIsRefusedFromEverySource(@TempDir Path dir) throws Exception {
    assertProblem("must not be empty", "--admin-token=");
    assertEquals(
        null,
        load(Map.of("SANDBOX_ADMIN_TOKEN", " ")).adminToken(),
        "a blank variable is unset: the admin API stays loopback-only");
    Path file = dir.resolve("empty-token.yaml");
    Files.writeString(file, "adminToken: \"\"\n");
    assertProblem("must not be empty", "--config", file.toString());
  }

  @Test
  void aVendorOptionTypoIsRefusedWithASuggestion() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                OptionsBinder.bind(
                    dev.integrationsandbox.btg.BtgOptions.class,
                    Map.of("maxTicketz", 5),
                    "vendors.btg"));
    assertEquals(
        "vendors.btg.maxTicketz is not an option (did you mean maxTicketsPerClient?)",
        e.getMessage());
    ConfigException range =
        assertThrows(
            ConfigException.class,
            () ->
                OptionsBinder.bind(
                    dev.integrationsandbox.btg.BtgOptions.class,
                    Map.of("maxTicketsPerClient", -1),
                    "vendors.btg"));
    assertTrue(
        range.getMessage().startsWith("vendors.btg: maxTicketsPerClient"), range.getMessage());
  }

  static void assertProblem(String expected, String... args) {
    ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }
}
