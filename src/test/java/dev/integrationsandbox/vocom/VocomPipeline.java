package dev.integrationsandbox.vocom;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.spi.Body;
import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Dialect;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The emulate-mode steps a Vocom request goes through, without a server: the emulator's
 * authentication, the contract's request check, the emulator's answer, and the dialect for any
 * failure. Tests see the answers a client would see while keeping pinned call ids and direct access
 * to the world's state.
 */
final class VocomPipeline {

  private static final Dialect DIALECT = new VocomVendor().dialect(null);

  private final VocomTestWorld world;
  private final VocomEmulator emulator;
  private final Contract contract;

  VocomPipeline(VocomTestWorld world, Contract contract) {
    this.world = world;
    this.emulator = world.emulator();
    this.contract = contract;
  }

  /** Loads {@code contracts/vocom.yaml}; call on the JUnit thread. */
  static Contract contract(Vertx vertx) {
    return Contract.load(vertx, Path.of("contracts", "vocom.yaml")).await();
  }

  VocomEmulator emulator() {
    return emulator;
  }

  /** One request through every step; {@code authorization} and {@code body} may be null. */
  Answer send(VocomCommand command, String authorization, JsonObject body) {
    Call call = call(command, authorization, body);
    Reply reply;
    try {
      Pbx center = emulator.authenticate(call);
      List<Violation> violations = contract.validateRequest(call);
      if (!violations.isEmpty()) {
        throw Failure.invalid(violations);
      }
      reply = emulator.handle(call, center).otherwise(e -> render(e, call)).await();
    } catch (Failure f) {
      reply = render(f, call);
    }
    return new Answer(command, reply);
  }

  /** The request as the pipeline hands it to the emulator and the dialect. */
  Call call(VocomCommand command, String authorization, JsonObject body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().set("Content-Type", "application/json");
    if (authorization != null) {
      headers.set("Authorization", authorization);
    }
    return new Call(
        UUID.randomUUID().toString(),
        "vocom",
        command.operationId(),
        HttpMethod.POST,
        command.path(),
        Map.of(),
        MultiMap.caseInsensitiveMultiMap(),
        headers,
        new Body(body == null ? null : body.toBuffer()),
        world.clock.now());
  }

  /** The dialect's answer, with the failure kept as the journal would keep it. */
  private static Reply render(Throwable e, Call call) {
    Failure f = Failure.from(e);
    return DIALECT.render(f, call).withNote(f.kind() + ": " + f.getMessage());
  }

  /** An answer as the client sees it, and the sandbox's diagnostic that the client never sees. */
  record Answer(VocomCommand command, Reply reply) {

    JsonObject body() {
      return reply.json() != null ? (JsonObject) reply.json() : new JsonObject(reply.body());
    }

    JsonObject response() {
      return body().getJsonObject("response");
    }

    String status() {
      return response().getString("status");
    }

    String statusType() {
      return response().getString("status_type");
    }

    boolean ok() {
      return "ok".equals(status());
    }

    String diagnostic() {
      return reply.note();
    }
  }
}
