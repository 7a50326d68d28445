package dev.integrationsandbox.replay;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One vendor's recorded exchanges, indexed by {@link RequestShape#key()}: finding the answers to a
 * request is one hash lookup, whatever the recording's size. Immutable and shared by every world;
 * which answer a world is at is its {@link ReplayCursor}'s business.
 */
final class ReplayIndex {

  private final List<Recorded> all;
  private final Map<String, List<Recorded>> byKey;
  private final Set<String> ignored;

  private ReplayIndex(List<Recorded> all, Map<String, List<Recorded>> byKey, Set<String> ignored) {
    this.all = all;
    this.byKey = byKey;
    this.ignored = ignored;
  }

  /**
   * @param lines the vendor's recording lines, in recorded order
   * @param ignored the contract's volatile request field names
   */
  static ReplayIndex of(List<JsonObject> lines, Set<String> ignored) {
    List<Recorded> all = new ArrayList<>(lines.size());
    Map<String, List<Recorded>> byKey = new HashMap<>();
    for (JsonObject line : lines) {
      Recorded recorded = Recorded.of(all.size(), line, ignored);
      all.add(recorded);
      byKey.computeIfAbsent(recorded.request().key(), k -> new ArrayList<>(1)).add(recorded);
    }
    byKey.replaceAll((k, v) -> List.copyOf(v));
    return new ReplayIndex(List.copyOf(all), Map.copyOf(byKey), ignored);
  }

  /** The answers recorded for requests of this shape, in recorded order; empty on a miss. */
  List<Recorded> answers(RequestShape request) {
    return byKey.getOrDefault(request.key(), List.of());
  }

  List<Recorded> all() {
    return all;
  }

  Set<String> ignored() {
    return ignored;
  }
}
