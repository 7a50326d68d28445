package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.Future;

/**
 * The only part of the pipeline that differs between modes: emulate answers from a world's
 * emulator, proxy from the upstream, replay from recordings. Routing, request validation,
 * decoration, response validation and the listeners are the pipeline's, the same for every mode.
 *
 * @param <P> the principal that {@link #authenticate} establishes
 */
public interface ModeHandler<P> {

  /**
   * Checks credentials where the mode plays the vendor; a mode that forwards leaves that to the
   * upstream and returns null.
   *
   * @throws dev.integrationsandbox.spi.Failure when the vendor would refuse the credentials
   */
  default P authenticate(Call call) {
    return null;
  }

  /** Answers a call that passed {@link #authenticate} and the contract check. */
  Future<Reply> answer(Call call, P principal);
}
