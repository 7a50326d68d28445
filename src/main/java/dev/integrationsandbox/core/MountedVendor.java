package dev.integrationsandbox.core;

import dev.integrationsandbox.config.Mode;
import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.spi.Emulation;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Limits;
import dev.integrationsandbox.spi.Vendor;

/**
 * A vendor as it runs in this sandbox: its mode, its loaded contract, its emulation (the loaded
 * fixtures) with the default world's emulator, the handler of its mode, and the limits its edge
 * enforces (the vendor's own, or the configured body limit).
 */
public record MountedVendor(
    Vendor vendor,
    Mode mode,
    Contract contract,
    Emulation<?> emulation,
    Emulator<?> emulator,
    ModeHandler<?> handler,
    Limits limits) {

  public String id() {
    return vendor.id();
  }
}
