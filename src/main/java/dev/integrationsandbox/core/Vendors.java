package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Vendor;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The vendors this build can serve, found with {@link ServiceLoader}: the one source from which the
 * configuration, {@code --help} and the route table learn which vendors exist.
 */
public final class Vendors {

  private static final List<Vendor> AVAILABLE =
      ServiceLoader.load(Vendor.class).stream()
          .map(ServiceLoader.Provider::get)
          .sorted(Comparator.comparing(Vendor::id))
          .toList();

  private Vendors() {}

  public static List<Vendor> available() {
    return AVAILABLE;
  }

  public static List<String> ids() {
    return AVAILABLE.stream().map(Vendor::id).toList();
  }
}
