package sandbox.http;

import sandbox.config.Mode;
import sandbox.contract.Contract;
import sandbox.vendor.Emulator;
import sandbox.vendor.Vendor;

/**
 * A vendor as it runs in this sandbox: its mode, its loaded contract and the handler of that mode.
 *
 * @param emulator the emulator, also in modes that do not answer from it (null when not built)
 */
public record MountedVendor(
    Vendor vendor, Mode mode, Contract contract, Emulator emulator, ModeHandler handler) {

  public String id() {
    return vendor.id();
  }
}
