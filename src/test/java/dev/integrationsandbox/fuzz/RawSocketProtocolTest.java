package dev.integrationsandbox.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.exchange.Exchange;
import dev.integrationsandbox.vocom.VocomTestData;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP below what any client library lets a test send, written byte by byte on a loopback socket:
 * malformed request lines, {@code Content-Length} with {@code Transfer-Encoding}, {@code Expect},
 * {@code CONNECT}, oversized targets and header blocks, bodies that never finish, clients that go
 * away mid-body, and a slowloris. Each answer is held to {@link AnswerChecks} (no 5xx, no fault, a
 * declared status, no ERROR logged), and the sandbox must close what it cannot read within its
 * configured timeouts.
 */
@Timeout(30)
class RawSocketProtocolTest {

  @RegisterExtension
  static SandboxExtension sandbox =
      new SandboxExtension("--read-timeout", "PT1S", "--idle-timeout", "PT2S");

  private static final String VOCOM_LOGIN = "/interact_cti/agent/login/";
  private static final String LOGIN_BODY = "{\"agent\":\"DEV\",\"branch\":\"2000\"}";
  private static final String BTG_TICKETS = "/v2/btg-tickets/customers/52998224725/tickets";

  private LogWatch log;
  private AnswerChecks checks;

  @BeforeEach
  void watch(TestSandbox s) {
    log = LogWatch.attach();
    Map<String, VendorModel> models = new LinkedHashMap<>();
    s.server().sandbox().vendors().forEach(v -> models.put(v.id(), VendorModel.of(v)));
    checks = new AnswerChecks(s, models, log);
  }

  @AfterEach
  void unwatch() {
    List<String> errors = log.drain();
    log.detach();
    assertEquals(List.of(), errors, "nothing may be logged at ERROR");
  }

  record Raw(int status, Map<String, String> headers, String body, boolean closed) {}

