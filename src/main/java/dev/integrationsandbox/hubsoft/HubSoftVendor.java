package dev.integrationsandbox.hubsoft;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.FaultPreset;
import dev.integrationsandbox.spi.UpstreamAuth;
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

  private static final Descriptor DESCRIPTOR =
      new Descriptor(
              "hubsoft", "HubSoft", "hubsoft.yaml", List.of("/api/v1/integracao/", "/oauth/"))
          .readingAnyContentType();

  @Override
  public Descriptor descriptor() {
    return DESCRIPTOR;
  }

  /** Passport's token endpoint has its own error shape; the API answers as Laravel does. */
  @Override
  public List<FaultPreset> faultPresets() {
    return HubSoftFaults.ALL;
  }

  @Override
  public Dialect dialect(Call call) {
    return call.path().startsWith("/oauth/") ? PASSPORT : LARAVEL;
  }

  /** Passport's password grant, as integrators use it (VENDOR-FACTS §3). */
  @Override
  public UpstreamAuth upstreamAuth() {
    return new UpstreamAuth("/oauth/token", UpstreamAuth.Grant.PASSWORD);
  }

  @Override
  public Class<HubSoftOptions> optionsType() {
    return HubSoftOptions.class;
  }

  @Override
  public Future<HubSoftEmulation> emulation(VendorContext context) {
    HubSoftOptions options = context.options(HubSoftOptions.class);
    return HubSoftFixtures.load(context.vertx(), context.fixtures())
        .map(fixtures -> new HubSoftEmulation(fixtures, options));
  }
}
