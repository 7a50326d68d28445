package dev.integrationsandbox.vocom;

import dev.integrationsandbox.spi.Call;
import dev.integrationsandbox.spi.Emulator;
import dev.integrationsandbox.spi.Failure;
import dev.integrationsandbox.spi.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Vocom PBX plugged into the sandbox pipeline: {@link VocomEmulator} answers, and configured
 * latencies delay the answer on a timer (never by blocking the event loop), so clients can rehearse
 * the real {@code call_services}, which takes about ten seconds.
 */
final class VocomSimulation implements Emulator<CallCenter> {

  private final Vertx vertx;
  private final VocomEmulator pbx;
  private final Map<VocomCommand, Latency> latencies;

  VocomSimulation(Vertx vertx, VocomEmulator pbx, Map<VocomCommand, Latency> latencies) {
    this.vertx = vertx;
    this.pbx = pbx;
    this.latencies = latencies;
  }

  /** The API key is checked before anything else, as the vendor's server does. */
  @Override
  public CallCenter authenticate(Call call) {
    return VocomEmulator.apiKeyFrom(call.header("Authorization"))
        .flatMap(pbx::companyByApiKey)
        .orElseThrow(() -> Failure.unauthorized("missing or unknown API key"));
  }

  @Override
  public Future<Reply> handle(Call call, CallCenter center) {
    VocomCommand command = VocomCommand.byOperationId(call.operationId()).orElseThrow();
    Object body = call.body().jsonOrNull();
    VocomReply answer =
        pbx.handle(command, call.header("Authorization"), body instanceof JsonObject o ? o : null);
    Reply reply = Reply.json(200, answer.body()).withNote(answer.diagnostic());
    Latency latency = latencies.get(command);
    if (latency == null) {
      return Future.succeededFuture(reply);
    }
    long delay = latency.pick(ThreadLocalRandom.current()).toMillis();
    return delay <= 0 ? Future.succeededFuture(reply) : vertx.timer(delay).map(reply);
  }

  @Override
  public void reset() {
    pbx.reset();
  }

  @Override
  public JsonObject snapshot() {
    return pbx.snapshot();
  }
}
