package dev.integrationsandbox.vocom;

import static dev.integrationsandbox.vocom.VocomTestData.COMPANY;
import static dev.integrationsandbox.vocom.VocomTestData.SEED_AUTHORIZATION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.integrationsandbox.contract.Contract;
import dev.integrationsandbox.vocom.VocomPipeline.Answer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps {@code contracts/vocom.yaml} and the emulator honest with each other: every answer the
 * emulator and its dialect give in a day's scenario, success and every failure kind, must validate
 * against the contract's response schema of its operation, and the contract, which alone checks the
 * request's keys, must require exactly the keys the vendor's document requires. No server.
 */
@Timeout(60)
class VocomContractConformanceTest {

  /** The keys the vendor's APIv2 document requires of each command (an empty string passes). */
  private static final Map<VocomCommand, List<String>> REQUIRED_KEYS = requiredKeys();

  private static Vertx vertx;
  private static JsonObject contractJson;
  private static ResponseValidator validator;
  private static Contract contract;

  @BeforeAll
  static void loadContract() throws Exception {
    Map<String, Object> yaml =
        new Yaml().load(Files.readString(Path.of("contracts", "vocom.yaml")));
    contractJson = new JsonObject(new JsonObject(yaml).encode());
    vertx = Vertx.vertx();
    OpenAPIContract openapi = OpenAPIContract.from(vertx, contractJson.copy()).await();
    validator = ResponseValidator.create(vertx, openapi);
    contract = VocomPipeline.contract(vertx);
  }

