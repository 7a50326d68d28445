package dev.integrationsandbox.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.contract.ContractDocument;
import dev.integrationsandbox.coverage.DeclaredResponses.Outcome;
import dev.integrationsandbox.vocom.VocomApi;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The coverage report says exactly what a test sent: each request below lands in one declared
 * response of its operation, a broken request is a violation and a JUnit failure, and the XML is
 * valid JUnit as CI servers read it. The sandbox is shared by the class, so each test starts by
 * resetting the coverage.
 */
@Timeout(30)
class CoverageTest {

  @RegisterExtension static SandboxExtension extension = new SandboxExtension();

  TestSandbox sandbox;
  BtgApi btg;
  VocomApi vocom;

  @BeforeEach
  void cleanCoverage() {
    sandbox = extension.sandbox();
    btg = new BtgApi(sandbox);
    vocom = new VocomApi(sandbox);
    assertEquals(204, sandbox.client().delete("/__sandbox/coverage").send().await().statusCode());
  }

  /** A token, a ticket, a ticket without its channel, a Vocom break list ok and params_failed. */
  void sendTheKnownRequests() {
    BtgApi signedIn = btg.signedIn();
    assertEquals(200, signedIn.createTicket(BtgTestData.CPF, BtgTestData.newTicket()).statusCode());
    JsonObject noChannel = BtgTestData.newTicket();
    noChannel.remove("channel");
    assertEquals(400, signedIn.createTicket(BtgTestData.CPF, noChannel).statusCode());
    assertEquals(
        "ok",
        vocom
            .cti(VocomTestData.BREAK_LIST, VocomTestData.agent(VocomTestData.DEV))
            .getString("status"));
    assertEquals(
        "params_failed",
        vocom
            .cti(
                VocomTestData.BREAK_LIST, new JsonObject().put("company_id", VocomTestData.COMPANY))
            .getString("status_type"));
  }

  @Test
  void theJsonCountsExactlyTheRequestsSent() {
    sendTheKnownRequests();
    JsonObject report = get("/__sandbox/coverage").bodyAsJsonObject();

    assertEquals(
        Map.of(
            "btg.createToken", 1L,
            "btg.createTicket", 2L,
            "vocom.getBreakList", 2L),
        calledOperations(report));

    JsonObject token = operation(report, "btg", "createToken");
    assertEquals(Map.of("200", 1L), produced(token));
    assertEquals(1, token.getInteger("covered"));

    JsonObject ticket = operation(report, "btg", "createTicket");
    assertEquals(Map.of("200", 1L, "400", 1L), produced(ticket));
    assertEquals(
        List.of("200", "400", "401", "403", "413", "415"),
        declaredLabels(ticket),
        "every status the contract declares for createTicket");
    assertEquals(2, ticket.getInteger("covered"));
    assertEquals(6, ticket.getInteger("declared"));
    assertEquals(0.3333, ticket.getDouble("share"));
    JsonObject violations = ticket.getJsonObject("requestViolations");
    assertEquals(1, violations.getInteger("count"));
    JsonObject example = violations.getJsonArray("examples").getJsonObject(0);
    assertEquals(400, example.getInteger("status"));
    JsonObject violation = example.getJsonArray("violations").getJsonObject(0);
    assertEquals("request", violation.getString("in"));
    assertTrue(violation.getString("message").contains("channel"), violation.encode());

    JsonObject breaks = operation(report, "vocom", "getBreakList");
    assertEquals(
        List.of(
            "200",
            "200 params_failed",
            "200 authentication_failed",
            "200 not_found_failed",
            "200 execute_failed",
            "404",
            "405"),
        declaredLabels(breaks),
        "Vocom's kinds come from the status_type enum of its 200 schema");
    assertEquals(Map.of("200", 1L, "200 params_failed", 1L), produced(breaks));
    assertEquals(2.0 / 7, breaks.getDouble("share"), 0.0001);
    assertEquals(1, breaks.getJsonObject("requestViolations").getInteger("count"));

    assertEquals(5, report.getInteger("covered"));
    long declared =
        report.getJsonObject("vendors").stream()
            .mapToLong(v -> ((JsonObject) v.getValue()).getLong("declared"))
            .sum();
    assertEquals(declared, report.getLong("declared"));
    assertEquals(CoverageReport.share(5, declared), report.getDouble("share"));
    assertEquals(null, report.getValue("world"));
  }

