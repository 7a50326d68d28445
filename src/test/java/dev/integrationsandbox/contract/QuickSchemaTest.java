package dev.integrationsandbox.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.btg.BtgTestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick check may only ever say "valid" where vertx-json-schema says valid too (it is a
 * shortcut, never a second opinion), and it must say so for the ordinary valid requests, or it
 * saves nothing.
 */
class QuickSchemaTest {

  static Vertx vertx;
  static OpenAPIContract btg;
  static OpenAPIContract vocom;
  static OpenAPIContract hubsoft;

  @BeforeAll
  static void load() throws Exception {
    vertx = Vertx.vertx();
    btg = open("contracts/btg-tickets.yaml");
    vocom = open("contracts/vocom.yaml");
    hubsoft = open("contracts/hubsoft.yaml");
  }

  @AfterAll
  static void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  static OpenAPIContract open(String file) throws Exception {
    JsonObject doc = ContractDocument.read(Path.of(file)).loadable();
    return OpenAPIContract.from(vertx, doc)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  static MediaType body(OpenAPIContract contract, String operationId) {
    return contract.operation(operationId).getRequestBody().getContent().get("application/json");
  }

  static JsonObject json(io.vertx.json.schema.JsonSchema schema) {
    JsonObject out = new JsonObject();
    schema.fieldNames().forEach(k -> out.put(k, (Object) schema.get(k)));
    return out;
  }

  /**
   * An attempt ticket with a short contract and no email: the fuzzed cases below start from it, so
   * it stays as it was rather than follow {@link BtgTestData#attempt()}.
   */
  static JsonObject attempt() {
    return BtgTestData.newTicket()
        .put("duration", 42)
        .put(
            "contracts",
            new JsonArray()
                .add(
                    new JsonObject()
                        .put("terminationCode", "NA")
                        .put("contractNumber", "CN-1")
                        .put("product", "CCB")
                        .put("dueDays", 3)))
        .put("scheduledDate", "2026-02-01");
  }

  @Test
  void ordinaryValidRequestsTakeTheFastPath() {
    assertTrue(quick(btg, body(btg, "createTicket")).certainlyValid(BtgTestData.newTicket()));
    assertTrue(quick(btg, body(btg, "createAttemptTicket")).certainlyValid(attempt()));
    assertTrue(
        quick(vocom, body(vocom, "getBreakList"))
            .certainlyValid(new JsonObject().put("agent", "DEV").put("company_id", "x")));
    Operation close = btg.operation("closeTicket");
    for (Parameter p : close.getParameters()) {
      if (p.getName().equals("ticketId")) {
        assertTrue(
            QuickSchema.compile(json(p.getSchema()), btg.getRawContract())
                .certainlyValid(BtgTestData.OPEN_TICKET));
      }
      if (p.getName().equals("document")) {
        assertTrue(
            QuickSchema.compile(json(p.getSchema()), btg.getRawContract())
                .certainlyValid(BtgTestData.CPF));
      }
    }
  }

  @Test
  void theFastPathNeverAcceptsWhatTheFullValidatorRejects() {
    Random random = new Random(42);
    List<Object[]> cases = new ArrayList<>();
    for (String op : List.of("createTicket", "createAttemptTicket", "addTicketContract")) {
      MediaType media = body(btg, op);
      JsonObject base =
          op.equals("createAttemptTicket")
              ? attempt()
              : op.equals("createTicket")
                  ? BtgTestData.newTicket()
                  : attempt().getJsonArray("contracts").getJsonObject(0);
      for (int i = 0; i < 300; i++) {
        cases.add(new Object[] {btg, media, mutate(base.copy(), random)});
      }
    }
    for (String op : List.of("agentLogin", "callServices", "dialerListAll")) {
      MediaType media = body(vocom, op);
      JsonObject base =
          new JsonObject()
              .put("agent", "DEV")
              .put("branch", "2000")
              .put("to", "1199")
              .put("company_id", "c")
              .put("date_begin", "2020-09-03 00:00")
              .put("date_end", "2020-09-03 23:59");
      for (int i = 0; i < 200; i++) {
        cases.add(new Object[] {vocom, media, mutate(base.copy(), random)});
      }
    }
    int fast = 0;
    for (Object[] c : cases) {
      OpenAPIContract contract = (OpenAPIContract) c[0];
      MediaType media = (MediaType) c[1];
      Object value = c[2];
      if (quick(contract, media).certainlyValid(value)) {
        fast++;
        Validator full = contract.getSchemaRepository().validator(media.getSchema());
        assertTrue(
            full.validate(value).getValid(), "fast path accepted what vertx rejects: " + value);
      }
    }
    assertTrue(fast > 50, "the fast path took " + fast + " of " + cases.size());
  }

  /**
   * A {@code oneOf} of an answer and an error envelope (HubSoft's atendimento, Vocom's answers):
   * both ordinary shapes take the fast path, and no mutation of them is accepted where
   * vertx-json-schema refuses it (a mutated {@code status} can make the body match neither branch,
   * or both).
   */
  @Test
  void oneOfTakesTheFastPathOnlyWhereTheFullValidatorAgrees() {
    MediaType answer =
        hubsoft
            .operation("createAtendimento")
            .getResponse(200)
            .getContent()
            .get("application/json");
    QuickSchema.Check quick =
        QuickSchema.compile(json(answer.getSchema()), hubsoft.getRawContract());
    Validator full = hubsoft.getSchemaRepository().validator(answer.getSchema());
    JsonObject error = new JsonObject().put("status", "error").put("msg", "Cliente não encontrado");
    assertTrue(quick.certainlyValid(error));
    Random random = new Random(11);
    int fast = 0;
    for (int i = 0; i < 600; i++) {
      JsonObject value = mutate(error.copy().put("errors", new JsonArray()), random);
      if (random.nextBoolean()) {
        value.put("status", random.nextBoolean() ? "success" : "error");
      }
      if (quick.certainlyValid(value)) {
        fast++;
        assertTrue(
            full.validate(value).getValid(), "fast path accepted what vertx rejects: " + value);
      }
    }
    assertTrue(fast > 50, "the fast path took " + fast + " of 600");
  }

  @Test
  void unsupportedKeywordsAndInvalidFormatsDeferToTheFullValidator() {
    JsonObject doc = new JsonObject();
    assertFalse(
        QuickSchema.compile(
                new JsonObject().put("anyOf", new JsonArray().add(new JsonObject())), doc)
            .certainlyValid("x"));
    QuickSchema.Check overlapping = oneOf(new JsonObject().put("minLength", 1));
    assertFalse(overlapping.certainlyValid("x"), "both branches hold, so oneOf fails");
    assertFalse(overlapping.certainlyValid(""), "minLength cannot refute a branch: not sure");
    QuickSchema.Check disjoint = oneOf(new JsonObject().put("type", "integer"));
    assertTrue(disjoint.certainlyValid("x"));
    assertFalse(
        disjoint.certainlyValid(2.0),
        "2.0 is an integer to JSON Schema: not refuted by type integer");
    assertFalse(
        QuickSchema.compile(new JsonObject().put("type", "string").put("format", "email"), doc)
            .certainlyValid("not-an-email"));
    assertFalse(
        QuickSchema.compile(new JsonObject().put("type", "string").put("format", "date-time"), doc)
            .certainlyValid("2026-01-01T00:00:00+19:00"));
    assertFalse(
        QuickSchema.compile(new JsonObject().put("type", "string").put("format", "date"), doc)
            .certainlyValid("2026-02-31"));
    assertFalse(
        QuickSchema.compile(new JsonObject().put("type", "integer"), doc).certainlyValid(2.0));
    assertFalse(
        QuickSchema.compile(new JsonObject().put("additionalProperties", false), doc)
            .certainlyValid(new JsonObject().put("a", 1)));
    assertFalse(
        QuickSchema.compile(new JsonObject().put("enum", new JsonArray().add(0).add(1)), doc)
            .certainlyValid(Double.NEGATIVE_INFINITY),
        "-1e400 is read as an infinity, which is not in an enum (it was a NumberFormatException)");
  }

  /** {@code oneOf: [{type: string}, other]}. */
  static QuickSchema.Check oneOf(JsonObject other) {
    return QuickSchema.compile(
        new JsonObject()
            .put("oneOf", new JsonArray().add(new JsonObject().put("type", "string")).add(other)),
        new JsonObject());
  }

  /**
   * Every format the contracts use, on generated strings near the edges of each format (offsets
   * past ±18:00, leap seconds, lower-case separators, upper-case hex, missing parts): the fast path
   * and vertx-json-schema give the same verdict on each.
   */
  @Test
  void formatsAgreeWithTheFullValidatorOnGeneratedValues() {
    Random random = new Random(7);
    JsonObject doc = new JsonObject();
    int checked = 0;
    for (String format : List.of("date-time", "date", "uuid", "email", "time")) {
      JsonObject schema = new JsonObject().put("type", "string").put("format", format);
      Validator full =
          Validator.create(
              io.vertx.json.schema.JsonSchema.of(schema),
              new io.vertx.json.schema.JsonSchemaOptions()
                  .setDraft(io.vertx.json.schema.Draft.DRAFT202012)
                  .setBaseUri("https://sandbox.local/")
                  .setOutputFormat(io.vertx.json.schema.OutputFormat.Basic));
      QuickSchema.Check quick = QuickSchema.compile(schema, doc);
      for (int i = 0; i < 3000; i++) {
        String value = formatCandidate(format, random);
        assertEquals(
            full.validate(value).getValid(),
            quick.certainlyValid(value),
            format + " disagrees on " + value);
        checked++;
      }
    }
    assertTrue(checked >= 15000);
  }

  /**
   * vertx-json-schema compiles a pattern with {@link java.util.regex.Pattern} and searches with
   * {@code find()}, anchored or not; the fast path does exactly that, so the two agree on every
   * string, including the unanchored {@code \\S} HubSoft uses for "not blank".
   */
  @Test
  void patternsAgreeWithTheFullValidatorAnchoredOrNot() {
    Random random = new Random(3);
    for (String pattern : List.of("\\S", "^-?[0-9]+$", "[0-9]{2}", "^a", "b$")) {
      JsonObject schema = new JsonObject().put("type", "string").put("pattern", pattern);
      Validator full =
          Validator.create(
              io.vertx.json.schema.JsonSchema.of(schema),
              new io.vertx.json.schema.JsonSchemaOptions()
                  .setDraft(io.vertx.json.schema.Draft.DRAFT202012)
                  .setBaseUri("https://sandbox.local/")
                  .setOutputFormat(io.vertx.json.schema.OutputFormat.Basic));
      QuickSchema.Check quick = QuickSchema.compile(schema, new JsonObject());
      String alphabet = " \t\nab-0123456789";
      for (int i = 0; i < 2000; i++) {
        StringBuilder value = new StringBuilder();
        for (int k = random.nextInt(6); k > 0; k--) {
          value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        assertEquals(
            full.validate(value.toString()).getValid(),
            quick.certainlyValid(value.toString()),
            pattern + " disagrees on '" + value + "'");
      }
    }
  }

  static String formatCandidate(String format, Random r) {
    String two = String.format("%02d", r.nextInt(100));
    String date =
        (1990 + r.nextInt(50))
            + "-"
            + String.format("%02d", r.nextInt(14))
            + "-"
            + String.format("%02d", r.nextInt(33));
    String time =
        (r.nextInt(10) == 0
                ? "23:59:60"
                : String.format("%02d:%02d:%02d", r.nextInt(26), r.nextInt(62), r.nextInt(62)))
            + (r.nextBoolean() ? "" : "." + r.nextInt(1000));
    String offset =
        switch (r.nextInt(5)) {
          case 0 -> "Z";
          case 1 -> "z";
          case 2 ->
              (r.nextBoolean() ? "+" : "-") + String.format("%02d", r.nextInt(25)) + ":" + two;
          case 3 ->
              (r.nextBoolean() ? "+" : "-")
                  + String.format("%02d%02d", r.nextInt(25), r.nextInt(61));
          default -> "";
        };
    String hex = "0123456789abcdefABCDEFg";
    return switch (format) {
      case "date-time" -> date + (r.nextInt(4) == 0 ? "t" : "T") + time + offset;
      case "date" -> r.nextInt(8) == 0 ? date + "T" : date;
      case "time" -> time + offset;
      case "uuid" -> {
        StringBuilder u = new StringBuilder();
        int[] groups = {8, 4, 4, 4, 12};
        for (int g = 0; g < groups.length; g++) {
          int len = groups[g] + (r.nextInt(12) == 0 ? 1 : 0);
          for (int k = 0; k < len; k++) {
            u.append(hex.charAt(r.nextInt(hex.length())));
          }
          if (g < groups.length - 1) {
            u.append('-');
          }
        }
        yield u.toString();
      }
      default ->
          List.of("a@b.co", "a@b", "@b.co", "a b@c.d", "ação@b.co", "a@b..co", "x@" + two + ".io")
              .get(r.nextInt(7));
    };
  }

  static QuickSchema.Check quick(OpenAPIContract contract, MediaType media) {
    return QuickSchema.compile(json(media.getSchema()), contract.getRawContract());
  }

  static final Object[] ODD_VALUES = {
    null,
    "",
    " ",
    "x",
    0,
    -1,
    7,
    2.5,
    true,
    new JsonObject(),
    new JsonArray(),
    "2026-02-31",
    "2026-02-01",
    "01/02/2026",
    "NA",
    "ZZ",
    "a@b.co",
    "not-an-email",
    1L << 40
  };

  static JsonObject mutate(JsonObject value, Random random) {
    int changes = 1 + random.nextInt(3);
    for (int i = 0; i < changes; i++) {
      List<String> keys = new ArrayList<>(value.fieldNames());
      switch (random.nextInt(4)) {
        case 0 -> {
          if (!keys.isEmpty()) {
            value.remove(keys.get(random.nextInt(keys.size())));
          }
        }
        case 1 ->
            value.put("extra" + random.nextInt(3), ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
        case 2, 3 -> {
          if (!keys.isEmpty()) {
            value.put(
                keys.get(random.nextInt(keys.size())),
                ODD_VALUES[random.nextInt(ODD_VALUES.length)]);
          }
        }
        default -> {}
      }
    }
    return value;
  }
}
