package dev.integrationsandbox.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.RemoteAddress;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The inspector's replay and recording views in a real headless Chromium, on a sandbox replaying a
 * recording of BTG's flow: what was served and what never was, a near miss side by side with its
 * closest recorded request, the recording files and their fidelity diff; and the page opened from
 * another machine with the token in the address.
 */
@Timeout(120)
class ReplayViewsBrowserTest {

  static final String TOKEN = "replay-views-token";

  private static HeadlessChromium browser;
  private static Vertx vertx;
  private static TestSandbox sandbox;
  private static Path recording;
  private static String address;

  @BeforeAll
  static void start() throws Exception {
    browser = HeadlessChromium.start();
    address = RemoteAddress.ofThisMachine();
    recording = BtgRecording.record();
    vertx = Vertx.vertx();
    sandbox =
        TestSandbox.start(
                vertx,
                "--mode",
                "btg=replay",
                "--replay-from",
                recording.toString(),
                "--host",
                "0.0.0.0",
                "--admin-token",
                TOKEN,
                "--admin-host",
                address == null ? "localhost" : address)
            .await();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  private static String ui(String route) {
    return "http://localhost:" + sandbox.port() + "/__sandbox/ui/" + route;
  }

  @Test
  void aNearMissShowsTheChangedFieldBesideItsRecordedValue() throws Exception {
    BtgApi btg = new BtgApi(sandbox).signedIn();
    assertEquals(200, btg.info().statusCode());
    var changed = BtgTestData.newTicket().put("phoneAreaCode", "21");
    assertEquals(404, btg.createTicket(BtgTestData.CPF, changed).statusCode());
    Exchange miss =
        sandbox
            .server()
            .sandbox()
            .journal()
            .latest(e -> e.status() == 404 && "btg".equals(e.vendor()), 1)
            .get(0);

    browser.open(ui("#/replay"));
    WebElement row = browser.find("tr[data-miss='" + miss.id() + "']");
    assertTrue(row.getText().contains(": body /phoneAreaCode"), row.getText());
    List<String> served = ids("#served-btg li");
    List<String> never = ids("#never-btg li");
    List<String> recorded =
        BtgRecording.lines(recording).stream().map(l -> l.getString("id")).toList();
    assertEquals(recorded.subList(0, 2), served, "the token and the info were served");
    assertEquals(recorded.subList(2, 5), never, "the create and both closes never were");
    assertTrue(
        browser.find("[data-replay-vendor='btg'] h3").getText().contains("2 of 5"),
        browser.find("[data-replay-vendor='btg'] h3").getText());
    browser.screenshot("replay");

    row.click();
    WebElement recordedSide = browser.find(".candidate .recorded pre .changed");
    assertEquals("/body/phoneAreaCode", recordedSide.getAttribute("data-pointer"));
    assertEquals("\"11\"", recordedSide.getText());
    WebElement sentSide = browser.find(".candidate .sent pre .changed");
    assertEquals("/body/phoneAreaCode", sentSide.getAttribute("data-pointer"));
    assertEquals("\"21\"", sentSide.getText());
    assertEquals(
        recorded.get(2),
        browser.find(".candidate").getAttribute("data-candidate"),
        "the recorded create is the closest");
    assertTrue(browser.driver().getCurrentUrl().endsWith("#/miss/" + miss.id()));
    browser.screenshot("near-miss");
  }

  private static List<String> ids(String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream()
        .map(li -> li.getAttribute("data-recorded"))
        .toList();
  }

  @Test
  void theRecordingsViewListsTheFileAndRunsItsFidelityDiff() throws Exception {
    browser.open(ui("#/recordings"));
    WebElement row = browser.find("#recordings tr[data-file]");
    String text = row.getText();
    assertTrue(text.contains(BtgRecording.file(recording).getFileName().toString()), text);
    assertTrue(text.contains("replay"), text);
    assertTrue(row.findElements(By.tagName("td")).get(3).getText().equals("5"), text);
    browser.screenshot("recordings");

    row.findElement(By.cssSelector("button.diff")).click();
    WebElement info = browser.find("#fidelity tr[data-operation='btg.getTicketsInfo']");
    assertTrue(info.getText().endsWith("100%"), info.getText());
    assertTrue(
        browser.find("main h2").getText().startsWith("Fidelity: 5 exchanges, 0 differences"),
        browser.find("main h2").getText());
    assertTrue(browser.driver().getCurrentUrl().endsWith("#/fidelity"));
    browser.screenshot("fidelity");
  }

  /**
   * A browser on another machine cannot send the token header: without the token it gets 401; the
   * address with {@code ?token=} leaves it with a cookie and an address without the token, and the
   * page's buttons then work from that origin.
   */
  @Test
  void aRemoteBrowserOpensThePageWithTheTokenInTheAddressOnce() {
    Assumptions.assumeTrue(address != null, "no non-loopback address to browse from");
    String remote = "http://" + address + ":" + sandbox.port() + "/__sandbox/ui/";
    browser.open(remote + "#/worlds/default");
    assertTrue(browser.driver().getPageSource().contains("admin token"));
    assertTrue(browser.driver().findElements(By.id("freeze")).isEmpty());

    browser.open(remote + "?token=" + TOKEN + "#/worlds/default");
    browser.find("#freeze").click();
    browser.until(d -> d.findElement(By.id("clock-frozen")).getText().equals("frozen"));
    assertTrue(
        sandbox
            .client()
            .get("/__sandbox/clock")
            .send()
            .await()
            .bodyAsJsonObject()
            .getBoolean("frozen"));
    String url = browser.driver().getCurrentUrl();
    assertFalse(url.contains(TOKEN), url);
    assertEquals(remote + "#/worlds/default", url);
    assertTrue(browser.find("#vendors").getText().contains("btg: replay"));
    sandbox.clock(new io.vertx.core.json.JsonObject().put("freeze", false));
  }
}
