package dev.integrationsandbox.core;

import dev.integrationsandbox.btg.BtgVendor;
import dev.integrationsandbox.spi.Vendor;
import dev.integrationsandbox.vocom.VocomVendor;
import java.util.List;

/** The vendors this build of the sandbox can serve, in the order they start and are listed. */
public final class Vendors {
  private Vendors() {}

  public static List<Vendor> available() {
    return List.of(new BtgVendor(), new VocomVendor());
  }
}
