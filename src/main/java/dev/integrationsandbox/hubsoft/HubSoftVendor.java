package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.config.ConfigException;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Vendor;
import dev.integrationsandbox.spi.VendorContext;
import io.vertx.core.Future;
import java.util.List;

/**
 * HubSoft, the ERP of Brazilian internet providers: its OAuth server ({@code /oauth/token}, Laravel
 * Passport) and its atendimento routes ({@code /api/v1/integracao/…}), each answering errors in its
 * own way. HubSoft is Laravel, which reads the body whatever its Content-Type says, so the media
 * type is not checked.
 */
public final class HubSoftVendor implements Vendor {

  static final int DEFAULT_MAX_ATENDIMENTOS = 10_000;
  static final int DEFAULT_MAX_TOKENS = 10_000;

  private static final Dialect PASSPORT = new PassportDialect();
  private static final Dialect LARAVEL = new LaravelDialect();

  @Override
  public String id() {
    return "hubsoft";
  }

  @Override
  public String title() {
    return "HubSoft";
  }

  @Override
  public String contractFile() {
    return "hubsoft.yaml";
  }

  @Override
  public List<String> pathPrefixes() {
    return List.of("/api/v1/integracao/", "/oauth/");
  }

  @Override
  public Dialect dialect(String operationId) {
    if (HubSoftEmulator.CREATE_TOKEN.equals(operationId)) {
      return PASSPORT;
    }
    if (operationId == null) {
      return (f, call) -> (call.path().startsWith("/oauth/") ? PASSPORT : LARAVEL).render(f, call);
    }
    return LARAVEL;
  }

  @Override
  public boolean checksContentType() {
    return false;
  }

  @Override
  public Future<HubSoftEmulation> emulation(VendorContext context) {
    int maxAtendimentos = positive(context, "maxAtendimentosPerClient", DEFAULT_MAX_ATENDIMENTOS);
    int maxTokens = positive(context, "maxTokensPerClient", DEFAULT_MAX_TOKENS);
    return HubSoftFixtures.load(context.vertx(), context.fixtures())
        .map(fixtures -> new HubSoftEmulation(fixtures, maxAtendimentos, maxTokens));
  }

  /** Option {@code vendors.hubsoft.<name>}: a positive whole number. */
  private static int positive(VendorContext context, String name, int fallback) {
    Object value = context.options().getOrDefault(name, fallback);
    try {
      int n = Integer.parseInt(String.valueOf(value));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigException(
        "vendors.hubsoft." + name + " must be a positive whole number, got '" + value + "'");
  }
}
