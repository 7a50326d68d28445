package dev.integrationsandbox.spi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What a vendor gets to load its emulation: its own fixtures folder and its typed options from the
 * configuration file. Time is not here: each world brings its own clock. The contract is not here
 * either: it loads at the same time as the emulation, on another worker thread.
 *
 * @param options the vendor's options, bound to the record its {@link Vendor#optionsType()} names
 */
public record VendorContext(Vertx vertx, Path fixtures, Record options) {

  /**
   * Reads the vendor's fixtures folder on a worker thread, unordered, so that it runs beside the
   * loading of the contract and of the other vendors rather than after them.
   */
  public <T> Future<T> readFixtures(Function<Path, T> read) {
    return vertx.executeBlocking(() -> read.apply(fixtures), false);
  }

  /** The options as the vendor's own record type. */
  public <T extends Record> T options(Class<T> type) {
    return type.cast(options);
  }
}
