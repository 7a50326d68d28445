package dev.integrationsandbox.vocom;

import dev.integrationsandbox.config.ConfigException;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.FaultPreset;
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
 * an ISO-8601 duration ({@code PT10S}, {@code PT0.25S}) or a random range ({@code PT8S..PT12S}).
 * {@code callServices} takes {@code PT10S} by default, as the vendor's server sleeps ten seconds
 * before it answers, so that client timeouts are rehearsed against the real thing; fast test suites
 * turn it off with one line:
 *
 * <pre>
 * vendors:
 *   vocom:
 *     latency:
 *       callServices: PT0S
 * </pre>
 */
public final class VocomVendor implements Vendor {

  private static final Dialect DIALECT = new VocomDialect();

  private static final Descriptor DESCRIPTOR =
      new Descriptor(
              "vocom",
              "Vocom interact_cti",
              "vocom.yaml",
              List.of("/interact_cti/", "/tabs/", "/dialer/"))
          .readingAnyContentType()
          .withExactPaths();

  @Override
  public Descriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<FaultPreset> faultPresets() {
    return VocomFaults.ALL;
  }

  @Override
  public Dialect dialect(Call call) {
    return DIALECT;
  }

  @Override
  public Class<VocomOptions> optionsType() {
    return VocomOptions.class;
  }

  @Override
  public Future<Emulation<Pbx>> emulation(VendorContext context) {
    Map<VocomCommand, Latency> latencies = latencies(context.options(VocomOptions.class).latency());
    return context
        .vertx()
        .executeBlocking(() -> VocomFixtures.load(context.fixtures()))
        .map(fixtures -> new VocomEmulation(fixtures, new Latencies(context.vertx(), latencies)));
  }

  /** The configured latencies over the vendor's own: {@code callServices} 10 s unless set. */
  static Map<VocomCommand, Latency> latencies(Map<String, String> option) {
    Map<VocomCommand, Latency> latencies = new EnumMap<>(VocomCommand.class);
    latencies.put(VocomCommand.CALL_SERVICES, Latency.VOCOM_CALL_SERVICES);
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
