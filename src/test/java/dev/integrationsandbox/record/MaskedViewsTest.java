package dev.integrationsandbox.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * With masking on, the personal data that a recording would not hold is not shown through the
 * journal (whole or as the inspector's list) or the request log either: the same fakes, from the
 * same contract marks. Without masking, the same views show the real values, so each assertion can
 * fail.
 */
class MaskedViewsTest {

  static final String PHONE = "999998888";

  static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void theJournalAndTheRequestLogShowMaskedValuesWhenMaskingIsOn() {
    Seen masked = seen("--mask-personal-data");
    assertFalse(masked.journal().contains(BtgTestData.CPF), masked.journal());
    assertFalse(masked.journal().contains(PHONE), masked.journal());
    assertTrue(masked.journal().contains("/customers/"), "the path is shown, masked");
    assertFalse(masked.log().contains(BtgTestData.CPF), masked.log());
    assertEquals(masked.fakePath(), masked.listedPath(), "one fake, in every view");
  }

  @Test
  void withoutMaskingTheViewsShowWhatWasSent() {
    Seen plain = seen();
    assertTrue(plain.journal().contains(BtgTestData.CPF), plain.journal());
    assertTrue(plain.journal().contains(PHONE), plain.journal());
    assertTrue(plain.log().contains(BtgTestData.CPF), plain.log());
  }

  /** What each view showed of a created ticket and of a request outside the contract. */
  record Seen(String journal, String log, String fakePath, String listedPath) {}

  private static Seen seen(String... flags) {
    Logger requests = (Logger) LoggerFactory.getLogger("integration-sandbox.requests");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    requests.addAppender(lines);
    List<String> args = new java.util.ArrayList<>(List.of("--log-requests"));
    args.addAll(List.of(flags));
    TestSandbox sandbox = TestSandbox.start(vertx, args.toArray(String[]::new)).await();
    try {
      BtgApi btg = new BtgApi(sandbox).signedIn();
      btg.openTicket(BtgTestData.CPF);
      btg.createTicket(
          BtgTestData.CPF, BtgTestData.newTicket().put("phoneAreaCode", BtgTestData.CPF));
      JsonObject journal =
          sandbox.client().get("/__sandbox/journal?limit=2").send().await().bodyAsJsonObject();
      String listed =
          sandbox
              .client()
              .get("/__sandbox/journal?limit=1&bodies=false")
              .send()
              .await()
              .bodyAsJsonObject()
              .getJsonArray("exchanges")
              .getJsonObject(0)
              .getString("path");
      return new Seen(
          journal.encode(),
          lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList().toString(),
          journal.getJsonArray("exchanges").getJsonObject(0).getString("path"),
          listed);
    } finally {
      requests.detachAppender(lines);
      sandbox.stop().await();
    }
  }
}
