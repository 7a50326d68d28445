package dev.integrationsandbox.spi;

import io.vertx.core.Future;
import java.util.List;

/**
 * Everything the generic pipeline needs to know about one vendor: its contract, the path prefixes
 * it owns, its error dialect and its emulator. The pipeline (routing, body limit, validation,
 * journal, metrics) is the same for all; a vendor contributes data and these few pieces.
 *
 * <p>Vendors are found with {@link java.util.ServiceLoader}: adding one is its package, its
 * contract, its fixtures and one line in {@code
 * META-INF/services/dev.integrationsandbox.spi.Vendor}.
 */
public interface Vendor {

  /** The name used in configuration, URLs of the admin API and metrics: {@code btg}. */
  String id();

  /** The name shown to people: {@code BTG Tickets V2}. */
  String title();

  /** The contract's file name inside the contracts folder. */
  String contractFile();

  /**
   * Path prefixes that belong to this vendor: a request under one of them that matches no operation
   * is answered in this vendor's dialect ({@link Failure.Kind#NO_ROUTE}).
   */
  List<String> pathPrefixes();

  /** The dialect that renders failures of an operation; {@code operationId} may be null. */
  Dialect dialect(String operationId);

  /**
   * Whether a request body must carry a media type that the operation declares. Vocom's server
   * reads the raw body whatever the header says; BTG's gateway does not.
   */
  default boolean checksContentType() {
    return true;
  }

  /** Adds what the vendor puts on every answer (e.g. BTG's {@code x-amzn-RequestId}). */
  default Reply decorate(Reply reply, Call call) {
    return reply;
  }

  /**
   * The record that the vendor's YAML options ({@code vendors.<id>}) bind to; unknown keys are
   * refused with a suggestion. {@link NoOptions} for a vendor that takes none.
   */
  default Class<? extends Record> optionsType() {
    return NoOptions.class;
  }

  /**
   * Loads the vendor's fixtures for emulate mode, once; each world then gets its own {@link
   * Emulator} from the result.
   */
  Future<? extends Emulation<?>> emulation(VendorContext context);
}
