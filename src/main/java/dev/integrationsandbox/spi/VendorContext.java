package dev.integrationsandbox.spi;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.support.SandboxClock;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a vendor gets to build its emulator: the shared clock, its own fixtures folder, its options
 * from the configuration file, and its loaded contract.
 */
public record VendorContext(
    Vertx vertx,
    SandboxClock clock,
    Path fixtures,
    Map<String, Object> options,
    Contract contract) {}
