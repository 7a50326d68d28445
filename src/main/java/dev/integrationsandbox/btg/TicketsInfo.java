package dev.integrationsandbox.btg;

import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The ticket attributes BTG publishes at {@code tickets/info}: the channels, types and termination
 * codes that new tickets and contracts must use.
 */
record TicketsInfo(JsonObject json, Set<String> channels, Set<String> types, Set<String> codes) {

  static TicketsInfo fromJson(JsonObject json) {
    Set<String> channels = new LinkedHashSet<>();
    json.getJsonArray("ticketChannels").forEach(c -> channels.add((String) c));
    Set<String> types = new LinkedHashSet<>();
    json.getJsonArray("ticketTypes").forEach(t -> types.add((String) t));
    Set<String> codes = new LinkedHashSet<>();
    json.getJsonArray("terminationCodes")
        .forEach(c -> codes.add(((JsonObject) c).getString("code")));
    return new TicketsInfo(
        json,
        Collections.unmodifiableSet(channels),
        Collections.unmodifiableSet(types),
        Collections.unmodifiableSet(codes));
  }
}
