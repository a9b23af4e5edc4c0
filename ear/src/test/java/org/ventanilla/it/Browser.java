package org.ventanilla.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven by its chromedriver: headless, no sandbox (CI runs as root), a fresh
 * profile, no background networking (this machine has no internet). Binary and driver are given
 * explicitly so Selenium Manager never tries to download anything.
 */
public final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static Browser current;
  private static byte[] lastPage;

  public final WebDriver driver;
  public final WebDriverWait wait;
  private final Path profile;
  // A second browser (another user) inside a test: failures after it closes show the first again.
  private final Browser previous;

  private Browser(String language, Browser previous) throws IOException {
    this.previous = previous;
    profile = Files.createTempDirectory("ventanilla-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1366,900",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /** Starts a browser, or skips the test on a machine without Debian's chromium (CI has it). */
  public static Browser open(String language) throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "chromium and chromium-driver are not installed (.ci/run installs them)");
    lastPage = null;
    current = new Browser(language, current);
    return current;
  }

  public void signIn(String username, String password) {
    signIn(Api.baseUrl(), username, password);
  }

  /** Signs in on the server (or balancer) at {@code baseUrl}. */
  public void signIn(String baseUrl, String username, String password) {
    driver.get(baseUrl);
    driver.findElement(By.id("j_username")).sendKeys(username);
    driver.findElement(By.id("j_password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
  }

  /**
   * Opens the agent's menu in the header (profile, canned replies, reports, admin pages, language,
   * sign out) unless it is open already, and answers the element with that id inside it.
   */
  public org.openqa.selenium.WebElement inAgentMenu(String id) {
    org.openqa.selenium.WebElement menu =
        wait.until(
            org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("details.agent-menu")));
    if (menu.getAttribute("open") == null) {
      driver.findElement(By.id("agent-menu")).click();
    }
    return wait.until(
        org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  /**
   * Grants the notification permission to the site at {@code baseUrl}, as the agent's "Allow"
   * would: Chrome itself then answers {@code Notification.permission === 'granted'}.
   */
  public void grantNotifications(String baseUrl) {
    java.net.URI uri = java.net.URI.create(baseUrl);
    String origin = uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Browser.grantPermissions",
            java.util.Map.of("origin", origin, "permissions", java.util.List.of("notifications")));
  }

  /** Runs this script in every page before the page's own scripts (CDP). */
  public void beforeEveryPage(String script) {
    ((ChromeDriver) driver)
        .executeCdpCommand(
            "Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source", script));
  }

  /** Picks an option of a PrimeFaces select menu the way a user does: open it, click the label. */
  public void choose(String id, String label) {
    By option = By.xpath("//div[@id='" + id + "_panel']//li[normalize-space()='" + label + "']");
    wait.until(
        driver -> {
          try {
            if (!driver.findElement(By.id(id + "_panel")).isDisplayed()) {
              driver.findElement(By.id(id)).click();
            } else {
              driver.findElement(option).click();
            }
          } catch (org.openqa.selenium.WebDriverException stillAnimating) {
            return false;
          }
          return driver.findElement(By.id(id + "_label")).getText().equals(label);
        });
  }

  /** Keeps a picture of the page, to look at how it renders (target/screenshots/NAME.png). */
  public void screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".png"), png());
  }

  /** Keeps a screenshot of the page a failed browser test was looking at. */
  public static final class ScreenshotOnFailure implements TestWatcher {
    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
      try {
        byte[] png = current != null ? current.png() : lastPage;
        if (png == null) {
          return;
        }
        Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file =
            dir.resolve(
                context.getRequiredTestClass().getSimpleName()
                    + "-"
                    + context.getRequiredTestMethod().getName()
                    + ".png");
        Files.write(file, png);
        System.err.println("Screenshot of the failed browser test: " + file);
      } catch (IOException | RuntimeException e) {
        System.err.println("No screenshot: " + e);
      }
    }
  }

  private byte[] png() {
    return ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
  }

  @Override
  public void close() throws IOException {
    try {
      // try-with-resources closes the browser before the watcher hears of a failure.
      lastPage = png();
    } catch (RuntimeException e) {
      lastPage = null;
    }
    try {
      driver.quit();
    } finally {
      current = previous;
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
