package dev.integrationsandbox.spi;

import dev.integrationsandbox.contract.Contract;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * What a vendor gets to load its emulation: its own fixtures folder, its typed options from the
 * configuration file, and its loaded contract. Time is not here: each world brings its own clock.
 *
 * @param options the vendor's options, bound to the record its {@link Vendor#optionsType()} names
 */
public record VendorContext(Vertx vertx, Path fixtures, Record options, Contract contract) {

  /** The options as the vendor's own record type. */
  public <T extends Record> T options(Class<T> type) {
    return type.cast(options);
  }
}