  private static Map<VocomCommand, List<String>> requiredKeys() {
    Map<VocomCommand, List<String>> keys = new EnumMap<>(VocomCommand.class);
    List<String> agentBranch = List.of("agent", "branch", "company_id");
    List<String> agentCall = List.of("agent", "call_id", "company_id");
    List<String> dates = List.of("date_begin", "date_end", "company_id");
    keys.put(VocomCommand.AGENT_LOGIN, agentBranch);
    keys.put(VocomCommand.AGENT_LOGOUT, agentBranch);
    keys.put(VocomCommand.GET_BREAK_LIST, List.of("company_id", "agent"));
    keys.put(VocomCommand.STATE_SET_BREAK, List.of("agent", "break_id", "company_id"));
    keys.put(VocomCommand.STATE_RETURN_BREAK, List.of("agent", "company_id"));
    keys.put(VocomCommand.CALL_SERVICES, List.of("agent", "branch", "to", "company_id"));
    keys.put(VocomCommand.CALL_TERMINATE, agentCall);
    keys.put(VocomCommand.CALL_TRANSFER, List.of("agent", "call_id", "to", "company_id"));
    keys.put(VocomCommand.CALL_HOLD, agentCall);
    keys.put(VocomCommand.CALL_HOLD_RETRIEVE, agentCall);
    keys.put(VocomCommand.GET_AGENT_LIST, List.of("queue", "company_id"));
    keys.put(VocomCommand.TABS_LIST_ALL, dates);
    keys.put(VocomCommand.DIALER_LIST_ALL, dates);
    return keys;
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private final VocomPipeline pipeline = new VocomPipeline(new VocomTestWorld(), contract);
  private final List<Answer> replies = new ArrayList<>();

  private Answer send(VocomCommand command, String... keysAndValues) {
    JsonObject body = new JsonObject();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      body.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    Answer reply = pipeline.send(command, SEED_AUTHORIZATION, body);
    replies.add(reply);
    return reply;
  }

  @Test
  void everyAnswerOfADayValidatesAgainstTheContract() {
    String c = COMPANY;
    send(VocomCommand.AGENT_LOGIN, "agent", "DEV", "branch", "2000");
    send(VocomCommand.AGENT_LOGIN, "agent", "NOBODY", "branch", "2000", "company_id", c);
    send(VocomCommand.AGENT_LOGIN, "agent", "DEV", "branch", "2000", "company_id", c);
    send(VocomCommand.GET_BREAK_LIST, "agent", "DEV", "company_id", c);
    send(VocomCommand.GET_BREAK_LIST, "agent", "NOBODY", "company_id", c);
    send(VocomCommand.STATE_SET_BREAK, "agent", "DEV", "break_id", "x", "company_id", c);
    send(
        VocomCommand.STATE_SET_BREAK,
        "agent",
        "DEV",
        "break_id",
        VocomTestData.LANCHE,
        "company_id",
        c);
    send(
        VocomCommand.STATE_SET_BREAK,
        "agent",
        "DEV",
        "break_id",
        VocomTestData.LANCHE,
        "company_id",
        c);
    send(VocomCommand.AGENT_LOGOUT, "agent", "DEV", "branch", "2000", "company_id", c);
    send(VocomCommand.STATE_RETURN_BREAK, "agent", "DEV", "company_id", c);
    send(VocomCommand.STATE_RETURN_BREAK, "agent", "COBRANCA.ANA", "company_id", c);
    send(
        VocomCommand.CALL_SERVICES,
        "agent",
        "COBRANCA.ANA",
        "branch",
        "1",
        "to",
        "2",
        "company_id",
        c);
    String id =
        send(
                VocomCommand.CALL_SERVICES,
                "agent",
                "DEV",
                "branch",
                "3000",
                "to",
                "1199",
                "company_id",
                c)
            .response()
            .getString("call_id");
    send(VocomCommand.CALL_HOLD_RETRIEVE, "agent", "DEV", "call_id", id, "company_id", c);
    send(VocomCommand.CALL_HOLD, "agent", "DEV", "call_id", id, "company_id", c);
    send(VocomCommand.CALL_HOLD, "agent", "DEV", "call_id", id, "company_id", c);
    send(VocomCommand.CALL_HOLD_RETRIEVE, "agent", "DEV", "call_id", id, "company_id", c);
    send(VocomCommand.CALL_TRANSFER, "agent", "DEV", "call_id", id, "to", "2000", "company_id", c);
    send(VocomCommand.CALL_TRANSFER, "agent", "DEV", "call_id", id, "to", "2000", "company_id", c);
    send(VocomCommand.CALL_TERMINATE, "agent", "DEV", "call_id", id, "company_id", c);
    send(VocomCommand.CALL_TERMINATE, "agent", "DEV", "call_id", "");
    send(VocomCommand.GET_AGENT_LIST, "queue", "FILA_SUPORTE", "company_id", c);
    send(VocomCommand.GET_AGENT_LIST, "queue", "FILA_VAZIA", "company_id", c);
    send(VocomCommand.GET_AGENT_LIST, "queue", "NOPE", "company_id", c);
    send(VocomCommand.AGENT_LOGOUT, "agent", "DEV", "branch", "2000", "company_id", c);
    send(VocomCommand.AGENT_LOGOUT, "agent", "NOBODY", "branch", "2000", "company_id", c);
    send(VocomCommand.GET_AGENT_LIST, "queue", "FILA_COBRANCA", "company_id", c);
    send(
        VocomCommand.TABS_LIST_ALL,
        "date_begin",
        "2020-09-02 00:00:00",
        "date_end",
        "2020-09-02 23:59:59",
        "company_id",
        c);
    send(
        VocomCommand.TABS_LIST_ALL,
        "date_begin",
        "2026-01-15 00:00",
        "date_end",
        "2026-01-15 23:59",
        "company_id",
        c);
    send(VocomCommand.TABS_LIST_ALL, "date_begin", "", "date_end", "", "company_id", c);
    send(
        VocomCommand.DIALER_LIST_ALL,
        "date_begin",
        "2020-09-03 00:00",
        "date_end",
        "2020-09-03 23:59",
        "destination",
        "",
        "mailing",
        "",
        "hangup_cause",
        "",
        "company_id",
        c);
    send(
        VocomCommand.DIALER_LIST_ALL,
        "date_begin",
        "2026-01-15 00:00",
        "date_end",
        "2026-01-15 23:59",
        "company_id",
        c);
    send(VocomCommand.DIALER_LIST_ALL, "date_begin", "bad", "date_end", "", "company_id", c);
    replies.add(pipeline.send(VocomCommand.DIALER_LIST_ALL, null, new JsonObject()));
    replies.add(pipeline.send(VocomCommand.GET_AGENT_LIST, "Basic eDp5", new JsonObject()));

    Set<String> seen = new TreeSet<>();
    for (Answer reply : replies) {
      seen.add(reply.command().operationId() + ":" + reply.status() + ":" + reply.statusType());
      ValidatableResponse response =
          ValidatableResponse.create(200, reply.body().toBuffer(), "application/json");
      try {
        validator.validate(response, reply.command().operationId()).await();
      } catch (Exception e) {
        fail(reply.command().operationId() + " answered " + reply.body().encode() + ": " + e, e);
      }
    }
    Set<String> operations = new HashSet<>();
    replies.forEach(r -> operations.add(r.command().operationId()));
    assertEquals(VocomCommand.values().length, operations.size(), "every operation exercised");
    for (String kind :
        List.of("params_failed", "authentication_failed", "not_found_failed", "execute_failed")) {
      assertTrue(seen.stream().anyMatch(s -> s.endsWith(":error:" + kind)), kind + " in " + seen);
    }
    assertTrue(seen.contains("agentLogout:null:null"), seen.toString());
  }

  @Test
  void theContractRequiresTheKeysTheVendorRequires() {
    JsonObject paths = contractJson.getJsonObject("paths");
    JsonObject schemas = contractJson.getJsonObject("components").getJsonObject("schemas");
    for (VocomCommand command : VocomCommand.values()) {
      JsonObject post = paths.getJsonObject(command.path()).getJsonObject("post");
      assertEquals(command.operationId(), post.getString("operationId"));
      String ref =
          post.getJsonObject("requestBody")
              .getJsonObject("content")
              .getJsonObject("application/json")
              .getJsonObject("schema")
              .getString("$ref");
      JsonObject schema = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
      assertEquals(
          new TreeSet<>(REQUIRED_KEYS.get(command)),
          new TreeSet<>(schema.getJsonArray("required").getList()),
          command.operationId());
      assertTrue(
          schema.getJsonArray("required").contains("company_id"),
          command.operationId() + " names its company");
    }
    assertEquals(VocomCommand.values().length, paths.size());
  }

  @Test
  void aWrongAnswerIsCaught() {
    JsonObject wrong =
        new JsonObject()
            .put(
                "response",
                new JsonObject()
                    .put("agent", "DEV")
                    .put("command", "login")
                    .put("status", "error")
                    .put("status_type", "oops"));
    ValidatableResponse response =
        ValidatableResponse.create(200, wrong.toBuffer(), "application/json");
    assertFalse(validator.validate(response, "agentLogin").map(true).otherwise(false).await());
  }
}
