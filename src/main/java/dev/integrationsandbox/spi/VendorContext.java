package dev.integrationsandbox.spi;

import dev.integrationsandbox.contract.Contract;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a vendor gets to load its emulation: its own fixtures folder, its options from the
 * configuration file, and its loaded contract. Time is not here: each world brings its own clock.
 */
public record VendorContext(
    Vertx vertx, Path fixtures, Map<String, Object> options, Contract contract) {}
