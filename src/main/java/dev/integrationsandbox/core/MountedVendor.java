package dev.integrationsandbox.core;

import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Vendor;

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
