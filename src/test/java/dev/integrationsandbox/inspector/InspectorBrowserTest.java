package dev.integrationsandbox.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.integrationsandbox.SandboxExtension;
import dev.integrationsandbox.TestSandbox;
import dev.integrationsandbox.btg.BtgApi;
import dev.integrationsandbox.btg.BtgTestData;
import dev.integrationsandbox.exchange.Exchange;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The inspector in a real headless Chromium: what a developer sees after a flow, and what the
 * page's buttons do to the sandbox, checked over HTTP. Each view is photographed for the README.
 */
@Timeout(120)
class InspectorBrowserTest {

  @RegisterExtension static final SandboxExtension extension = new SandboxExtension();

  private static HeadlessChromium browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = HeadlessChromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  private static String ui(TestSandbox sandbox, String route) {
    return "http://localhost:" + sandbox.port() + "/__sandbox/ui/" + route;
  }

  private static Exchange newest(TestSandbox sandbox, String operation) {
    return sandbox
        .server()
        .sandbox()
        .journal()
        .latest(e -> operation.equals(e.operationId()), 1)
        .get(0);
  }

  @Test
  void theLiveListShowsAFlowAndTheDetailMarksTheViolationAtItsPointer(TestSandbox sandbox)
      throws Exception {
    browser.open(ui(sandbox, "#/traffic"));
    browser.until(d -> d.findElement(By.id("feed-info")).getText().startsWith("live"));
    BtgApi btg = new BtgApi(sandbox).signedIn();
    btg.openTicket(BtgTestData.CPF);
    JsonObject wrongType = BtgTestData.newTicket().put("phoneAreaCode", 11);
    assertEquals(400, btg.createTicket(BtgTestData.CPF, wrongType).statusCode());
    Exchange broken = newest(sandbox, "createTicket");
    assertFalse(broken.violations().isEmpty());

    WebElement row = browser.find("tr[data-id='" + broken.id() + "']");
    assertTrue(row.getText().contains("createTicket"), row.getText());
    assertTrue(row.getText().contains("400"), row.getText());
    assertTrue(row.getText().contains("violation"), row.getText());
    List<WebElement> rows = browser.driver().findElements(By.cssSelector("#traffic-rows tr"));
    assertEquals(broken.id(), rows.get(0).getAttribute("data-id"), "newest first");
    assertTrue(rows.size() >= 3, "token, open ticket and the broken one: " + rows.size());
    browser.screenshot("traffic");

    row.click();
    WebElement marked = browser.find("#request pre .violated");
    assertEquals("/phoneAreaCode", marked.getAttribute("data-pointer"));
    assertEquals("11", marked.getText());
    assertTrue(browser.find("#violations").getText().contains("body/phoneAreaCode"));
    String curl = browser.find("#curl").getText();
    assertTrue(curl.contains("authorization: ***"), curl);
    assertFalse(curl.contains(btg.token()), "the bearer token stays masked");
    assertTrue(browser.driver().getCurrentUrl().endsWith("#/exchange/" + broken.id()));
    browser.driver().executeScript("arguments[0].scrollIntoView({block:'center'})", marked);
    browser.screenshot("exchange");
  }

  @Test
  void freezingAndAdvancingTheClockFromThePageMovesTheWorldsClock(TestSandbox sandbox)
      throws Exception {
    browser.open(ui(sandbox, "#/worlds/default"));
    browser.find("#freeze").click();
    browser.until(d -> d.findElement(By.id("clock-frozen")).getText().equals("frozen"));
    JsonObject frozen = clock(sandbox);
    assertTrue(frozen.getBoolean("frozen"));
    browser.find("#advance-by").clear();
    browser.find("#advance-by").sendKeys("PT2H");
    browser.find("#advance").click();
    Instant expected = Instant.parse(frozen.getString("now")).plus(Duration.ofHours(2));
    browser.until(d -> Instant.parse(d.findElement(By.id("clock-now")).getText()).equals(expected));
    assertEquals(expected, Instant.parse(clock(sandbox).getString("now")));
    browser.screenshot("world");
  }

  @Test
  void aFaultArmedFromThePageAnswersTheNextCall(TestSandbox sandbox) throws Exception {
    BtgApi btg = new BtgApi(sandbox).signedIn();
    assertEquals(200, btg.info().statusCode());
    browser.open(ui(sandbox, "#/worlds/default"));
    new Select(browser.find("#fault-vendor")).selectByValue("btg");
    new Select(browser.find("#fault-preset")).selectByValue("throttled");
    browser.find("#fault-operation").sendKeys("getTicketsInfo");
    browser.find("#arm").click();
    WebElement armed = browser.find("#faults tr[data-fault]");
    assertTrue(armed.getText().contains("throttled"), armed.getText());

    assertEquals(429, btg.info().statusCode());
    assertEquals(200, btg.info().statusCode(), "armed for one call");
    sandbox.client().delete("/__sandbox/faults").send().await();
  }

  @Test
  void theCoverageTableListsEveryOperation(TestSandbox sandbox) throws Exception {
    new BtgApi(sandbox).signedIn().info();
    browser.open(ui(sandbox, "#/coverage"));
    WebElement info = browser.find("tr[data-operation='btg.getTicketsInfo']");
    assertTrue(info.getText().contains("200"), info.getText());
    browser.find("tr[data-operation='btg.createTicket']");
    browser.screenshot("coverage");
    new BtgApi(sandbox).signedIn().createTicket(BtgTestData.CPF, new JsonObject());
    browser.open(ui(sandbox, "#/violations"));
    assertTrue(browser.find("#violation-tally").getText().contains("createTicket"));
    browser.screenshot("violations");
  }

  /**
   * The same script, loaded from a loopback origin and from a foreign one: the first moves the
   * clock (so the browser does send the request), the second does not.
   */
  @Test
  void aPageOfAForeignOriginCannotChangeState(TestSandbox sandbox) throws Exception {
    sandbox.clock(new JsonObject().put("freeze", true));
    Vertx vertx = sandbox.vertx();
    String target = "http://localhost:" + sandbox.port() + "/__sandbox/clock";
    String page =
        "<!doctype html><script>fetch('"
            + target
            + "',{method:'POST',mode:'no-cors',body:'{\"advance\":\"PT1H\"}'})"
            + ".finally(()=>document.title='sent')</script>";
    HttpServer attacker =
        vertx
            .createHttpServer()
            .requestHandler(r -> r.response().putHeader("Content-Type", "text/html").end(page))
            .listen(0)
            .await();
    try {
      String before = clock(sandbox).getString("now");
      browser.open("http://evil.example:" + attacker.actualPort() + "/");
      browser.until(d -> "sent".equals(d.getTitle()));
      assertEquals(before, clock(sandbox).getString("now"), "a foreign page moved the clock");

      browser.open("http://evil.example:" + sandbox.port() + "/__sandbox/ui/#/worlds/default");
      assertTrue(browser.driver().getPageSource().contains("not a loopback name"));
      assertTrue(browser.driver().findElements(By.id("freeze")).isEmpty());

      browser.open("http://localhost:" + attacker.actualPort() + "/");
      browser.until(d -> "sent".equals(d.getTitle()));
      assertNotEquals(before, clock(sandbox).getString("now"), "the control request was not sent");
    } finally {
      attacker.close().await();
    }
  }

  private static JsonObject clock(TestSandbox sandbox) {
    return sandbox.client().get("/__sandbox/clock").send().await().bodyAsJsonObject();
  }
}
