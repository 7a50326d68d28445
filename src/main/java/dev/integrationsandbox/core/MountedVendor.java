package dev.integrationsandbox.core;

import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Vendor;

/**
 * A vendor as it runs in this sandbox: its mode, its loaded contract, its emulation (the loaded
 * fixtures) with the default world's emulator, and the handler of its mode.
 */
public record MountedVendor(
    Vendor vendor,
    Mode mode,
    Contract contract,
    Emulation<?> emulation,
    Emulator<?> emulator,
    ModeHandler<?> handler) {

  public String id() {
    return vendor.id();
  }
}
