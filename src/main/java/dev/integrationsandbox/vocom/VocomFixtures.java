package dev.integrationsandbox.vocom;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The initial world of the Vocom emulator, read once from {@code fixtures/vocom/} and never
 * changed: every {@link CallCenter#reset()} starts again from here.
 *
 * <p>The folder holds {@code companies.json} ({@code {"companies":[…]}}: key, queues, breaks,
 * agents with status and counters), and {@code tabs.json} / {@code dialer.json} (company_id → list
 * of report records in the vendor's wire shape; dialer records add {@code mailing_id}, which the
 * vendor never returns). {@link #from(JsonObject)} takes the three merged into one object: {@code
 * {"companies":[…],"tabs":{…},"dialer":{…}}}.
 */
public final class VocomFixtures {

  /** One break (pause) type, exactly as {@code get_break_list} returns it. */
  public record BreakType(
      String breakId, String breakName, String breakTimeout, String breakDigit) {
    public JsonObject toJson() {
      return new JsonObject()
          .put("break_id", breakId)
          .put("break_name", breakName)
          .put("break_timeout", breakTimeout)
          .put("break_digit", breakDigit);
    }
  }

  /** An agent as the day starts; {@code firstLogin} is epoch seconds or null. */
  public record AgentSeed(
      String name,
      String branch,
      List<String> queues,
      AgentStatus status,
      Long firstLogin,
      long answeredCount,
      long answeredDuration,
      long notAnsweredCount,
      long outboundCount,
      long outboundDuration) {
    public AgentSeed {
      queues = List.copyOf(queues);
    }
  }

  /**
   * A FusionPBX domain, addressed by {@code company_id}, with the API key of its PBX: companies
   * that share a key are domains of one PBX (one tenant of the sandbox).
   */
  public record Company(
      String companyId,
      String name,
      String apiKey,
      List<String> queues,
      List<BreakType> breaks,
      List<AgentSeed> agents,
      List<JsonObject> tabs,
      List<JsonObject> dialer,
      Reports reports) {
    public Company {
      queues = List.copyOf(queues);
      breaks = List.copyOf(breaks);
      agents = List.copyOf(agents);
      tabs = tabs.stream().map(JsonObject::copy).toList();
      dialer = dialer.stream().map(JsonObject::copy).toList();
    }

    /** The reports are read-only history: indexed and encoded once, shared by every world. */
    public Company(
        String companyId,
        String name,
        String apiKey,
        List<String> queues,
        List<BreakType> breaks,
        List<AgentSeed> agents,
        List<JsonObject> tabs,
        List<JsonObject> dialer) {
      this(
          companyId, name, apiKey, queues, breaks, agents, tabs, dialer, new Reports(tabs, dialer));
    }
  }

  private final Map<String, Company> companies;

  private VocomFixtures(Map<String, Company> companies) {
    this.companies = companies;
  }

  /** Reads {@code companies.json}, {@code tabs.json} and {@code dialer.json} from a folder. */
  public static VocomFixtures load(Path folder) {
    JsonObject merged = read(folder.resolve("companies.json"));
    merged.put("tabs", readOptional(folder.resolve("tabs.json")));
    merged.put("dialer", readOptional(folder.resolve("dialer.json")));
    return from(merged);
  }

  /** Builds the description from the merged JSON; fails fast on a malformed fixture. */
  public static VocomFixtures from(JsonObject json) {
    JsonObject tabs = json.getJsonObject("tabs", new JsonObject());
    JsonObject dialer = json.getJsonObject("dialer", new JsonObject());
    Map<String, Company> byId = new LinkedHashMap<>();
    for (Object o : json.getJsonArray("companies", new JsonArray())) {
      JsonObject c = (JsonObject) o;
      String id = required(c, "company_id");
      String apiKey = required(c, "api_key");
      if (byId.containsKey(id)) {
        throw new IllegalArgumentException("duplicate company_id " + id);
      }
      List<String> queues = strings(c.getJsonArray("queues", new JsonArray()));
      List<BreakType> breaks = new ArrayList<>();
      for (Object b : c.getJsonArray("breaks", new JsonArray())) {
        JsonObject br = (JsonObject) b;
        breaks.add(
            new BreakType(
                required(br, "break_id"),
                required(br, "break_name"),
                String.valueOf(br.getValue("break_timeout", "0")),
                String.valueOf(br.getValue("break_digit", ""))));
      }
      List<AgentSeed> agents = new ArrayList<>();
      for (Object a : c.getJsonArray("agents", new JsonArray())) {
        agents.add(agent((JsonObject) a, queues, id));
      }
      byId.put(
          id,
          new Company(
              id,
              c.getString("name", id),
              apiKey,
              queues,
              breaks,
              agents,
              records(tabs.getJsonArray(id)),
              records(dialer.getJsonArray(id))));
    }
    return new VocomFixtures(Map.copyOf(byId));
  }

  public Map<String, Company> companies() {
    return companies;
  }

  private static AgentSeed agent(JsonObject a, List<String> companyQueues, String companyId) {
    String name = required(a, "name");
    List<String> queues = strings(a.getJsonArray("queues", new JsonArray()));
    for (String q : queues) {
      if (!companyQueues.contains(q)) {
        throw new IllegalArgumentException(
            "agent " + name + " of " + companyId + " is in undeclared queue " + q);
      }
    }
    Number firstLogin = a.getNumber("first_login");
    return new AgentSeed(
        name,
        a.getString("branch", ""),
        queues,
        AgentStatus.fromWire(a.getString("status", AgentStatus.LOGGED_OUT.wire())),
        firstLogin == null ? null : firstLogin.longValue(),
        a.getLong("answered_count", 0L),
        a.getLong("answered_duration", 0L),
        a.getLong("not_answered_count", 0L),
        a.getLong("outbound_count", 0L),
        a.getLong("outbound_duration", 0L));
  }

  private static List<JsonObject> records(JsonArray array) {
    List<JsonObject> out = new ArrayList<>();
    if (array != null) {
      array.forEach(o -> out.add((JsonObject) o));
    }
    return out;
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }

  private static String required(JsonObject o, String key) {
    String v = o.getString(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("fixture object lacks \"" + key + "\": " + o.encode());
    }
    return v;
  }

  private static JsonObject read(Path file) {
    try {
      return new JsonObject(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Vocom fixture " + file, e);
    }
  }

  private static JsonObject readOptional(Path file) {
    return Files.exists(file) ? read(file) : new JsonObject();
  }
}
