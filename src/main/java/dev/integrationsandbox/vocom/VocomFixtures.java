package dev.integrationsandbox.vocom;

import dev.integrationsandbox.support.FixtureException;
import dev.integrationsandbox.support.FixtureFiles;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
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
   * that share a key are domains of one PBX (one tenant of the sandbox). Its reports are read-only
   * history, shared by every world; their records are handed over, not copied (copying them was a
   * sixth of a cold start), so whoever builds a company must not change them afterwards.
   */
  public record Company(
      String companyId,
      String name,
      String apiKey,
      List<String> queues,
      List<BreakType> breaks,
      List<AgentSeed> agents,
      Reports reports) {
    public Company {
      queues = List.copyOf(queues);
      breaks = List.copyOf(breaks);
      agents = List.copyOf(agents);
    }
  }

  private final Map<String, Company> companies;

  private VocomFixtures(Map<String, Company> companies) {
    this.companies = companies;
  }

  /**
   * Reads {@code companies.json}, {@code tabs.json} and {@code dialer.json} from a folder, each
   * held to its schema under {@code fixture-schemas/vocom/}; blocking, so call it from a worker.
   *
   * @throws FixtureException naming the file and JSON pointer of the first problem
   */
  public static VocomFixtures load(Path folder) {
    Files files =
        new Files(
            folder.resolve("companies.json"),
            folder.resolve("tabs.json"),
            folder.resolve("dialer.json"));
    JsonObject merged = FixtureFiles.read(files.companies(), "vocom/companies");
    merged.put(
        "tabs", FixtureFiles.readIfPresent(files.tabs(), "vocom/tabs").orElseGet(JsonObject::new));
    merged.put(
        "dialer",
        FixtureFiles.readIfPresent(files.dialer(), "vocom/dialer").orElseGet(JsonObject::new));
    return build(merged, files);
  }

  /**
   * Builds the description from the merged JSON; fails fast on a malformed fixture, naming the
   * files by their usual names since the JSON came from elsewhere.
   */
  public static VocomFixtures from(JsonObject json) {
    return build(
        json.copy(),
        new Files(Path.of("companies.json"), Path.of("tabs.json"), Path.of("dialer.json")));
  }

  /** Where each part of the merged JSON came from, for the messages. */
  private record Files(Path companies, Path tabs, Path dialer) {}

  private static VocomFixtures build(JsonObject json, Files files) {
    JsonObject tabs = json.getJsonObject("tabs", new JsonObject());
    JsonObject dialer = json.getJsonObject("dialer", new JsonObject());
    Map<String, Company> byId = new LinkedHashMap<>();
    JsonArray companies = json.getJsonArray("companies", new JsonArray());
    for (int i = 0; i < companies.size(); i++) {
      JsonObject c = companies.getJsonObject(i);
      String at = FixtureFiles.pointer("companies", i);
      String id = required(c, "company_id", files.companies(), at);
      String apiKey = required(c, "api_key", files.companies(), at);
      if (byId.containsKey(id)) {
        throw FixtureFiles.problem(files.companies(), at + "/company_id", "duplicate company_id");
      }
      List<String> queues = strings(c.getJsonArray("queues", new JsonArray()));
      List<BreakType> breaks = new ArrayList<>();
      JsonArray breakList = c.getJsonArray("breaks", new JsonArray());
      for (int b = 0; b < breakList.size(); b++) {
        JsonObject br = breakList.getJsonObject(b);
        String where = at + FixtureFiles.pointer("breaks", b);
        breaks.add(
            new BreakType(
                required(br, "break_id", files.companies(), where),
                required(br, "break_name", files.companies(), where),
                String.valueOf(br.getValue("break_timeout", "0")),
                String.valueOf(br.getValue("break_digit", ""))));
      }
      List<AgentSeed> agents = new ArrayList<>();
      JsonArray agentList = c.getJsonArray("agents", new JsonArray());
      for (int a = 0; a < agentList.size(); a++) {
        agents.add(
            agent(
                agentList.getJsonObject(a),
                queues,
                files.companies(),
                at + FixtureFiles.pointer("agents", a)));
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
              new Reports(
                  records(tabs, id, "start_epoch", files.tabs()),
                  records(dialer, id, "date_time_start", files.dialer()))));
    }
    unknownCompanies(tabs, byId, files.tabs());
    unknownCompanies(dialer, byId, files.dialer());
    return new VocomFixtures(Map.copyOf(byId));
  }

  public Map<String, Company> companies() {
    return companies;
  }

  private static AgentSeed agent(
      JsonObject a, List<String> companyQueues, Path file, String pointer) {
    String name = required(a, "name", file, pointer);
    List<String> queues = strings(a.getJsonArray("queues", new JsonArray()));
    for (int q = 0; q < queues.size(); q++) {
      if (!companyQueues.contains(queues.get(q))) {
        throw FixtureFiles.problem(
            file,
            pointer + FixtureFiles.pointer("queues", q),
            "names a queue that the company does not list in its queues");
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

  /**
   * One company's report records, each with a real date and time: checked here rather than by the
   * schema (a pattern per record costs more start-up than this loop) and before the reports are
   * indexed, which would fail without naming the file.
   */
  private static List<JsonObject> records(
      JsonObject byCompany, String companyId, String timeField, Path file) {
    JsonArray array = byCompany.getJsonArray(companyId);
    List<JsonObject> out = new ArrayList<>();
    if (array == null) {
      return out;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonObject record = array.getJsonObject(i);
      if (!(record.getValue(timeField) instanceof String at)
          || Reports.parseFilterDate(at).isEmpty()) {
        throw FixtureFiles.problem(
            file,
            FixtureFiles.pointer(companyId, i, timeField),
            "must be a date and time as YYYY-MM-DD HH:MM:SS");
      }
      out.add(record);
    }
    return out;
  }

  private static void unknownCompanies(
      JsonObject byCompany, Map<String, Company> companies, Path file) {
    for (String id : byCompany.fieldNames()) {
      if (!companies.containsKey(id)) {
        throw FixtureFiles.problem(
            file, FixtureFiles.pointer(id), "names no company_id of companies.json");
      }
    }
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }

  private static String required(JsonObject o, String key, Path file, String pointer) {
    String v = o.getString(key);
    if (v == null || v.isEmpty()) {
      throw FixtureFiles.problem(file, pointer + FixtureFiles.pointer(key), "is missing");
    }
    return v;
  }
}
