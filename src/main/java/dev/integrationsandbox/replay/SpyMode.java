package dev.integrationsandbox.replay;

import dev.integrationsandbox.core.ModeHandler;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.Future;

/**
 * Spy mode: what the recording holds is answered from it, as replay does, and what it does not is
 * forwarded to the upstream, as proxy does (and recorded, with {@code --record-dir}), so that a
 * recording grows into the flows it lacked. Every answer is held to the contract in full, as a
 * forwarded one is.
 *
 * <pre>
 * java -jar integration-sandbox.jar --mode btg=spy --upstream btg=uat --replay-from rec/ --record-dir rec/
 * </pre>
 */
public final class SpyMode implements ModeHandler<Void> {

  private final ReplayMode replay;
  private final ModeHandler<Void> proxy;

  public SpyMode(ReplayMode replay, ModeHandler<Void> proxy) {
    this.replay = replay;
    this.proxy = proxy;
  }

  /** The replaying half, for {@code GET /__sandbox/replay}. */
  public ReplayMode replay() {
    return replay;
  }

  @Override
  public ModeHandler<Void> forWorld() {
    return new SpyMode((ReplayMode) replay.forWorld(), proxy);
  }

  @Override
  public void reset() {
    replay.reset();
  }

  @Override
  public boolean refusesInvalidRequests() {
    return proxy.refusesInvalidRequests();
  }

  @Override
  public Handling handling(Reply reply) {
    return proxy.handling(reply);
  }

  @Override
  public Future<Reply> answer(Call call, Void principal) {
    Reply recorded = replay.recorded(call);
    return recorded != null ? Future.succeededFuture(recorded) : proxy.answer(call, null);
  }

  @Override
  public Future<Void> close() {
    return proxy.close();
  }
}