  @Test
  void theJunitXmlIsValidAndSaysTheSame() throws Exception {
    sendTheKnownRequests();
    HttpResponse<Buffer> r = get("/__sandbox/coverage?format=junit");
    assertTrue(r.getHeader("Content-Type").startsWith("application/xml"));
    Document xml = validJUnit(r.bodyAsString());

    Element root = xml.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("2", root.getAttribute("failures"), "createTicket and getBreakList failed");

    Element btgSuite = suite(xml, "btg");
    assertEquals("1", btgSuite.getAttribute("failures"));
    assertEquals(
        Integer.toString(btgSuite.getElementsByTagName("testcase").getLength()),
        btgSuite.getAttribute("tests"));
    Element createTicket = testcase(btgSuite, "createTicket");
    NodeList failures = createTicket.getElementsByTagName("failure");
    assertEquals(1, failures.getLength());
    assertTrue(((Element) failures.item(0)).getAttribute("message").contains("channel"));
    assertEquals(0, createTicket.getElementsByTagName("skipped").getLength());
    Element token = testcase(btgSuite, "createToken");
    assertEquals(0, token.getElementsByTagName("failure").getLength());
    assertEquals(0, token.getElementsByTagName("skipped").getLength());
    assertEquals(1, testcase(btgSuite, "closeTicket").getElementsByTagName("skipped").getLength());
    assertEquals(
        Integer.toString(btgSuite.getElementsByTagName("testcase").getLength() - 2),
        btgSuite.getAttribute("skipped"));

    Element breaks = testcase(suite(xml, "vocom"), "getBreakList");
    assertEquals(1, breaks.getElementsByTagName("failure").getLength());
    String out = breaks.getElementsByTagName("system-out").item(0).getTextContent();
    assertTrue(out.contains("covered 2 of 7"), out);
    assertTrue(out.contains("200 params_failed x1"), out);
    assertEquals("0", suite(xml, "hubsoft").getAttribute("failures"));
  }

  @Test
  void failuresAreBoundedAndTheRestCounted() throws Exception {
    BtgApi signedIn = btg.signedIn();
    JsonObject noChannel = BtgTestData.newTicket();
    noChannel.remove("channel");
    IntStream.range(0, 12)
        .forEach(i -> signedIn.createTicket(BtgTestData.CPF, noChannel.copy()).statusCode());

    JsonObject ticket =
        operation(get("/__sandbox/coverage?vendor=btg").bodyAsJsonObject(), "btg", "createTicket");
    assertEquals(12, ticket.getJsonObject("requestViolations").getInteger("count"));
    assertEquals(
        OperationTally.MAX_EXAMPLES,
        ticket.getJsonObject("requestViolations").getJsonArray("examples").size());

    Document xml = validJUnit(get("/__sandbox/coverage?format=junit&vendor=btg").bodyAsString());
    Element testcase = testcase(suite(xml, "btg"), "createTicket");
    assertEquals(OperationTally.MAX_EXAMPLES, testcase.getElementsByTagName("failure").getLength());
    assertTrue(
        testcase
            .getElementsByTagName("system-out")
            .item(0)
            .getTextContent()
            .contains("12 requests broke the contract; the first 10 are shown as failures"));
    assertEquals(1, xml.getElementsByTagName("testsuite").getLength());
  }

  @Test
  void aResetForgetsEverythingAndABadQueryIsRefused() {
    sendTheKnownRequests();
    assertEquals(204, sandbox.client().delete("/__sandbox/coverage").send().await().statusCode());
    JsonObject report = get("/__sandbox/coverage?world=ignored").bodyAsJsonObject();
    assertEquals(0, report.getInteger("covered"));
    assertEquals(Map.of(), calledOperations(report));
    assertEquals(400, get("/__sandbox/coverage?vendor=nobody").statusCode());
    assertEquals(400, get("/__sandbox/coverage?format=csv").statusCode());
  }

  @Test
  void theAnswersFollowTheAdminContract() {
    Path file = Path.of("contracts/sandbox-admin.yaml");
    ContractDocument doc =
        sandbox.vertx().executeBlocking(() -> ContractDocument.read(file)).await();
    ResponseValidator validator =
        ResponseValidator.create(
            sandbox.vertx(), OpenAPIContract.from(sandbox.vertx(), doc.loadable()).await());
    sendTheKnownRequests();
    check(validator, "getCoverage", get("/__sandbox/coverage"));
    check(validator, "getCoverage", get("/__sandbox/coverage?vendor=vocom"));
    check(validator, "getCoverage", get("/__sandbox/coverage?format=csv"));
    check(
        validator, "resetCoverage", sandbox.client().delete("/__sandbox/coverage").send().await());
  }

