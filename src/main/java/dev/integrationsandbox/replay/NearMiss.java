package dev.integrationsandbox.replay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Why a request matched nothing in a recording: the closest recorded requests and how each differs
 * from it (the method, the path, a query parameter, a body field by JSON pointer). Pure, and run
 * only on a miss, since it looks at every recorded exchange of the vendor.
 */
final class NearMiss {

  /** How many of the closest recorded requests a miss names. */
  static final int SHOWN = 3;

  /** Differences listed per recorded request; past it, the count says the rest. */
  static final int DIFFERENCES_SHOWN = 10;

  /** The longest {@code X-Sandbox-Miss}: body field names come from the client. */
  static final int HEADER_MAX = 1024;

  /** One way a request differs from a recorded one, and the recorded side of it. */
  record Difference(String in, String where, Object recorded) {
    JsonObject toJson() {
      return new JsonObject().put("in", in).put("where", where).put("recorded", recorded);
    }

    String brief() {
      return where.isEmpty() ? in : in + " " + where;
    }
  }

  /** A recorded request and its differences from the one that missed. */
  record Candidate(Recorded recorded, RequestShape request, List<Difference> differences) {}

  private NearMiss() {}

  /**
   * @param recording the recorded exchanges to compare with, whose requests are parsed here
   * @param ignored the volatile names the shapes leave out
   */
  static List<Candidate> closest(RequestShape sent, List<Recorded> recording, Set<String> ignored) {
    List<Candidate> all = new ArrayList<>(recording.size());
    for (Recorded r : recording) {
      RequestShape request = r.request(ignored);
      all.add(new Candidate(r, request, differences(sent, request)));
    }
    all.sort(Comparator.comparingInt(NearMiss::distance));
    return List.copyOf(all.subList(0, Math.min(SHOWN, all.size())));
  }

  /** The method and the path weigh more than a field: a wrong operation is further away. */
  private static int distance(Candidate c) {
    int d = 0;
    for (Difference diff : c.differences()) {
      d += diff.in().equals("method") || diff.in().equals("path") ? 4 : 1;
    }
    return d;
  }

  static List<Difference> differences(RequestShape sent, RequestShape recorded) {
    List<Difference> out = new ArrayList<>();
    if (!sent.method().equals(recorded.method())) {
      out.add(new Difference("method", "", recorded.method()));
    }
    if (!sent.path().equals(recorded.path())) {
      out.add(new Difference("path", "", recorded.path()));
    }
    TreeSet<String> names = new TreeSet<>(sent.query().keySet());
    names.addAll(recorded.query().keySet());
    for (String name : names) {
      List<String> had = recorded.query().get(name);
      if (!Objects.equals(sent.query().get(name), had)) {
        out.add(new Difference("query", name, had == null ? null : String.join(",", had)));
      }
    }
    body("", sent.body(), recorded.body(), out);
    return out;
  }

  private static void body(String pointer, Object sent, Object recorded, List<Difference> out) {
    if (sent instanceof JsonObject s && recorded instanceof JsonObject r) {
      TreeSet<String> keys = new TreeSet<>(s.fieldNames());
      keys.addAll(r.fieldNames());
      for (String key : keys) {
        body(pointer + "/" + escape(key), s.getValue(key), r.getValue(key), out);
      }
    } else if (sent instanceof JsonArray s && recorded instanceof JsonArray r) {
      for (int i = 0; i < Math.max(s.size(), r.size()); i++) {
        body(
            pointer + "/" + i,
            i < s.size() ? s.getValue(i) : null,
            i < r.size() ? r.getValue(i) : null,
            out);
      }
    } else if (!Objects.equals(plain(sent), plain(recorded))) {
      out.add(new Difference("body", pointer.isEmpty() ? "/" : pointer, recorded));
    }
  }

  private static Object plain(Object value) {
    return value instanceof Number n ? n.toString() : value;
  }

  private static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  /**
   * The {@code X-Sandbox-Miss} header: each candidate's exchange id and what differs, by name and
   * pointer only (no values, which may be personal data), e.g. {@code ex-1: body /cpf}.
   */
  static String header(List<Candidate> closest) {
    List<String> parts = new ArrayList<>();
    for (Candidate c : closest) {
      List<String> diffs =
          c.differences().stream().limit(DIFFERENCES_SHOWN).map(Difference::brief).toList();
      parts.add(c.recorded().id() + ": " + String.join(", ", diffs));
    }
    String header = ascii(String.join("; ", parts));
    return header.length() <= HEADER_MAX ? header : header.substring(0, HEADER_MAX - 3) + "...";
  }

  private static String ascii(String text) {
    return text.replaceAll("[^\\x20-\\x7e]", "?");
  }

  /** The 404 body: the request as matched and the closest recorded requests. */
  static JsonObject body(RequestShape sent, List<Candidate> closest) {
    JsonArray candidates = new JsonArray();
    for (Candidate c : closest) {
      JsonArray diffs = new JsonArray();
      c.differences().stream().limit(DIFFERENCES_SHOWN).forEach(d -> diffs.add(d.toJson()));
      candidates.add(
          new JsonObject()
              .put("exchange", c.recorded().id())
              .put("operation", c.recorded().operation())
              .put("method", c.request().method())
              .put("path", c.request().path())
              .put("differenceCount", c.differences().size())
              .put("differences", diffs));
    }
    return new JsonObject()
        .put("error", "no_recorded_match")
        .put("message", "no recorded exchange matches " + sent.method() + " " + sent.path())
        .put(
            "request",
            new JsonObject()
                .put("method", sent.method())
                .put("path", sent.path())
                .put("query", new JsonObject(Map.copyOf(sent.query()))))
        .put("closest", candidates)
        .put("sandbox", "integration-sandbox replay");
  }
}
