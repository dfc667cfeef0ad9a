package org.eligo.server.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium, with screenshots
 * under {@code target/screenshots} and an axe-core accessibility check of the current page.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
  static final Path SCREENSHOTS = Path.of("target/screenshots");

  final ChromeDriver driver;
  private final Path profile;

  Browser(int width, int height) {
    try {
      profile = Files.createTempDirectory("eligo-chromium");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--window-size=" + width + "," + height, "--lang=en-GB");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    if (width < 500) {
      // headless Chromium keeps a window at least about 500 px wide whatever --window-size says: a phone's width
      // has to be emulated, or a "390 px" test looks at a 485 px page
      driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
          Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    }
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(90));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
  }

  /** Why browser tests cannot run here, or null when they can. */
  static String unavailable() {
    if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
      return "Chromium or chromedriver is not installed (run .ci/install-deps as root: apt-get install chromium "
          + "chromium-driver); browser tests skipped";
    }
    return null;
  }

  /** Saves a screenshot of the page as {@code target/screenshots/<name>.png}. */
  Path screenshot(String name) {
    Path target = SCREENSHOTS.resolve(name + ".png");
    try {
      Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** Copies a saved screenshot to the repository's docs/screenshots. */
  static void publish(Path screenshot, String name) {
    Path docs = Path.of("..", "docs", "screenshots");
    try {
      Files.createDirectories(docs);
      Files.copy(screenshot, docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serious and critical axe-core violations of the current page ("id: help (n nodes)"); empty when clean. */
  @SuppressWarnings("unchecked")
  List<String> seriousViolations() {
    String axe;
    try {
      axe = Files.readString(AXE, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.executeScript(axe);
    Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        + ".then(function(r) { done(r.violations.map(function(v) { return {id: v.id, impact: v.impact,"
        + " help: v.help, nodes: v.nodes.length, target: v.nodes.length ? String(v.nodes[0].target) : ''}; })); })"
        + ".catch(function(e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: 0}]); });");
    return ((List<Map<String, Object>>) result).stream()
        .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
        .map(v -> v.get("id") + ": " + v.get("help") + " (" + v.get("nodes") + " nodes, e.g. " + v.get("target") + ")")
        .toList();
  }

  @Override
  public void close() {
    driver.quit();
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // temporary profile; the OS cleans it up
    }
  }
}
