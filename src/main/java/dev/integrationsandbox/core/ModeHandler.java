package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.Future;

/** Answers a routed call in one mode: emulate now; proxy and replay plug in here. */
@FunctionalInterface
public interface ModeHandler {
  Future<Reply> handle(Call call);
}
