package dev.integrationsandbox.vocom;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The configured {@link Latency} of each command, applied on a Vert.x timer: a client rehearses the
 * real {@code call_services}, which answers after about ten seconds, while the event loop stays
 * free for every other request. Loaded once and shared by every world.
 */
final class Latencies {

  /** No command delayed; needs no timer, hence no Vert.x. */
  static final Latencies NONE = new Latencies(null, Map.of());

  private final Vertx vertx;
  private final Map<VocomCommand, Latency> byCommand;

  Latencies(Vertx vertx, Map<VocomCommand, Latency> byCommand) {
    this.vertx = vertx;
    Map<VocomCommand, Latency> copy = new EnumMap<>(VocomCommand.class);
    copy.putAll(byCommand);
    this.byCommand = Collections.unmodifiableMap(copy);
  }

  /** The answer, success or failure, held back for the command's latency. */
  <T> Future<T> delay(VocomCommand command, Future<T> answer) {
    Latency latency = byCommand.get(command);
    if (latency == null || latency.max().isZero()) {
      return answer;
    }
    long millis = latency.pick(ThreadLocalRandom.current()).toMillis();
    return millis <= 0 ? answer : vertx.timer(millis).transform(done -> answer);
  }

  /** For the start-up line: {@code latency [callServices=PT8S..PT12S]}. */
  @Override
  public String toString() {
    return byCommand.values().stream().allMatch(l -> l.max().isZero())
        ? "no added latency"
        : "latency "
            + byCommand.entrySet().stream()
                .filter(e -> !e.getValue().max().isZero())
                .map(e -> e.getKey().operationId() + "=" + e.getValue())
                .toList();
  }
}
