package dev.integrationsandbox.hubsoft;

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
  public Class<HubSoftOptions> optionsType() {
    return HubSoftOptions.class;
  }

  @Override
  public Future<HubSoftEmulation> emulation(VendorContext context) {
    HubSoftOptions options = context.options(HubSoftOptions.class);
    return HubSoftFixtures.load(context.vertx(), context.fixtures())
        .map(
            fixtures ->
                new HubSoftEmulation(
                    fixtures, options.maxAtendimentosPerClient(), options.maxTokensPerClient()));
  }
}
