package dev.integrationsandbox.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.config.ConfigException;
import dev.integrationsandbox.config.ConfigLoader;
import dev.integrationsandbox.config.SandboxConfig;
import dev.integrationsandbox.core.SandboxServer;
import dev.integrationsandbox.core.Vendors;
import dev.integrationsandbox.spi.Upstream;
import dev.integrationsandbox.spi.Vendor;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Presets, URLs and the production guard of {@code --upstream}, in every spelling. */
@Timeout(30)
class UpstreamChoiceTest {

  static Vendor vendor(String id) {
    return Vendors.available().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void btgsUatPresetSendsTheTokenPathToItsCognitoDomain() {
    Upstream uat = UpstreamChoice.resolve(vendor("btg"), "uat", false);
    assertEquals(
        URI.create("https://btg-agreement-uat.auth.sa-east-1.amazoncognito.com"),
        uat.hostFor("/oauth2/token"));
    assertEquals(
        URI.create("https://agreements-api-uat.btgpactual.com"),
        uat.hostFor("/v2/btg-tickets/info"));
    assertFalse(uat.production());
  }

  @Test
  void aProductionPresetNeedsTheOptIn() {
    ConfigException refused =
        assertThrows(
            ConfigException.class, () -> UpstreamChoice.resolve(vendor("btg"), "prd", false));
    assertTrue(refused.getMessage().contains("--allow-production"), refused.getMessage());
    assertFalse(refused.getMessage().contains("\n"));
    assertTrue(UpstreamChoice.resolve(vendor("btg"), "prd", true).production());
    assertTrue(UpstreamChoice.resolve(vendor("postcenter"), "PRD", true).production());
  }

  @Test
  void aUrlIsTakenForAVendorWithoutPresets() {
    Upstream erp = UpstreamChoice.resolve(vendor("hubsoft"), "https://erp.example.com/", false);
    assertEquals(URI.create("https://erp.example.com"), erp.hostFor("/oauth/token"));
  }

  @Test
  void anUnknownPresetOrAMissingUpstreamIsOneSentence() {
    ConfigException unknown =
        assertThrows(
            ConfigException.class, () -> UpstreamChoice.resolve(vendor("btg"), "staging", false));
    assertEquals(
        "btg upstream 'staging' is neither a preset (prd, uat) nor an http(s) URL of a host"
            + " (https://host[:port])",
        unknown.getMessage());
    ConfigException missing =
        assertThrows(
            ConfigException.class, () -> UpstreamChoice.resolve(vendor("vocom"), null, false));
    assertTrue(missing.getMessage().contains("--upstream vocom="), missing.getMessage());
  }

  @Test
  void upstreamsComeFromYamlEnvironmentAndFlags() {
    SandboxConfig fromEnv =
        new ConfigLoader(Map.of("SANDBOX_UPSTREAMS", "btg=uat,vocom=http://pbx:8582"), Vendors::ids)
            .load(new String[] {"--upstream", "vocom=https://pbx.example.com"});
    assertEquals(
        Map.of("btg", "uat", "vocom", "https://pbx.example.com"), fromEnv.proxy().upstreams());
  }

  @Test
  void productionWithoutOptInStopsStartUpInOneLine() {
    Vertx vertx = Vertx.vertx();
    try {
      SandboxConfig config =
          new ConfigLoader(Map.of(), Vendors::ids)
              .load(new String[] {"--port", "0", "--mode", "btg=proxy", "--upstream", "btg=prd"});
      Throwable refused =
          SandboxServer.start(vertx, config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT))
              .transform(ar -> io.vertx.core.Future.succeededFuture(ar.cause()))
              .await();
      assertEquals(
          "btg upstream prd is production: add --allow-production to proxy it (personal data is"
              + " then masked in recordings)",
          refused.getMessage());
    } finally {
      vertx.close().await();
    }
  }
}
