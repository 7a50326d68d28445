package dev.integrationsandbox.spi;

import io.vertx.core.Vertx;
import java.nio.file.Path;

/**
 * What a vendor gets to load its emulation: its own fixtures folder and its typed options from the
 * configuration file. Time is not here: each world brings its own clock. The contract is not here
 * either: it loads at the same time as the emulation, on another worker thread.
 *
 * @param options the vendor's options, bound to the record its {@link Vendor#optionsType()} names
 */
public record VendorContext(Vertx vertx, Path fixtures, Record options) {

  /** The options as the vendor's own record type. */
  public <T extends Record> T options(Class<T> type) {
    return type.cast(options);
  }
}
