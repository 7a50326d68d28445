package dev.integrationsandbox.spi;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The emulate mode of one vendor: its in-memory world, seeded from fixtures. Plain Java behind a
 * small interface so that the pipeline (contract validation, journal, metrics, dialects) is the
 * same for every vendor.
 */
public interface Emulator {

  /**
   * Establishes who is calling, before the request is validated: the real vendors check credentials
   * first (BTG's gateway, Vocom's API key), so a bad token with a bad body is an authentication
   * error.
   *
   * @return the principal (an app client, a company) attached to the call
   * @throws Failure UNAUTHORIZED or EXPIRED
   */
  Object authenticate(Call call);

  /** Answers a call that passed authentication and request validation. */
  Future<Reply> handle(Call call);

  /** Returns the world to its fixtures. */
  void reset();

  /** A short account of what was loaded, for the start-up line ("3 clients, 2 tickets"). */
  String summary();

  /** The current state, for {@code GET /__sandbox/state}; secrets left out. */
  JsonObject snapshot();
}
