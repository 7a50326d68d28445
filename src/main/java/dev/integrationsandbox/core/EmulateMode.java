package dev.integrationsandbox.core;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import dev.integrationsandbox.spi.Vendor;
import io.vertx.core.Future;
import java.util.List;

/**
 * Emulate mode: authenticate as the vendor does, then hold the request to the contract, then let
 * the emulator answer. Authentication comes first because the real vendors check credentials before
 * anything else: a bad token with a bad body is a 401 at BTG's gateway, and Vocom checks the API
 * key before the parameters.
 */
final class EmulateMode implements ModeHandler {

  private final Vendor vendor;
  private final Contract contract;
  private final Emulator emulator;

  EmulateMode(Vendor vendor, Contract contract, Emulator emulator) {
    this.vendor = vendor;
    this.contract = contract;
    this.emulator = emulator;
  }

  @Override
  public Future<Reply> handle(Call call) {
    Call authenticated = call.withPrincipal(emulator.authenticate(call));
    checkMediaType(authenticated);
    List<Violation> violations = contract.validateRequest(authenticated);
    if (!violations.isEmpty()) {
      throw Failure.invalid(violations);
    }
    return emulator.handle(authenticated);
  }

  private void checkMediaType(Call call) {
    if (!vendor.checksContentType() || call.body().isEmpty()) {
      return;
    }
    if (!contract.accepts(call.operationId(), call.contentType())) {
      throw Failure.of(
          Failure.Kind.UNSUPPORTED_MEDIA_TYPE,
          "Content-Type " + call.contentType() + " is not accepted by " + call.operationId());
    }
  }
}
