package sandbox.http;

import java.util.List;
import sandbox.btg.BtgVendor;
import sandbox.vendor.Vendor;
import sandbox.vocom.VocomVendor;

/** The vendors this build of the sandbox can serve, in the order they start and are listed. */
public final class Vendors {
  private Vendors() {}

  public static List<Vendor> available() {
    return List.of(new BtgVendor(), new VocomVendor());
  }
}
