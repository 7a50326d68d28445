package dev.integrationsandbox.exchange;

import dev.integrationsandbox.contract.Violation;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Contract violations seen so far, grouped by vendor and operation, with the first example of each
 * group: {@code GET /__sandbox/violations}. In proxy mode a response violation is the vendor
 * drifting from its contract and a request violation is the client's bug; either way a team wants
 * to see each kind once, with a count, not scroll a journal. Bounded by the number of operations.
 *
 * <pre>
 * curl localhost:8080/__sandbox/violations
 * </pre>
 */
public final class ViolationTally implements ExchangeListener {

  private record Key(String vendor, String operation) {}

  private static final class Group {
    final AtomicLong request = new AtomicLong();
    final AtomicLong response = new AtomicLong();
    final String exchange;
    final String at;
    final Violation first;

    Group(Exchange e) {
      this.exchange = e.id();
      this.at = e.at().toString();
      this.first = e.violations().get(0);
    }
  }

  private final ConcurrentHashMap<Key, Group> groups = new ConcurrentHashMap<>();

  @Override
  public void onExchange(Exchange e) {
    if (e.violations().isEmpty()) {
      return;
    }
    Group g =
        groups.computeIfAbsent(
            new Key(e.vendor(), e.operationId() == null ? "unmatched" : e.operationId()),
            k -> new Group(e));
    for (Violation v : e.violations()) {
      (v.in().equals("request") ? g.request : g.response).incrementAndGet();
    }
  }

  /** Every group, vendor then operation, with its texts passed through {@code redact}. */
  public JsonObject toJson(UnaryOperator<String> redact) {
    JsonArray list = new JsonArray();
    groups.entrySet().stream()
        .sorted(
            Comparator.comparing((java.util.Map.Entry<Key, Group> en) -> en.getKey().vendor())
                .thenComparing(en -> en.getKey().operation()))
        .forEach(
            en -> {
              Group g = en.getValue();
              list.add(
                  new JsonObject()
                      .put("vendor", en.getKey().vendor())
                      .put("operation", en.getKey().operation())
                      .put("request", g.request.get())
                      .put("response", g.response.get())
                      .put(
                          "first",
                          new JsonObject()
                              .put("exchange", g.exchange)
                              .put("at", g.at)
                              .put("in", g.first.in())
                              .put("location", redact.apply(g.first.location()))
                              .put("message", redact.apply(g.first.message()))));
            });
    return new JsonObject().put("violations", list);
  }

  public void clear() {
    groups.clear();
  }
}
