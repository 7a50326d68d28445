package dev.integrationsandbox.proxy;

import dev.integrationsandbox.config.ConfigException;
import dev.integrationsandbox.spi.Upstream;
import dev.integrationsandbox.spi.Vendor;
import java.net.URI;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Turns {@code --upstream VENDOR=PRESET|URL} into the vendor's {@link Upstream}, and applies the
 * production guard: a production upstream without {@code --allow-production} stops start-up with
 * one line, before anything is loaded or any connection is made.
 */
public final class UpstreamChoice {

  private UpstreamChoice() {}

  /**
   * @param configured a preset name the vendor declares, or an http(s) URL; null when not given
   * @throws ConfigException when missing, unknown, or production without the opt-in
   */
  public static Upstream resolve(Vendor vendor, String configured, boolean allowProduction) {
    String presets = String.join(", ", new TreeSet<>(vendor.upstreamPresets().keySet()));
    if (configured == null || configured.isBlank()) {
      throw new ConfigException(
          vendor.id()
              + " is in proxy mode but has no upstream: add --upstream "
              + vendor.id()
              + "="
              + (presets.isEmpty() ? "https://host" : "PRESET (" + presets + ") or a URL"));
    }
    Upstream upstream = vendor.upstreamPresets().get(configured.toLowerCase(Locale.ROOT));
    if (upstream == null) {
      upstream = url(vendor, configured, presets);
    }
    if (upstream.production() && !allowProduction) {
      throw new ConfigException(
          vendor.id()
              + " upstream "
              + configured
              + " is production: add --allow-production to proxy it (personal data is then"
              + " masked in recordings)");
    }
    return upstream;
  }

  private static Upstream url(Vendor vendor, String configured, String presets) {
    try {
      URI uri = URI.create(configured.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https"))
          && uri.getHost() != null
          && (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/"))
          && uri.getQuery() == null) {
        return Upstream.at(configured.trim());
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw new ConfigException(
        vendor.id()
            + " upstream '"
            + configured
            + "' is neither "
            + (presets.isEmpty() ? "" : "a preset (" + presets + ") nor ")
            + "an http(s) URL of a host (https://host[:port])");
  }
}
