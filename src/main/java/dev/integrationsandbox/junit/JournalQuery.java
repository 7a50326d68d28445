package dev.integrationsandbox.junit;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Questions about what the code under test sent to one world: {@code GET
 * /__sandbox/journal?world=}. The journal is shared by every world and bounded ({@code
 * --journal-size}, 1,000 exchanges by default), so a query sees at most the world's latest 1,000
 * exchanges. Blocking; call it from the test's thread.
 *
 * <pre>
 * JsonObject close = sandbox.journal().requests("btg", "closeTicket").single();
 * assertEquals(200, close.getInteger("status"));
 * </pre>
 */
public final class JournalQuery {

  /** The most exchanges the admin API returns for one query. */
  static final int LIMIT = 1000;

  private final AdminHttp http;
  private final String world;

  JournalQuery(AdminHttp http, String world) {
    this.http = http;
    this.world = world;
  }

  /** Every exchange of the world. */
  public Requests all() {
    return find(null, null, "exchange");
  }

  /** The world's exchanges with one vendor. */
  public Requests requests(String vendor) {
    return find(vendor, null, vendor + " request");
  }

  /** The world's calls of one operation ({@code operationId} in the vendor's contract). */
  public Requests requests(String vendor, String operation) {
    return find(vendor, operation, vendor + " " + operation + " request");
  }

  private Requests find(String vendor, String operation, String description) {
    StringBuilder query = new StringBuilder("/journal?limit=" + LIMIT);
    append(query, "world", world);
    append(query, "vendor", vendor);
    append(query, "operation", operation);
    List<JsonObject> found = new ArrayList<>();
    http.get(query.toString()).getJsonArray("exchanges").forEach(e -> found.add((JsonObject) e));
    Collections.reverse(found);
    return new Requests(description, found);
  }

  private static void append(StringBuilder query, String name, String value) {
    if (value != null) {
      query
          .append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
