package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.BodyStream;
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

  /**
   * Whether this mode passes a request's body on as it arrives ({@link #answer(Call, Object,
   * BodyStream)}) rather than having it read whole first: a mode that forwards and never needs the
   * body to decide (proxy without {@code --strict}).
   */
  default boolean streamsRequests() {
    return false;
  }

  /**
   * Answers a call whose body is still arriving, for a mode that {@link #streamsRequests}: {@code
   * body} streams it, and {@link Call#body()} is empty. The pipeline checks the body against the
   * contract once it has ended. A mode that has no use for the stream reads it whole and answers as
   * {@link #answer(Call, Object)} does.
   */
  default Future<Reply> answer(Call call, P principal, BodyStream body) {
    return Relay.whole(body).compose(bytes -> answer(call.withBody(new Body(bytes)), principal));
  }

  /**
   * Whether a request that breaks the contract is refused in the vendor's dialect (emulate, strict
   * proxy) or forwarded with its violations reported (proxy).
   */
  default boolean refusesInvalidRequests() {
    return true;
  }

  /** What the pipeline does with one of this mode's answers. */
  default Handling handling(Reply reply) {
    return Handling.EMULATED;
  }

  /**
   * The handler a new world uses: the same one where the mode keeps no state of a world's own; a
   * fresh one where it does (replay's place in the recording).
   */
  default ModeHandler<P> forWorld() {
    return this;
  }

  /** Back to the start, for {@code POST /__sandbox/reset}: a replay's place in its recording. */
  default void reset() {}

  /** Lets go of what the mode holds (an upstream's connection pool) when the sandbox stops. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }

  /** Who wrote an answer, and so how the pipeline treats it. */
  enum Handling {
    /** The sandbox playing the vendor: decorated as the vendor would, checked as sampled. */
    EMULATED,
    /** The real vendor's: passed on as it came, every one checked against the contract. */
    FORWARDED,
    /** A recorded answer of the vendor: passed on as recorded, checked as sampled. */
    REPLAYED,
    /** The sandbox's own word on an upstream it could not reach: as is, never checked. */
    GATEWAY
  }
}
