package dev.integrationsandbox.replay;

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
  private final Map<ShapeKey, List<Recorded>> byKey;
  private final Map<Long, List<Recorded>> byRoute;
  private final Map<String, List<Recorded>> byOperation;
  private final Set<String> ignored;

  private ReplayIndex(
      List<Recorded> all,
      Map<ShapeKey, List<Recorded>> byKey,
      Map<Long, List<Recorded>> byRoute,
      Map<String, List<Recorded>> byOperation,
      Set<String> ignored) {
    this.all = all;
    this.byKey = byKey;
    this.byRoute = byRoute;
    this.byOperation = byOperation;
    this.ignored = ignored;
  }

  /**
   * @param recorded the vendor's recorded exchanges, in recorded order
   * @param ignored the contract's volatile request field names
   */
  static ReplayIndex of(List<Recorded> recorded, Set<String> ignored) {
    Map<ShapeKey, List<Recorded>> byKey = new HashMap<>();
    Map<Long, List<Recorded>> byRoute = new HashMap<>();
    Map<String, List<Recorded>> byOperation = new HashMap<>();
    for (Recorded r : recorded) {
      RequestShape request = r.request(ignored);
      add(byKey, request.key(), r, Integer.MAX_VALUE);
      add(byRoute, route(request), r, CANDIDATES_MAX);
      if (r.operation() != null) {
        add(byOperation, r.operation(), r, CANDIDATES_MAX);
      }
    }
    return new ReplayIndex(
        recorded, compact(byKey), compact(byRoute), compact(byOperation), ignored);
  }

  private static <K> void add(Map<K, List<Recorded>> groups, K key, Recorded r, int max) {
    List<Recorded> group = groups.computeIfAbsent(key, k -> new ArrayList<>(1));
    if (group.size() < max) {
      group.add(r);
    }
  }

  /** Immutable lists hold one answer (the usual case) without an array to spare. */
  private static <K> Map<K, List<Recorded>> compact(Map<K, List<Recorded>> groups) {
    groups.replaceAll((k, v) -> List.copyOf(v));
    return groups;
  }

  /**
   * The route's group is found by a hash of method and path: a recording of distinct ids has as
   * many routes as exchanges, and two routes sharing a hash only widen a miss's comparison.
   */
  private static Long route(RequestShape shape) {
    return (long) shape.method().hashCode() << 32 | shape.path().hashCode() & 0xffffffffL;
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
  List<Recorded> answers(ShapeKey key) {
    return byKey.getOrDefault(key, List.of());
  }

  List<Recorded> all() {
    return all;
  }

  Set<String> ignored() {
    return ignored;
  }
}
