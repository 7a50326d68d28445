package dev.integrationsandbox.core;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.Future;

/** Emulate mode: the vendor's own credential check, then the world's emulator answers. */
final class EmulateMode<P> implements ModeHandler<P> {

  private final Emulator<P> emulator;

  EmulateMode(Emulator<P> emulator) {
    this.emulator = emulator;
  }

  @Override
  public P authenticate(Call call) {
    return emulator.authenticate(call);
  }

  @Override
  public Future<Reply> answer(Call call, P principal) {
    return emulator.handle(call, principal);
  }
}
