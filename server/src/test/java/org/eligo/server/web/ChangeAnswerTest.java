package org.eligo.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.eligo.server.TestServers;
import org.junit.jupiter.api.Test;

/**
 * "Change" on an answered question asks that question at once, with the earlier answer filled in; and the check page
 * reads in order.
 */
class ChangeAnswerTest {

  private static String post(String path, String form) {
    var r = TestServers.post(path, "application/x-www-form-urlencoded", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return r.body();
  }

  @Test
  void changingTheAgeShowsTheAgeGivenBefore() {
    String page = post("/check", "a.age=54&change=age");
    assertThat(page).containsPattern("<input type=\"number\" id=\"answer\" name=\"a.age\"[^>]* value=\"54\"");
  }

  @Test
  void changingAMeasurementShowsTheValueAndTheUnitGivenBefore() {
    String page = post("/trials/NCT06802055/check", "a.age=54&a.m.hemoglobin=8.5&a.unit.m.hemoglobin=g%2FdL"
        + "&change=m.hemoglobin");
    assertThat(page).containsPattern("name=\"a.m.hemoglobin\"[^>]* value=\"8.5\"")
        .contains("<option value=\"g/dL\" selected>");
  }

  @Test
  void changingAChoiceAsksItAgainAtOnceWithTheEarlierChoiceMarked() {
    String page = post("/check", "a.age=54&a.sex=male&change=sex");
    assertThat(page).contains("name=\"a.sex\" value=\"male\" checked>")
        .doesNotContain("name=\"a.sex\" value=\"female\" autofocus required checked");
  }

  @Test
  void aMeasurementNoPersonCanHaveIsAskedAgainWithTheValueAndUnitTyped() {
    // correcting only the number must keep the unit chosen, not fall back to the first one
    String page = post("/trials/NCT06802055/check", "a.age=54&a.m.hemoglobin=500&a.unit.m.hemoglobin=mmol%2FL");
    assertThat(page).contains("mmol/L").containsPattern("name=\"a.m.hemoglobin\"[^>]* value=\"500\"")
        .contains("<option value=\"mmol/L\" selected>");
  }

  @Test
  void aQuestionAskedAgainKeepsItsNumber() {
    assertThat(post("/check", "a.age=54&a.sex=male&change=age")).contains("Question 1 of");
  }

  @Test
  void theNarrowingSearchComesAfterThePagesHeading() {
    String page = TestServers.get("/check").body();
    assertThat(page.indexOf("<h1")).isLessThan(page.indexOf("id=\"narrow\""));
  }
}
