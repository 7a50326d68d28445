package dev.integrationsandbox.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The fuzz suite's shrink steps: each candidate is one thing smaller than the failing request. */
class ShrinksTest {

  private static final FuzzOperation OP =
      new FuzzOperation(
          "v",
          "op",
          "POST",
          "/x",
          List.of(),
          "application/json",
          null,
          true,
          List.of(),
          true,
          Set.of("200"));

  private static final FuzzRequest FAILING =
      new FuzzRequest(
          OP,
          "EVIL_VALUE",
          "POST",
          "/x?a=1&b=2",
          List.of(new String[] {"Authorization", "Key k"}, new String[] {"X-Fuzz", "v"}),
          "{\"keep\":1,\"long\":\"abcdefghijklmnopqrstuvwxyz0123456789\"}"
              .getBytes(StandardCharsets.UTF_8));

  @Test
  void everyCandidateLeavesOutOneThing() {
    List<FuzzRequest> candidates = Shrinks.of(FAILING);
    assertTrue(candidates.stream().anyMatch(c -> c.body() == null), "without the body");
    assertTrue(
        candidates.stream().anyMatch(c -> c.headers().size() == 1), "without one of the headers");
    assertTrue(candidates.stream().anyMatch(c -> c.uri().equals("/x?b=2")), "without a=1");
    assertTrue(candidates.stream().anyMatch(c -> c.uri().equals("/x?a=1")), "without b=2");
    assertTrue(
        candidates.stream().anyMatch(c -> body(c).equals(new JsonObject().put("keep", 1))),
        "without the member 'long'");
    assertTrue(
        candidates.stream()
            .anyMatch(
                c ->
                    body(c)
                        .equals(new JsonObject().put("keep", 1).put("long", "abcdefghijklmnop"))),
        "with the long string cut short");
    for (FuzzRequest c : candidates) {
      assertTrue(size(c) < size(FAILING), "smaller: " + c);
    }
  }

  private static JsonObject body(FuzzRequest r) {
    try {
      return r.body() == null ? new JsonObject() : new JsonObject(new String(r.body()));
    } catch (RuntimeException notAnObject) {
      return new JsonObject();
    }
  }

  private static int size(FuzzRequest r) {
    int n = r.uri().length() + (r.body() == null ? 0 : r.body().length);
    for (String[] h : r.headers()) {
      n += h[0].length() + h[1].length();
    }
    return n;
  }
}