  @Test
  void hubSoftErrorsAreOneKindAndBtgHasNone() {
    DeclaredResponses open =
        declared("hubsoft").stream()
            .filter(d -> d.operationId().equals("createAtendimento"))
            .findFirst()
            .orElseThrow();
    assertTrue(open.outcomes().contains(new Outcome(200, "error")), open.toString());
    assertEquals(
        1, open.outcomes().stream().filter(o -> o.kind() != null).count(), open.toString());
    assertTrue(
        declared("btg").stream().allMatch(d -> d.probes().isEmpty()),
        "BTG's errors are HTTP statuses, with no in-body kinds");
    assertTrue(declared("postcenter").stream().allMatch(d -> d.probes().isEmpty()));
  }

  private List<DeclaredResponses> declared(String vendor) {
    return DeclaredResponses.of(sandbox.server().sandbox().vendor(vendor).orElseThrow().contract());
  }

  private static void check(
      ResponseValidator validator, String operationId, HttpResponse<Buffer> r) {
    String type = r.getHeader("Content-Type");
    validator
        .validate(
            ValidatableResponse.create(
                r.statusCode(), r.body(), type == null ? null : type.split(";")[0]),
            operationId)
        .await();
  }

  private HttpResponse<Buffer> get(String uri) {
    return sandbox.client().get(uri).send().await();
  }

  private static JsonObject operation(JsonObject report, String vendor, String operationId) {
    return report
        .getJsonObject("vendors")
        .getJsonObject(vendor)
        .getJsonObject("operations")
        .getJsonObject(operationId);
  }

  /** {@code vendor.operation} → calls, for every operation called at least once. */
  private static Map<String, Long> calledOperations(JsonObject report) {
    Map<String, Long> called = new java.util.HashMap<>();
    JsonObject vendors = report.getJsonObject("vendors");
    for (String vendor : vendors.fieldNames()) {
      JsonObject ops = vendors.getJsonObject(vendor).getJsonObject("operations");
      for (String op : ops.fieldNames()) {
        long calls = ops.getJsonObject(op).getLong("calls");
        if (calls > 0) {
          called.put(vendor + "." + op, calls);
        }
      }
      assertEquals(0, vendors.getJsonObject(vendor).getLong("unmatched"));
    }
    return called;
  }

  private static String label(JsonObject response) {
    String kind = response.getString("kind");
    return response.getInteger("status") + (kind == null ? "" : " " + kind);
  }

  private static List<String> declaredLabels(JsonObject operation) {
    return operation.getJsonArray("responses").stream().map(r -> label((JsonObject) r)).toList();
  }

  /** Declared responses produced at least once, with their counts; nothing undeclared. */
  private static Map<String, Long> produced(JsonObject operation) {
    assertEquals(new JsonArray(), operation.getJsonArray("undeclared"));
    return operation.getJsonArray("responses").stream()
        .map(r -> (JsonObject) r)
        .filter(r -> r.getLong("count") > 0)
        .collect(Collectors.toMap(CoverageTest::label, r -> r.getLong("count")));
  }

  /** Parses the report after validating it against the JUnit schema CI servers read. */
  private static Document validJUnit(String text) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema =
        factory.newSchema(
            new StreamSource(CoverageTest.class.getResource("/junit/JUnit.xsd").toString()));
    schema.newValidator().validate(new StreamSource(new StringReader(text)));
    DocumentBuilderFactory builder = DocumentBuilderFactory.newInstance();
    return builder
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static Element suite(Document xml, String name) {
    NodeList suites = xml.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      if (suite.getAttribute("name").equals(name)) {
        return suite;
      }
    }
    throw new AssertionError("no test suite " + name);
  }

  private static Element testcase(Element suite, String name) {
    NodeList cases = suite.getElementsByTagName("testcase");
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      if (testcase.getAttribute("name").equals(name)) {
        assertEquals(suite.getAttribute("name"), testcase.getAttribute("classname"));
        return testcase;
      }
    }
    throw new AssertionError("no test case " + name);
  }
}
