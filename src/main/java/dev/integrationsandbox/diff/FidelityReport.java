package dev.integrationsandbox.diff;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fidelity diff found: per vendor and operation, how many exchanges were sent and how many
 * agreed (no difference at all), and every difference with its attribution.
 */
public final class FidelityReport {

  private final Map<String, int[]> tallies = new TreeMap<>();
  private final List<Difference> differences = new ArrayList<>();

  void add(String vendor, String operation, List<Difference> found) {
    int[] tally = tallies.computeIfAbsent(vendor + " " + operation, k -> new int[2]);
    tally[0]++;
    if (found.isEmpty()) {
      tally[1]++;
    }
    differences.addAll(found);
  }

  public List<Difference> differences() {
    return List.copyOf(differences);
  }

  public boolean agrees() {
    return differences.isEmpty();
  }

  public int exchanges() {
    return tallies.values().stream().mapToInt(t -> t[0]).sum();
  }

  public JsonObject toJson() {
    JsonArray operations = new JsonArray();
    tallies.forEach(
        (key, t) -> {
          String[] parts = key.split(" ", 2);
          operations.add(
              new JsonObject()
                  .put("vendor", parts[0])
                  .put("operation", parts[1])
                  .put("exchanges", t[0])
                  .put("agreeing", t[1])
                  .put("fidelity", (double) t[1] / t[0]));
        });
    JsonArray listed = new JsonArray();
    differences.forEach(d -> listed.add(d.toJson()));
    return new JsonObject()
        .put("exchanges", exchanges())
        .put("operations", operations)
        .put("differences", listed);
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "%-12s %-36s %9s %8s %9s%n",
            "vendor",
            "operation",
            "exchanges",
            "agreeing",
            "fidelity"));
    tallies.forEach(
        (key, t) -> {
          String[] parts = key.split(" ", 2);
          out.append(
              String.format(
                  Locale.ROOT,
                  "%-12s %-36s %9d %8d %8.1f%%%n",
                  parts[0],
                  parts[1],
                  t[0],
                  t[1],
                  100.0 * t[1] / t[0]));
        });
    if (differences.isEmpty()) {
      out.append("no differences\n");
    }
    for (Difference d : differences) {
      out.append(d.vendor())
          .append(' ')
          .append(d.operation())
          .append(" exchange ")
          .append(d.exchange())
          .append(": ")
          .append(d.describe())
          .append('\n');
    }
    return out.toString();
  }
}
