package dev.integrationsandbox.inspector;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (never a downloaded one: the
 * build reaches no browser download site). {@code evil.example} resolves to this machine, so a test
 * can open a page of a foreign origin that is served locally.
 *
 * <p>Screenshots go to {@code target/inspector-screenshots}, or with {@code
 * -Dinspector.screenshots=docs/inspector} to the ones the README shows.
 */
final class HeadlessChromium implements AutoCloseable {

  static final String DRIVER = "/usr/bin/chromedriver";
  static final String BROWSER = "/usr/bin/chromium";

  private final ChromeDriver driver;
  private final Path screenshots;

  private HeadlessChromium(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.screenshots = screenshots;
  }

  /** Skips the calling test, saying why, where chromium is not installed (.ci/run installs it). */
  static HeadlessChromium start() throws IOException {
    Assumptions.assumeTrue(
        new File(DRIVER).canExecute() && new File(BROWSER).canExecute(),
        "chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,900",
        "--host-resolver-rules=MAP evil.example 127.0.0.1");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    Path dir = Path.of(System.getProperty("inspector.screenshots", "target/inspector-screenshots"));
    Files.createDirectories(dir);
    return new HeadlessChromium(new ChromeDriver(service, options), dir);
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
  }

  /** Waits up to ten seconds for {@code condition} to give something other than null or false. */
  <T> T until(Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .ignoring(StaleElementReferenceException.class)
        .until(condition::apply);
  }

  void screenshot(String name) throws IOException {
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Files.write(screenshots.resolve(name + ".png"), png);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
