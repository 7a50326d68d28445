package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;

/**
 * Exchanges of one world that a {@link JournalQuery} found, oldest first, each as {@code GET
 * /__sandbox/journal} shows it (method, path, status, operation, violations, the request and the
 * answer with secrets masked).
 *
 * <pre>
 * assertEquals(1, sandbox.journal().requests("btg", "closeTicket").count());
 * </pre>
 */
public final class Requests {

  private final String description;
  private final List<JsonObject> exchanges;

  Requests(String description, List<JsonObject> exchanges) {
    this.description = description;
    this.exchanges = List.copyOf(exchanges);
  }

  public int count() {
    return exchanges.size();
  }

  public boolean isEmpty() {
    return exchanges.isEmpty();
  }

  /** The {@code index}th exchange, oldest first. */
  public JsonObject get(int index) {
    return exchanges.get(index);
  }

  /**
   * The one exchange found.
   *
   * @throws AssertionError when there were none or several, naming the query and what was found
   */
  public JsonObject single() {
    if (exchanges.size() != 1) {
      throw new AssertionError(
          "expected exactly one " + description + ", found " + exchanges.size() + summary());
    }
    return exchanges.get(0);
  }

  /** The request body of each exchange, oldest first: a JSON object where it was one. */
  public List<Object> bodies() {
    return stream().map(e -> e.getJsonObject("request").getValue("body")).toList();
  }

  public List<JsonObject> asList() {
    return exchanges;
  }

  public Stream<JsonObject> stream() {
    return exchanges.stream();
  }

  private String summary() {
    StringBuilder text = new StringBuilder();
    for (JsonObject e : exchanges) {
      text.append("\n  ")
          .append(e.getString("method"))
          .append(' ')
          .append(e.getString("path"))
          .append(" -> ")
          .append(e.getInteger("status"));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return description + ": " + exchanges.size() + summary();
  }
}
