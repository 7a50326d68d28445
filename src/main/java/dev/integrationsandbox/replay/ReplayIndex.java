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

  /**
   * The most recorded exchanges a miss compares with the request: the near-miss search runs on the
   * event loop, so its cost is bounded whatever the recording's size.
   */
  static final int CANDIDATES_MAX = 256;

  private final List<Recorded> all;
  private final Map<String, List<Recorded>> byKey;
  private final Map<String, List<Recorded>> byRoute;
  private final Map<String, List<Recorded>> byOperation;
  private final Set<String> ignored;

  private ReplayIndex(
      List<Recorded> all,
      Map<String, List<Recorded>> byKey,
      Map<String, List<Recorded>> byRoute,
      Map<String, List<Recorded>> byOperation,
      Set<String> ignored) {
    this.all = all;
    this.byKey = byKey;
    this.byRoute = byRoute;
    this.byOperation = byOperation;
    this.ignored = ignored;
  }

  /**
   * @param lines the vendor's recording lines, in recorded order
   * @param ignored the contract's volatile request field names
   */
  static ReplayIndex of(List<JsonObject> lines, Set<String> ignored) {
    List<Recorded> all = new ArrayList<>(lines.size());
    Map<String, List<Recorded>> byKey = new HashMap<>();
    Map<String, List<Recorded>> byRoute = new HashMap<>();
    Map<String, List<Recorded>> byOperation = new HashMap<>();
    for (JsonObject line : lines) {
      Recorded recorded = Recorded.of(all.size(), line, ignored);
      all.add(recorded);
      byKey.computeIfAbsent(recorded.request().key(), k -> new ArrayList<>(1)).add(recorded);
      add(byRoute, route(recorded.request()), recorded);
      if (recorded.operation() != null) {
        add(byOperation, recorded.operation(), recorded);
      }
    }
    byKey.replaceAll((k, v) -> List.copyOf(v));
    return new ReplayIndex(
        List.copyOf(all), Map.copyOf(byKey), Map.copyOf(byRoute), Map.copyOf(byOperation), ignored);
  }

  /** Keeps the first {@link #CANDIDATES_MAX} of a group: enough to find the closest. */
  private static void add(Map<String, List<Recorded>> groups, String key, Recorded recorded) {
    List<Recorded> group = groups.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (group.size() < CANDIDATES_MAX) {
      group.add(recorded);
    }
  }

  private static String route(RequestShape shape) {
    return shape.method() + " " + shape.path();
  }

  /**
   * What a missed request is compared with, at most {@link #CANDIDATES_MAX}: the recorded requests
   * of its method and path (another query or body), else those of its operation (another id in the
   * path, another method), else the recording's first ones.
   */
  List<Recorded> candidates(RequestShape request, String operation) {
    List<Recorded> same = byRoute.get(route(request));
    if (same == null && operation != null) {
      same = byOperation.get(operation);
    }
    return same != null ? same : all.subList(0, Math.min(CANDIDATES_MAX, all.size()));
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
