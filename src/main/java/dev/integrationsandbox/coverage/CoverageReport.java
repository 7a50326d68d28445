package dev.integrationsandbox.coverage;

import dev.integrationsandbox.contract.Violation;
import dev.integrationsandbox.coverage.DeclaredResponses.Outcome;
import dev.integrationsandbox.coverage.OperationTally.Example;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A snapshot of {@link Coverage}, rendered as the admin API's JSON or as JUnit XML. The JUnit form
 * exists because every CI server already shows that format as a test report: a vendor is a test
 * suite, an operation a test case, an operation never called is skipped, and each request that
 * broke the contract is a failure of its operation.
 */
public record CoverageReport(List<Vendor> vendors) {

  /** One vendor's operations, and the requests under its prefixes that matched none of them. */
  public record Vendor(String id, List<Operation> operations, long unmatched) {

    long covered() {
      return operations.stream().mapToLong(Operation::covered).sum();
    }

    long declared() {
      return operations.stream().mapToLong(o -> o.produced().size()).sum();
    }
  }

  /**
   * One operation's counts.
   *
   * @param produced every declared outcome with the number of answers that produced it
   * @param undeclared outcomes produced that the contract does not declare
   * @param brokenRequests requests with at least one request violation
   * @param examples the first of those, at most {@link OperationTally#MAX_EXAMPLES}
   * @param brokenResponses answers with at least one response violation
   */
  public record Operation(
      String id,
      long calls,
      long aborted,
      Map<Outcome, Long> produced,
      Map<Outcome, Long> undeclared,
      long brokenRequests,
      List<Example> examples,
      long brokenResponses) {

    long covered() {
      return produced.values().stream().filter(n -> n > 0).count();
    }
  }

  static double share(long covered, long declared) {
    return declared == 0 ? 0 : Math.round(covered * 10_000.0 / declared) / 10_000.0;
  }

  public JsonObject toJson() {
    JsonObject vendorsJson = new JsonObject();
    long covered = 0;
    long declared = 0;
    for (Vendor v : vendors) {
      JsonObject ops = new JsonObject();
      for (Operation op : v.operations()) {
        ops.put(op.id(), toJson(op));
      }
      vendorsJson.put(
          v.id(),
          new JsonObject()
              .put("covered", v.covered())
              .put("declared", v.declared())
              .put("share", share(v.covered(), v.declared()))
              .put("unmatched", v.unmatched())
              .put("operations", ops));
      covered += v.covered();
      declared += v.declared();
    }
    return new JsonObject()
        .put("covered", covered)
        .put("declared", declared)
        .put("share", share(covered, declared))
        .put("vendors", vendorsJson);
  }

  private static JsonObject toJson(Operation op) {
    JsonArray examples = new JsonArray();
    for (Example e : op.examples()) {
      JsonArray violations = new JsonArray();
      e.violations().forEach(v -> violations.add(v.toJson()));
      examples.add(
          new JsonObject()
              .put("exchange", e.exchangeId())
              .put("status", e.status())
              .put("violations", violations));
    }
    return new JsonObject()
        .put("calls", op.calls())
        .put("covered", op.covered())
        .put("declared", op.produced().size())
        .put("share", share(op.covered(), op.produced().size()))
        .put("responses", outcomes(op.produced()))
        .put("undeclared", outcomes(op.undeclared()))
        .put("aborted", op.aborted())
        .put(
            "requestViolations",
            new JsonObject().put("count", op.brokenRequests()).put("examples", examples))
        .put("responseViolations", op.brokenResponses());
  }

  private static JsonArray outcomes(Map<Outcome, Long> counts) {
    JsonArray list = new JsonArray();
    counts.forEach(
        (o, n) -> {
          JsonObject entry = new JsonObject().put("status", o.status());
          if (o.kind() != null) {
            entry.put("kind", o.kind());
          }
          list.add(entry.put("count", n));
        });
    return list;
  }

  /**
   * JUnit XML as the Ant/Jenkins schema defines it ({@code testsuites/testsuite/testcase} with
   * {@code failure}, {@code skipped} and {@code system-out}). The suite's {@code failures} counts
   * the operations with a failure, as that schema's "tests that failed"; each failure is one
   * request, up to {@link OperationTally#MAX_EXAMPLES}, and the test case's output says how many
   * more there were.
   */
  public String toJUnitXml() {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("testsuites");
      xml.writeAttribute("name", "integration-sandbox coverage");
      xml.writeAttribute("tests", Long.toString(count(v -> v.operations().size())));
      xml.writeAttribute("failures", Long.toString(count(CoverageReport::failing)));
      xml.writeAttribute("errors", "0");
      xml.writeAttribute("skipped", Long.toString(count(CoverageReport::skipped)));
      xml.writeAttribute("time", "0");
      for (Vendor v : vendors) {
        suite(xml, v);
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("coverage could not be written as XML", e);
    }
    return out.toString();
  }

