package org.eligo.server.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eligo.server.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

/**
 * A patient's journey in real headless Chromium: search, the trial page with every section, the eligibility check
 * (ineligible for a stated reason; needs more information), and the interest form. Every page visited is
 * screenshotted and checked with axe-core for serious or critical accessibility violations.
 */
class PatientJourneyBrowserTest {
  private static Browser browser;
  private static String base;

  @BeforeAll
  static void start() {
    String why = Browser.unavailable();
    if (why != null) System.out.println("SKIPPED: " + why);
    Assumptions.assumeTrue(why == null, why);
    base = TestServers.base();
    browser = new Browser(1280, 1600);
  }

  @AfterAll
  static void stop() {
    if (browser != null) browser.close();
  }

  private void visited(String name) {
    browser.screenshot(name);
    assertThat(browser.driver.getPageSource().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .as("page weight of " + name).isLessThan(300 * 1024);
    if (Files.exists(Browser.AXE)) {
      List<String> violations = browser.seriousViolations();
      assertThat(violations).as("axe-core serious/critical violations on " + name).isEmpty();
    } else {
      System.out.println("axe-core not installed (run .ci/install-deps); accessibility check skipped on " + name);
    }
  }

  private WebElement find(String css) {
    return browser.driver.findElement(By.cssSelector(css));
  }

  /**
   * Clicks a control that loads a new page and waits until the new page has loaded. The old page is recognised by a
   * marker set on its window object, which a navigation discards; asking the old element whether it went stale is not
   * reliable, as Chromium may answer for a node mid-teardown with an "unknown error" instead of a stale reference.
   */
  private void submit(WebElement control) {
    submit(browser, control);
  }

  private static void submit(Browser on, WebElement control) {
    var d = on.driver;
    d.executeScript("window.__eligoOldPage = true;");
    control.click();
    new WebDriverWait(d, Duration.ofSeconds(60)).ignoring(WebDriverException.class).until(driver ->
        Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
            "return window.__eligoOldPage !== true && document.readyState === 'complete';")));
  }

  private String text() {
    return browser.driver.findElement(By.tagName("main")).getText();
  }

  @Test
  void searchTrialPageEligibilityAndInterest() {
    var d = browser.driver;
    d.get(base + "/");
    visited("01-home");
    find("#q").sendKeys("rapamycin red cell aplasia");
    submit(find("form[role=search] button[type=submit]"));
    visited("02-search-open-trials");
    if (d.findElements(By.linkText("Show them too")).size() > 0) {
      submit(d.findElement(By.linkText("Show them too")));
      visited("03-search-any-status");
    }
    List<String> top = d.findElements(By.cssSelector("ol.cards > li h2 a")).stream().limit(3)
        .map(a -> a.getAttribute("href")).toList();
    assertThat(top).anyMatch(h -> h.endsWith("/trials/NCT03364764"));
    submit(d.findElement(By.cssSelector("ol.cards a[href$='/trials/NCT03364764']")));

    assertThat(d.getTitle()).contains("Sirolimus Treatment for Refractory PRCA");
    for (String section : List.of("facts", "summary", "conditions", "design", "arms", "outcomes", "eligibility",
        "locations", "results", "related", "identifiers", "more")) {
      assertThat(d.findElements(By.id(section))).as("section " + section).hasSize(1);
    }
    String page = text();
    assertThat(page).contains("Refractory pure red cell aplasia.").contains("Eligo reads this as:")
        .contains("To confirm at screening").contains("Peking Union Medical College Hospital")
        .contains("PRCA-1").contains("8/12").contains("95% CI");
    assertThat(d.findElements(By.cssSelector("#results ~ figure svg, section[aria-labelledby=results] svg")))
        .isNotEmpty();
    visited("04-trial-page");
    Path trialShot = browser.screenshot("04-trial-page-top");
    Browser.publish(trialShot, "trial-page.png");

    submit(d.findElement(By.cssSelector(".actions a[href$='/check']")));
    assertThat(text()).contains("How old are you?");
    visited("05-check-first-question");
    find("#answer").sendKeys("85");
    submit(find("fieldset.step button[type=submit]:not([name])"));
    String ineligible = find("section.verdict").getText();
    assertThat(ineligible).contains("You are probably not eligible").contains("18").contains("80");
    visited("06-check-ineligible");
    Browser.publish(browser.screenshot("06-check-ineligible"), "eligibility-result.png");

    submit(find("button[name=restart]"));
    int guard = 0;
    while (!d.findElements(By.cssSelector("fieldset.step")).isEmpty() && guard++ < 40) {
      List<WebElement> dontKnow = d.findElements(By.cssSelector("fieldset.step button[value=unknown]"));
      if (!dontKnow.isEmpty()) {
        submit(dontKnow.get(0));
      } else {
        find("fieldset.step input[value=unknown]").click();
        submit(find("fieldset.step button[type=submit]"));
      }
    }
    assertThat(d.findElements(By.cssSelector("fieldset.step"))).isEmpty();
    assertThat(find("section.verdict").getText()).contains("More information needed");
    visited("07-check-needs-info");

    // NCT03364764 is completed: it takes no interest forms, and the result says so instead of offering one
    assertThat(d.findElements(By.cssSelector("section.verdict form button[type=submit]"))).isEmpty();
    d.get(base + "/trials/NCT03364764/interest");
    assertThat(text()).contains("not taking new participants");
    // an open trial's team does
    d.get(base + "/trials/NCT06802055/interest");
    assertThat(d.getCurrentUrl()).endsWith("/trials/NCT06802055/interest");
    visited("08-interest-form");
    find("#name").sendKeys("Test Person");
    find("#email").sendKeys("test@example.org");
    find("#consentContact").click();
    find("#consentShare").click();
    submit(find("main form button[type=submit]"));
    assertThat(text()).as("the page after sending").contains("Your interest has been sent", "reference number");
    assertThat(find("#reference").getText()).as("a reference number is shown").isNotBlank();
    assertThat(find("#withdrawal-code").getText()).isNotBlank();
    visited("09-interest-sent");
  }

  @Test
  void checkAcrossOpenTrialsAndApiDocs() {
    var d = browser.driver;
    d.get(base + "/check");
    assertThat(text()).contains("How old are you?").contains("trials checked");
    visited("10-check-all-open-trials");
    find("#answer").sendKeys("40");
    submit(find("fieldset.step button[type=submit]:not([name])"));
    assertThat(text()).contains("Your answers");
    visited("11-check-all-after-age");
    d.get(base + "/api/docs");
    assertThat(text()).contains("POST /api/v1/match");
    visited("12-api-docs");
  }

  @Test
  void phoneSizedScreenShowsTheTrialPage() {
    try (Browser phone = new Browser(390, 844)) {
      phone.driver.get(base + "/trials/NCT03364764");
      Long scrollWidth = (Long) phone.driver.executeScript("return document.documentElement.scrollWidth");
      Long clientWidth = (Long) phone.driver.executeScript("return document.documentElement.clientWidth");
      assertThat(scrollWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(clientWidth + 1);
      // nor anything cut off at the right edge (a long link in "More information" ran past it)
      Object past = phone.driver.executeScript("""
          const w = document.documentElement.clientWidth;
          return [...document.querySelectorAll('main *')]
            .filter(e => !e.closest('.tablewrap, pre') && e.getBoundingClientRect().right > w + 1)
            .map(e => e.tagName + ' ' + (e.textContent || '').trim().slice(0, 60));""");
      assertThat((java.util.List<?>) past).as("elements running past the right edge").isEmpty();
      phone.screenshot("13-phone-trial-page");
    }
  }

  @Test
  void onAPhoneTheResultsComeBeforeTheFiltersAndALinkLeadsToThem() {
    // the filters (status, phase, conditions, drugs...) stacked above the results put the count and the first trial
    // about 1,500 px down a 844 px phone screen: a search seemed to answer nothing
    try (Browser phone = new Browser(390, 844)) {
      var d = phone.driver;
      for (String path : List.of("/search?q=anemia", "/search?q=sirolimus&status=any", "/search?status=any",
          "/search?q=zqxv&near=Beijing")) {
        d.get(base + path);
        Number count = (Number) d.executeScript(
            "return document.querySelector('p[role=status]').getBoundingClientRect().bottom");
        assertThat(count.doubleValue()).as("the result count on the first screen of " + path).isLessThan(844);
        List<WebElement> cards = d.findElements(By.cssSelector("ol.cards > li"));
        if (!cards.isEmpty()) {
          assertThat(cards.get(0).getRect().getY()).as("the first trial on the first screen of " + path)
              .isLessThan(844);
        }
        WebElement toFilters = d.findElement(By.cssSelector("a[href='#filters']"));
        assertThat(toFilters.isDisplayed()).as("a link to the filters on " + path).isTrue();
        toFilters.click();
        Number filtersTop = (Number) d.executeScript(
            "return document.getElementById('filters').getBoundingClientRect().top");
        assertThat(filtersTop.doubleValue()).as("the link scrolls to the filters on " + path).isBetween(-1.0, 844.0);
      }
      phone.screenshot("15-phone-search-results-first");
    }
    // on a wide screen the filters stay beside the results, on the left, and need no link
    browser.driver.get(base + "/search?q=anemia");
    WebElement aside = browser.driver.findElement(By.id("filters"));
    WebElement results = browser.driver.findElement(By.cssSelector("section[aria-labelledby=results-heading]"));
    assertThat(aside.getRect().getX() + aside.getRect().getWidth()).isLessThanOrEqualTo(results.getRect().getX());
    assertThat(aside.getRect().getY()).isLessThan(results.getRect().getY() + 50);
    assertThat(browser.driver.findElement(By.cssSelector("a[href='#filters']")).isDisplayed()).isFalse();
  }

  @Test
  void theNarrowestPhoneWrapsLongTitleWordsAndStylesEveryField() {
    // 320 CSS px is the width WCAG 1.4.10 (reflow) asks for: "Refractory/Intolerant" and "Immunosuppressive" in the
    // seed trials' titles were wider than the heading and pushed the page sideways
    try (Browser phone = new Browser(320, 700)) {
      var d = phone.driver;
      for (String path : List.of("/trials/NCT06802055", "/trials/NCT02979873", "/trials/NCT06802055/check",
          "/trials/NCT06802055/interest", "/staff/login", "/", "/search?q=sirolimus&status=any", "/search?q=zqxv",
          "/search?q=sirolimus&phase=PHASE1&status=any", "/check", "/trials/NCT09999999")) {
        d.get(base + path);
        Long scrollWidth = (Long) d.executeScript("return document.documentElement.scrollWidth");
        Long clientWidth = (Long) d.executeScript("return document.documentElement.clientWidth");
        assertThat(clientWidth).as("the window is as narrow as asked").isLessThanOrEqualTo(320);
        assertThat(scrollWidth).as("no sideways scrolling at 320 px on " + path).isLessThanOrEqualTo(clientWidth + 1);
      }
      // the phone and password fields had the browser's thin default border beside the styled e-mail field
      String border = "return getComputedStyle(document.getElementById(arguments[0])).borderTopWidth";
      d.get(base + "/trials/NCT06802055/interest");
      assertThat(d.executeScript(border, "phone")).isEqualTo(d.executeScript(border, "email"));
      d.get(base + "/staff/login");
      assertThat(d.executeScript(border, "password")).isEqualTo(d.executeScript(border, "email"));
    }
  }

  @Test
  void phoneSizedScreenShowsACheckWithItsLongQuestionsAnswered() {
    try (Browser phone = new Browser(390, 844)) {
      var d = phone.driver;
      d.get(base + "/trials/NCT06802055/check");
      int guard = 0;
      while (!d.findElements(By.cssSelector("fieldset.step")).isEmpty() && guard++ < 40) {
        List<WebElement> dontKnow = d.findElements(By.cssSelector("fieldset.step button[value=unknown]"));
        if (!dontKnow.isEmpty()) {
          submit(phone, dontKnow.get(0));
        } else {
          d.findElement(By.cssSelector("fieldset.step input[value=unknown]")).click();
          submit(phone, d.findElement(By.cssSelector("fieldset.step button[type=submit]")));
        }
      }
      // "Your answers" lists every question beside its answer; the long ones must wrap, not widen the page
      assertThat(d.findElements(By.cssSelector(".facts dt"))).hasSizeGreaterThan(3);
      Long scrollWidth = (Long) d.executeScript("return document.documentElement.scrollWidth");
      Long clientWidth = (Long) d.executeScript("return document.documentElement.clientWidth");
      assertThat(scrollWidth).as("no sideways scrolling on a phone").isLessThanOrEqualTo(clientWidth + 1);
      phone.screenshot("14-phone-check-answers");
    }
  }
}
