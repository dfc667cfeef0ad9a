package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.doses;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * DECISIONS 97: a course given as doses one at a time (MedicationAdministration: eculizumab every 2 weeks,
 * ravulizumab every 8 weeks, romiplostim weekly, rituximab every 6 months) is read as a course, not as one-day courses
 * with gaps, under every timing a criterion asks: now, for at least N, on it now for N, within a window, a washout. As
 * of 2026-06-01.
 */
class PeriodicDosesVerdictsTest {

  private static Facts one(String drug, String day) {
    return adult().administeredUnits(drug, day, null, coded(drug));
  }

  /** Eculizumab every 2 weeks since January, the last dose 4 days ago: on it now. */
  @Test
  void aDrugGivenEveryFewWeeksIsCurrentUntilTheNextDoseIsOverdue() {
    List<String[]> sentences = List.of(
        new String[] {"Currently receiving eculizumab", "eculizumab", "2026-01-09", "2026-05-28", "14"},
        new String[] {"Current treatment with ravulizumab", "ravulizumab", "2025-09-15", "2026-05-20", "56"},
        new String[] {"Patients currently on romiplostim", "romiplostim", "2026-02-02", "2026-05-25", "7"},
        new String[] {"Current use of a C5 inhibitor", "eculizumab", "2025-11-01", "2026-05-23", "14"},
        new String[] {"Ongoing IVIG therapy", "ivig", "2025-10-06", "2026-05-20", "28"});
    for (String[] c : sentences) {
      Facts periodic = doses(adult(), c[1], c[2], c[3], Integer.parseInt(c[4]));
      assertThat(inclusion(c[0], periodic)).as(c[0]).isEqualTo(Truth.MET);
      assertThat(exclusion(c[0], periodic)).as(c[0]).isEqualTo(Truth.MET);
      // stopped: the last dose long past its next one
      Facts stopped = doses(adult(), c[1], "2024-01-01", "2024-09-30", Integer.parseInt(c[4]));
      assertThat(inclusion(c[0], stopped)).as(c[0]).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(c[0], stopped)).as(c[0]).isEqualTo(Truth.NOT_MET);
    }
  }

  /** One dose 10 days ago, no interval: the patient may be on it (asked), never cleared or failed. */
  @Test
  void aSingleRecentDoseIsAskedNotRuledOut() {
    for (String sentence : List.of("Currently receiving eculizumab", "Current use of a C5 inhibitor",
        "Concurrent treatment with eculizumab")) {
      Facts recent = one("eculizumab", "2026-05-22");
      assertThat(inclusion(sentence, recent)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, recent)).as(sentence).isEqualTo(Truth.UNKNOWN);
      Facts longAgo = one("eculizumab", "2025-06-02");
      assertThat(inclusion(sentence, longAgo)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, longAgo)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  /** A dose now overdue by more than a missed dose: asked between the two, NOT_MET after. */
  @Test
  void aCourseWhoseNextDoseIsOverdueIsAskedThenEnded() {
    String sentence = "Currently receiving eculizumab";
    // every 2 weeks, last dose (May 11) 21 days ago: overdue, but one missing record explains it
    Facts overdue = doses(adult(), "eculizumab", "2026-01-05", "2026-05-11", 14);
    assertThat(inclusion(sentence, overdue)).isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, overdue)).isEqualTo(Truth.UNKNOWN);
    // last dose (April 13) 7 weeks ago: two doses missed
    Facts ended = doses(adult(), "eculizumab", "2026-01-05", "2026-04-20", 14);
    assertThat(inclusion(sentence, ended)).isEqualTo(Truth.NOT_MET);
  }

  /** Fortnightly infusions January to August 2025: a course of about 8 months, ended. */
  @Test
  void aCourseOfPeriodicDosesLastsFromTheFirstDoseToTheLastDoseAndItsInterval() {
    for (String sentence : List.of("Prior treatment with eculizumab for at least 6 months",
        "Received eculizumab for ≥ 6 months", "History of eculizumab therapy for a minimum of 6 months")) {
      Facts eightMonths = doses(adult(), "eculizumab", "2025-01-06", "2025-08-25", 14);
      assertThat(inclusion(sentence, eightMonths)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, eightMonths)).as(sentence).isEqualTo(Truth.MET);
      Facts threeMonths = doses(adult(), "eculizumab", "2025-01-06", "2025-03-31", 14);
      assertThat(inclusion(sentence, threeMonths)).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, threeMonths)).as(sentence).isEqualTo(Truth.NOT_MET);
      // two courses a year apart are not one course of two years
      Facts twoShort = doses(doses(adult(), "eculizumab", "2024-01-08", "2024-03-04", 14), "eculizumab",
          "2025-01-06", "2025-03-03", 14);
      assertThat(inclusion(sentence, twoShort)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("Treated with romiplostim for at least 12 weeks",
        "Received ravulizumab for more than 6 months")) {
      String drug = sentence.contains("romiplostim") ? "romiplostim" : "ravulizumab";
      int every = drug.equals("romiplostim") ? 7 : 56;
      Facts course = doses(adult(), drug, "2025-03-03", "2025-10-20", every);
      assertThat(inclusion(sentence, course)).as(sentence).isEqualTo(Truth.MET);
    }
  }

  /** On it now for the whole span, given as doses: met, as the same course recorded as one statement is. */
  @Test
  void onAPeriodicDrugNowForAtLeastASpanIsMet() {
    String[][] cases = {
        {"Currently receiving eculizumab for at least 3 months", "eculizumab", "2026-01-05", "2026-05-25", "14"},
        {"Subjects on ravulizumab for a minimum of 3 months prior to screening", "ravulizumab", "2025-12-01",
            "2026-05-18", "56"},
        {"Is on romiplostim for at least 4 weeks at screening", "romiplostim", "2026-02-01", "2026-05-31", "7"}};
    for (String[] c : cases) {
      Facts periodic = doses(adult(), c[1], c[2], c[3], Integer.parseInt(c[4]));
      assertThat(inclusion(c[0], periodic)).as(c[0]).isEqualTo(Truth.MET);
      assertThat(exclusion(c[0], periodic)).as(c[0]).isEqualTo(Truth.MET);
    }
    // begun last month: too short whatever the interval
    Facts weekly = doses(adult(), "rituximab", "2026-05-04", "2026-05-25", 7);
    assertThat(inclusion("Currently receiving rituximab for at least 8 weeks", weekly)).isEqualTo(Truth.NOT_MET);
  }

  /** Rituximab every 6 months, the last infusion 4½ months ago: not yet washed out, whichever dose is older. */
  @Test
  void aWashoutCountsFromTheLastDoseOfThePeriodicDrug() {
    Facts sixMonthly = doses(adult(), "rituximab", "2025-01-15", "2026-01-15", 182);
    Facts washedOut = doses(adult(), "rituximab", "2024-06-03", "2025-06-02", 182);
    for (String sentence : List.of("Last dose of rituximab at least 6 months before enrollment",
        "Rituximab must have been discontinued at least 6 months prior to screening",
        "At least 6 months since the last dose of rituximab")) {
      assertThat(inclusion(sentence, sixMonthly)).as(sentence).isNotEqualTo(Truth.MET);
      assertThat(inclusion(sentence, washedOut)).as(sentence).isNotEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("Rituximab within 6 months prior to enrollment",
        "Treatment with rituximab in the past 6 months", "Received rituximab within the last 6 months")) {
      assertThat(exclusion(sentence, sixMonthly)).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, washedOut)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  /**
   * "Currently on a stable dose of eltrombopag for ≥ 4 weeks" (inclusion): on the drug now, the span asked with the
   * stable dose. Read as the drug at any time and the question (§96 Not done), a patient who stopped in 2024 was asked
   * instead of failed. The record's first day of the drug is not surely the day it began (a prescription renewed, a
   * list reconciled): one that shows the drug only since 4 days ago is asked, not failed (DECISIONS 97 review).
   */
  @Test
  void aStableDoseNowForASpanNeedsTheDrugNowForTheSpan() {
    List<String[]> sentences = List.of(
        new String[] {"Currently on a stable dose of eltrombopag for ≥ 4 weeks", "eltrombopag"},
        new String[] {"Currently receiving a stable dose of romiplostim for at least 4 weeks prior to screening",
            "romiplostim"},
        new String[] {"Must be on a stable dose of hydroxyurea for at least 3 months before enrollment", "hydroxyurea"},
        new String[] {"Patients on a stable dose of corticosteroids for at least 2 weeks", "prednisone"});
    for (String[] sd : sentences) {
      Facts onNow = ParsedVerdictsTest.treated(adult(), sd[1], sd[1], "2026-01-05", null);
      Facts stopped = ParsedVerdictsTest.treated(adult(), sd[1], sd[1], "2023-12-01", "2024-06-01");
      Facts justStarted = ParsedVerdictsTest.treated(adult(), sd[1], sd[1], "2026-05-28", null);
      assertThat(inclusion(sd[0], onNow)).as(sd[0]).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sd[0], stopped)).as(sd[0]).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sd[0], justStarted)).as(sd[0]).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sd[0], adult())).as(sd[0]).isEqualTo(Truth.UNKNOWN);
    }
  }

  /** Cycles of doses on consecutive days, every 4 weeks from December, the last cycle begun on May 18. */
  private static Facts cycles(String drug, String first, String lastCycle, int days) {
    Facts f = adult();
    for (java.time.LocalDate d = java.time.LocalDate.parse(first); !d.isAfter(java.time.LocalDate.parse(lastCycle));
         d = d.plusDays(28)) {
      for (int i = 0; i < days; i++) f.administeredUnits(drug, d.plusDays(i).toString(), null, coded(drug));
    }
    return f;
  }

  /**
   * DECISIONS 97 review: a drug given on consecutive days every 4 weeks (IVIG 0.4 g/kg for 5 days or 1 g/kg for 2
   * days, azacitidine for 7 days) is one course of cycles, its interval the 4 weeks, not the day between doses: read
   * with a 1-day interval every cycle was a course of its own, over 4 days after its last dose, and a patient in the
   * middle of monthly IVIG was NOT_MET under "Currently receiving IVIG" and "Patients on IVIG for at least 3 months".
   */
  @Test
  void aDrugGivenInCyclesOfConsecutiveDaysIsOneCourseOfCycles() {
    Facts ivig5 = cycles("ivig", "2025-12-01", "2026-05-18", 5);
    Facts ivig2 = cycles("ivig", "2025-12-01", "2026-05-18", 2);
    Facts aza = cycles("azacitidine", "2025-12-01", "2026-05-18", 7);
    for (Facts monthly : List.of(ivig5, ivig2)) {
      for (String sentence : List.of("Currently receiving IVIG", "Ongoing IVIG therapy",
          "Patients on IVIG for at least 3 months", "Receiving IVIG for at least 12 weeks prior to screening")) {
        // the next cycle is due in 4 days: the patient may well be on it, never failed nor cleared
        assertThat(inclusion(sentence, monthly)).as(sentence).isEqualTo(Truth.UNKNOWN);
        assertThat(exclusion(sentence, monthly)).as(sentence).isEqualTo(Truth.UNKNOWN);
      }
      assertThat(inclusion("Prior treatment with IVIG for at least 3 months", monthly)).isEqualTo(Truth.MET);
    }
    assertThat(inclusion("Currently receiving azacitidine", aza)).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Prior treatment with azacitidine for at least 4 months", aza)).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior hypomethylating agent therapy for at least 4 months", aza)).isEqualTo(Truth.MET);
    // cycles stopped in 2024, ATG over 4 consecutive days last November: over
    Facts stopped = cycles("ivig", "2024-01-01", "2024-06-17", 5);
    assertThat(inclusion("Currently receiving IVIG", stopped)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Ongoing IVIG therapy", stopped)).isEqualTo(Truth.NOT_MET);
    Facts atg = adult();
    for (String day : List.of("2025-11-10", "2025-11-11", "2025-11-12", "2025-11-13")) {
      atg.administeredUnits("rabbit-atg", day, null, coded("rabbit-atg"));
    }
    assertThat(inclusion("Currently receiving ATG", atg)).isEqualTo(Truth.NOT_MET);
  }

  /**
   * DECISIONS 97 review: doses held for a few weeks (romiplostim is not given while the platelet count is over 400 x
   * 10^9/L) or missing from the record split the doses into courses, each too short; the patient on the drug since
   * January was NOT_MET under "Currently receiving romiplostim for at least 3 months" (inclusion). A gap of at most
   * 63 days leaves the span open (asked); a longer one, or a course begun within the span, still fails.
   */
  @Test
  void dosesHeldForAFewWeeksLeaveTheSpanOpen() {
    Facts held = adult();
    for (String day : List.of("2026-01-05", "2026-01-12", "2026-01-19", "2026-02-09", "2026-02-16", "2026-02-23",
        "2026-03-02", "2026-03-23", "2026-03-30", "2026-04-06", "2026-04-13", "2026-04-20", "2026-05-04", "2026-05-11",
        "2026-05-18", "2026-05-25")) {
      held.administeredUnits("romiplostim", day, null, coded("romiplostim"));
    }
    for (String sentence : List.of("Currently receiving romiplostim for at least 3 months",
        "Patients on romiplostim for at least 12 weeks", "Prior treatment with romiplostim for at least 3 months")) {
      assertThat(inclusion(sentence, held)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, held)).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("Currently receiving romiplostim", held)).isEqualTo(Truth.MET);
    // eculizumab every 2 weeks, none recorded for 6 weeks in March: asked, not failed
    Facts gap = doses(doses(adult(), "eculizumab", "2025-12-01", "2026-02-23", 14), "eculizumab", "2026-04-06",
        "2026-05-18", 14);
    assertThat(inclusion("Subjects on eculizumab for a minimum of 3 months prior to screening", gap))
        .isEqualTo(Truth.UNKNOWN);
    // 3 months apart: two courses, the last begun within the span
    Facts apart = doses(doses(adult(), "romiplostim", "2025-10-06", "2025-12-29", 7), "romiplostim", "2026-04-06",
        "2026-05-25", 7);
    assertThat(inclusion("Currently receiving romiplostim for at least 3 months", apart)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Prior treatment with romiplostim for at least 6 months", apart)).isEqualTo(Truth.NOT_MET);
  }
}