  private long count(java.util.function.ToLongFunction<Vendor> f) {
    return vendors.stream().mapToLong(f).sum();
  }

  private static long failing(Vendor v) {
    return v.operations().stream().filter(o -> o.brokenRequests() > 0).count();
  }

  private static long skipped(Vendor v) {
    return v.operations().stream().filter(o -> o.calls() == 0).count();
  }

  private static void suite(XMLStreamWriter xml, Vendor v) throws XMLStreamException {
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", v.id());
    xml.writeAttribute("tests", Integer.toString(v.operations().size()));
    xml.writeAttribute("failures", Long.toString(failing(v)));
    xml.writeAttribute("errors", "0");
    xml.writeAttribute("skipped", Long.toString(skipped(v)));
    xml.writeAttribute("time", "0");
    xml.writeStartElement("properties");
    property(xml, "covered", Long.toString(v.covered()));
    property(xml, "declared", Long.toString(v.declared()));
    property(xml, "share", Double.toString(share(v.covered(), v.declared())));
    property(xml, "unmatched", Long.toString(v.unmatched()));
    xml.writeEndElement();
    for (Operation op : v.operations()) {
      testcase(xml, v.id(), op);
    }
    xml.writeEndElement();
  }

  private static void property(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeEmptyElement("property");
    xml.writeAttribute("name", name);
    xml.writeAttribute("value", value);
  }

  private static void testcase(XMLStreamWriter xml, String vendor, Operation op)
      throws XMLStreamException {
    xml.writeStartElement("testcase");
    xml.writeAttribute("classname", vendor);
    xml.writeAttribute("name", op.id());
    xml.writeAttribute("time", "0");
    if (op.calls() == 0) {
      xml.writeEmptyElement("skipped");
      xml.writeAttribute("message", "never called");
    }
    for (Example e : op.examples()) {
      xml.writeStartElement("failure");
      xml.writeAttribute(
          "message", text(e.violations().isEmpty() ? "" : e.violations().get(0).describe()));
      xml.writeAttribute("type", "request violation");
      xml.writeCharacters(
          text(
              "exchange "
                  + e.exchangeId()
                  + " (GET /__sandbox/journal/"
                  + e.exchangeId()
                  + "), answered "
                  + e.status()
                  + ":\n"
                  + e.violations().stream()
                      .map(Violation::describe)
                      .collect(Collectors.joining("\n"))));
      xml.writeEndElement();
    }
    xml.writeStartElement("system-out");
    xml.writeCharacters(text(summary(op)));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  /** The operation's coverage in a few lines, for the test case's output. */
  private static String summary(Operation op) {
    StringBuilder s = new StringBuilder();
    s.append("covered ")
        .append(op.covered())
        .append(" of ")
        .append(op.produced().size())
        .append(" declared responses in ")
        .append(op.calls())
        .append(op.calls() == 1 ? " call\n" : " calls\n");
    s.append("produced: ").append(labels(op.produced(), true)).append('\n');
    s.append("never produced: ").append(labels(op.produced(), false)).append('\n');
    if (!op.undeclared().isEmpty()) {
      s.append("undeclared: ")
          .append(
              op.undeclared().entrySet().stream()
                  .map(e -> e.getKey().label() + " x" + e.getValue())
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    if (op.brokenRequests() > op.examples().size()) {
      s.append(op.brokenRequests())
          .append(" requests broke the contract; the first ")
          .append(op.examples().size())
          .append(" are shown as failures\n");
    }
    if (op.brokenResponses() > 0) {
      s.append(op.brokenResponses()).append(" answers departed from the contract\n");
    }
    if (op.aborted() > 0) {
      s.append(op.aborted()).append(" requests were never answered\n");
    }
    return s.toString();
  }

  private static String labels(Map<Outcome, Long> counts, boolean produced) {
    String list =
        counts.entrySet().stream()
            .filter(e -> (e.getValue() > 0) == produced)
            .map(e -> produced ? e.getKey().label() + " x" + e.getValue() : e.getKey().label())
            .collect(Collectors.joining(", "));
    return list.isEmpty() ? "none" : list;
  }

  /** Text without the characters XML 1.0 cannot carry, which a violation message might quote. */
  private static String text(String s) {
    StringBuilder clean = new StringBuilder(s.length());
    s.codePoints()
        .forEach(
            c -> {
              boolean allowed =
                  c == 0x9
                      || c == 0xA
                      || c == 0xD
                      || (c >= 0x20 && c <= 0xD7FF)
                      || (c >= 0xE000 && c <= 0xFFFD)
                      || (c >= 0x10000 && c <= 0x10FFFF);
              clean.appendCodePoint(allowed ? c : 0xFFFD);
            });
    return clean.toString();
  }
}
