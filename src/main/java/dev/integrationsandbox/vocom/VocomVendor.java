package dev.integrationsandbox.vocom;

import dev.integrationsandbox.config.ConfigException;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Vendor;
import dev.integrationsandbox.spi.VendorContext;
import io.vertx.core.Future;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Vocom's interact_cti APIv2: agents, breaks, click-to-call and reports of an on-premise PBX. Every
 * answer is HTTP 200 with {@code {"response":{…}}}, errors included.
 *
 * <p>Options (YAML, under {@code vendors.vocom}): {@code latency}, a map of operationId to a delay,
 * fixed ({@code 10s}, {@code 250ms}) or random in a range ({@code 8s..12s}):
 *
 * <pre>
 * vendors:
 *   vocom:
 *     latency:
 *       callServices: 8s..12s
 * </pre>
 */
public final class VocomVendor implements Vendor {

  private static final Dialect DIALECT = new VocomDialect();

  @Override
  public String id() {
    return "vocom";
  }

  @Override
  public String title() {
    return "Vocom interact_cti";
  }

  @Override
  public String contractFile() {
    return "vocom.yaml";
  }

  @Override
  public List<String> pathPrefixes() {
    return List.of("/interact_cti/", "/tabs/", "/dialer/");
  }

  @Override
  public Dialect dialect(String operationId) {
    return DIALECT;
  }

  /** The vendor's PHP server reads the raw body as JSON whatever the Content-Type says. */
  @Override
  public boolean checksContentType() {
    return false;
  }

  @Override
  public Class<VocomOptions> optionsType() {
    return VocomOptions.class;
  }

  @Override
  public Future<Emulation<CallCenter>> emulation(VendorContext context) {
    Map<VocomCommand, Latency> latencies = latencies(context.options(VocomOptions.class).latency());
    return context
        .vertx()
        .executeBlocking(() -> VocomFixtures.load(context.fixtures()))
        .map(fixtures -> new VocomEmulation(context.vertx(), fixtures, latencies));
  }

  static Map<VocomCommand, Latency> latencies(Map<String, String> option) {
    Map<VocomCommand, Latency> latencies = new EnumMap<>(VocomCommand.class);
    for (Map.Entry<String, String> e : option.entrySet()) {
      String op = String.valueOf(e.getKey());
      VocomCommand command =
          VocomCommand.byOperationId(op)
              .orElseThrow(
                  () ->
                      new ConfigException(
                          "vendors.vocom.latency: '" + op + "' is not a Vocom operationId"));
      try {
        latencies.put(command, Latency.parse(String.valueOf(e.getValue())));
      } catch (IllegalArgumentException ex) {
        throw new ConfigException("vendors.vocom.latency." + op + ": " + ex.getMessage());
      }
    }
    return latencies;
  }
}
