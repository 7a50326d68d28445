package dev.integrationsandbox.spi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * One world's emulation of one vendor: plain Java behind a small interface, so that the pipeline
 * (contract validation, journal, metrics, dialects) is the same for every vendor. Implementations
 * are shared by every event loop and must keep their invariants under concurrent calls.
 *
 * @param <P> the principal {@link #authenticate} establishes, handed back to {@link #handle}
 */
public interface Emulator<P> {

  /**
   * Establishes who is calling, before the request is validated: the real vendors check credentials
   * first (BTG's gateway, Vocom's API key), so a bad token with a bad body is an authentication
   * error.
   *
   * @return the principal, or null for operations that need none (a token endpoint)
   * @throws Failure UNAUTHORIZED or EXPIRED
   */
  P authenticate(Call call);

  /** Answers a call that passed authentication and request validation. */
  Future<Reply> handle(Call call, P principal);

  /** Returns the world to its fixtures. */
  void reset();

  /** The current state, for {@code GET /__sandbox/state}; secrets left out. */
  JsonObject snapshot();
}