  @Test
  void aMalformedRequestLineIsA400AndTheConnectionCloses(TestSandbox s) throws Exception {
    Raw r = exchange(s, "GARBAGE\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    assertEquals(400, r.status());
    assertTrue(r.closed(), "closed after a malformed request");
  }

  @Test
  void aBadChunkSizeIsA400InTheVendorsDialectAndTheConnectionCloses(TestSandbox s)
      throws Exception {
    Raw r =
        exchange(
            s,
            head("POST", BTG_TICKETS, "Transfer-Encoding: chunked")
                .concat("zz\r\n{}\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(400, r.status(), r.toString());
    assertTrue(new JsonObject(r.body()).containsKey("message"), r.body());
    assertTrue(r.closed(), "closed: nothing after a bad chunk can be read");
  }

  /**
   * RFC 9112 §7.1.1: a recipient ignores chunk extensions it does not understand: names, token
   * values ({@code 5;a=b}, which Netty 4.2.12 alone would refuse) and quoted values, with blanks
   * around the signs; the body is read whole, extensions dropped.
   */
  @ParameterizedTest
  @ValueSource(strings = {";a=b", ";name=\"value\";flag", " ; a = b ; c=\"d;e\"", ";x=1;y=z"})
  void aChunkExtensionIsIgnored(String extensions, TestSandbox s) throws Exception {
    String chunk = Integer.toHexString(LOGIN_BODY.length()) + extensions + "\r\n" + LOGIN_BODY;
    Raw r =
        exchange(
            s,
            head("POST", VOCOM_LOGIN, "Transfer-Encoding: chunked")
                .concat(chunk + "\r\n0;last=yes\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.status(), r.toString());
    assertEquals(
        "DEV",
        new JsonObject(r.body()).getJsonObject("response").getString("agent"),
        "the body was read whole, extensions dropped: " + r.body());
  }

  /**
   * A chunk line close to the sandbox's 4 KiB look-ahead, all extensions: read in one pass, where a
   * regular expression overflowed the event loop's stack.
   */
  @Test
  void aLongRunOfChunkExtensionsIsIgnoredToo(TestSandbox s) throws Exception {
    String chunk =
        Integer.toHexString(LOGIN_BODY.length()) + ";a=\"q\";b=c".repeat(400) + "\r\n" + LOGIN_BODY;
    Raw r =
        exchange(
            s,
            head("POST", VOCOM_LOGIN, "Transfer-Encoding: chunked")
                .concat(chunk + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(200, r.status(), r.toString());
  }

  /** A chunk line whose extension breaks the grammar is still refused, in the vendor's dialect. */
  @Test
  void aMalformedChunkExtensionIsA400(TestSandbox s) throws Exception {
    String chunk = Integer.toHexString(LOGIN_BODY.length()) + ";a=\"open\r\n" + LOGIN_BODY;
    Raw r =
        exchange(
            s,
            head("POST", BTG_TICKETS, "Transfer-Encoding: chunked")
                .concat(chunk + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
    assertEquals(400, r.status(), r.toString());
    assertTrue(new JsonObject(r.body()).containsKey("message"), r.body());
  }

  @Test
  void contentLengthWithTransferEncodingIsA400AndTheConnectionCloses(TestSandbox s)
      throws Exception {
    Raw r =
        exchange(
            s,
            head("POST", BTG_TICKETS, "Content-Length: 5", "Transfer-Encoding: chunked")
                .concat("0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(400, r.status(), r.toString());
    assertEquals("Bad Request", new JsonObject(r.body()).getString("message"), r.body());
    assertTrue(r.closed(), "closed, so that no smuggled request follows");
  }

  @Test
  void anExpectationOtherThanContinueIsA417(TestSandbox s) throws Exception {
    Raw r =
        exchange(
            s,
            head("POST", BTG_TICKETS, "Expect: something", "Content-Length: 0")
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(417, r.status(), r.toString());
  }

  @Test
  void connectIsRefused(TestSandbox s) throws Exception {
    Raw r =
        exchange(
            s,
            "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
    assertTrue(r.status() >= 400 && r.status() < 500, r.toString());
  }

  @Test
  void anOversizedTargetOnABtgPathIsA414InBtgsDialect(TestSandbox s) throws Exception {
    String uri = "/v2/btg-tickets/customers/tickets/info?x=" + "a".repeat(11_000);
    Raw r = exchange(s, head("GET", uri).getBytes(StandardCharsets.US_ASCII));
    assertEquals(414, r.status(), r.toString());
    assertTrue(new JsonObject(r.body()).containsKey("message"), r.body());
  }

  @Test
  void anOversizedHeaderBlockIsA431(TestSandbox s) throws Exception {
    Raw r =
        exchange(
            s,
            head("GET", "/v2/btg-tickets/customers/tickets/info", "X-Big: " + "b".repeat(11_000))
                .getBytes(StandardCharsets.US_ASCII));
    assertEquals(431, r.status(), r.toString());
  }

  @Test
  void aBodyShorterThanItsLengthIsClosedWithinTheReadTimeout(TestSandbox s) throws Exception {
    try (Socket socket = socket(s)) {
      send(socket, head("POST", VOCOM_LOGIN, "Content-Length: 100") + "{\"agent\":");
      long waited = millisUntilClosed(socket, 6_000);
      assertTrue(waited < 4_000, "closed after " + waited + " ms; --read-timeout is 1 s");
    }
  }

  /**
   * The read timeout, not the idle timeout (2 s) that would close the connection too: the journal
   * names it, and a body that is all there at once never arms it.
   */
  @Test
  void aBodyShorterThanItsLengthIsJournaledAsNotReceivedInTime(TestSandbox s) throws Exception {
    try (Socket socket = socket(s)) {
      send(socket, head("POST", VOCOM_LOGIN, "Content-Length: 100") + "{\"agent\":");
      millisUntilClosed(socket, 6_000);
    }
    boolean timedOut =
        journaledWithin(
            s, e -> e.error() != null && e.error().contains("body not received within 1000 ms"));
    assertTrue(timedOut, "the journal shows the read timeout's abort");
  }

  @Test
  void aClientThatAbortsMidBodyIsJournaledAsAborted(TestSandbox s) throws Exception {
    try (Socket socket = socket(s)) {
      send(socket, head("POST", VOCOM_LOGIN, "Content-Length: 100") + "{\"agent\":");
      Thread.sleep(200);
    }
    boolean aborted = journaledWithin(s, e -> e.error() != null && e.error().startsWith("ABORTED"));
    assertTrue(aborted, "the journal shows the aborted exchange");
  }

  /** Whether the journal holds such an exchange within 5 s. */
  private static boolean journaledWithin(TestSandbox s, Predicate<Exchange> which)
      throws InterruptedException {
    for (int attempt = 0; attempt < 50; attempt++) {
      if (!s.server().sandbox().journal().latest(which, 1).isEmpty()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }

  @Test
  void aSlowlorisIsClosedWithinTheIdleTimeout(TestSandbox s) throws Exception {
    try (Socket socket = socket(s)) {
      String head = head("GET", "/v2/btg-tickets/customers/tickets/info", "X-Slow: 1");
      long start = System.nanoTime();
      boolean closed = false;
      for (int k = 0; k < head.length() - 2 && !closed; k++) {
        try {
          socket.getOutputStream().write(head.charAt(k));
          socket.getOutputStream().flush();
          Thread.sleep(250);
          socket.setSoTimeout(1);
          try {
            closed = socket.getInputStream().read() == -1;
          } catch (SocketTimeoutException still) {
            closed = false;
          }
        } catch (IOException reset) {
          closed = true;
        }
      }
      long waited = (System.nanoTime() - start) / 1_000_000;
      assertTrue(closed && waited < 5_000, "closed after " + waited + " ms; --idle-timeout is 2 s");
    }
  }

  private static String head(String method, String uri, String... headers) {
    StringBuilder b = new StringBuilder(method + " " + uri + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    b.append("Authorization: ").append(VocomTestData.SEED_AUTHORIZATION).append("\r\n");
    b.append("Content-Type: application/json\r\n");
    for (String h : headers) {
      b.append(h).append("\r\n");
    }
    return b.append("\r\n").toString();
  }

  private static Socket socket(TestSandbox s) throws IOException {
    Socket socket = new Socket("127.0.0.1", s.port());
    socket.setSoTimeout(5_000);
    return socket;
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    socket.getOutputStream().flush();
  }

  private static long millisUntilClosed(Socket socket, int limit) throws IOException {
    long start = System.nanoTime();
    socket.setSoTimeout(limit);
    try {
      InputStream in = socket.getInputStream();
      while (in.read() != -1) {
        // an answer may come first; the connection must still close
      }
    } catch (SocketTimeoutException e) {
      return limit;
    } catch (IOException reset) {
      // closed by a reset
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Sends the bytes, reads one answer, checks it, and tells whether the server then closed. */
  private Raw exchange(TestSandbox s, byte[] request) throws Exception {
    try (Socket socket = socket(s)) {
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b == -1) {
          throw new AssertionError("closed without an answer: " + head);
        }
        head.write(b);
      }
      String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      Map<String, String> headers = new LinkedHashMap<>();
      for (int k = 1; k < lines.length; k++) {
        int colon = lines[k].indexOf(':');
        headers.put(
            lines[k].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[k].substring(colon + 1).trim());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      boolean closed = millisUntilClosed(socket, 3_000) < 3_000;
      List<String> problems =
          checks.problems(
              status,
              headers.get(AnswerChecks.exchangeIdHeader().toLowerCase(Locale.ROOT)),
              headers.get("content-type"),
              body);
      assertEquals(List.of(), problems, "answer " + status + " " + body);
      return new Raw(status, headers, body, closed);
    }
  }
}
