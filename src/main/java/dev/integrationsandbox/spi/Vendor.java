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

  /**
   * Who the vendor is and where it lives.
   *
   * @param id the name used in configuration, admin URLs and metrics: {@code btg}
   * @param title the name shown to people: {@code BTG Tickets V2}
   * @param contractFile the contract's file name inside the contracts folder
   * @param pathPrefixes paths that belong to this vendor: a request under one of them that matches
   *     no operation is answered in this vendor's dialect ({@link Failure.Kind#NO_ROUTE})
   * @param checksContentType whether a request body must carry a media type that the operation
   *     declares: BTG's gateway checks; PHP and Laravel servers read the raw body whatever the
   *     header says
   * @param exactPaths whether a path must end as the contract writes it: Vocom's Slim registers
   *     {@code /x/} and answers {@code /x} with its 404 page; most frameworks accept both
   */
  record Descriptor(
      String id,
      String title,
      String contractFile,
      List<String> pathPrefixes,
      boolean checksContentType,
      boolean exactPaths) {

    public Descriptor {
      pathPrefixes = List.copyOf(pathPrefixes);
    }

    /** A vendor that checks media types and accepts paths with or without a trailing slash. */
    public Descriptor(String id, String title, String contractFile, List<String> pathPrefixes) {
      this(id, title, contractFile, pathPrefixes, true, false);
    }

    /** The same vendor, reading any body whatever its Content-Type. */
    public Descriptor readingAnyContentType() {
      return new Descriptor(id, title, contractFile, pathPrefixes, false, exactPaths);
    }

    /** The same vendor, taking each path only as the contract writes it. */
    public Descriptor withExactPaths() {
      return new Descriptor(id, title, contractFile, pathPrefixes, checksContentType, true);
    }
  }

  Descriptor descriptor();

  default String id() {
    return descriptor().id();
  }

  default String title() {
    return descriptor().title();
  }

  default String contractFile() {
    return descriptor().contractFile();
  }

  default List<String> pathPrefixes() {
    return descriptor().pathPrefixes();
  }

  /**
   * The dialect that renders a failure of this call: by its path, since one vendor may have two
   * hosts that speak differently (Cognito and BTG's gateway). The call's operationId is null when
   * no operation matched.
   */
  Dialect dialect(Call call);

  /** What the vendor's edge accepts: request target, header block and body sizes. */
  default Limits limits() {
    return Limits.DEFAULT;
  }

  default boolean exactPaths() {
    return descriptor().exactPaths();
  }

  default boolean checksContentType() {
    return descriptor().checksContentType();
  }

  /** Adds what the vendor puts on every answer (e.g. BTG's {@code x-amzn-RequestId}). */
  default Reply decorate(Reply reply, Call call) {
    return reply;
  }

  /**
   * The vendor's known hosts by name ({@code uat}, {@code prd}), for {@code --upstream
   * VENDOR=PRESET}; a vendor whose hosts differ per customer names none and is given a URL.
   */
  default java.util.Map<String, Upstream> upstreamPresets() {
    return java.util.Map.of();
  }

  /**
   * How the vendor's real host issues tokens, for a proxy that holds the real credentials ({@code
   * SANDBOX_UPSTREAM_<VENDOR>_CLIENT_ID}…); null for a vendor with fixed keys.
   */
  default UpstreamAuth upstreamAuth() {
    return null;
  }

  /**
   * The record that the vendor's YAML options ({@code vendors.<id>}) bind to; unknown keys are
   * refused with a suggestion. {@link NoOptions} for a vendor that takes none.
   */
  default Class<? extends Record> optionsType() {
    return NoOptions.class;
  }

  /**
   * The ways this vendor really fails that a test can arm by name ({@code POST /__sandbox/faults});
   * none by default.
   */
  default List<FaultPreset> faultPresets() {
    return List.of();
  }

  /**
   * Loads the vendor's fixtures for emulate mode, once; each world then gets its own {@link
   * Emulator} from the result.
   */
  Future<? extends Emulation<?>> emulation(VendorContext context);
}
