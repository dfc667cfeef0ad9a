package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.treated;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * DECISIONS §101: a limit on how long a drug was taken ("No prior JAK inhibitor for more than 28 days", "Must not have
 * received ruxolitinib for longer than 4 weeks") is a course that long at any time, not a washout. Read as a washout,
 * a week of pacritinib last month failed and two years of ruxolitinib that ended in 2024 passed. As of 2026-06-01.
 */
class CourseLengthLimitVerdictsTest {

  /** A week of pacritinib last month. */
  static Facts shortCourseLastMonth() {
    return treated(adult(), "Pacritinib 200 mg BID", "pacritinib", "2026-05-12", "2026-05-19");
  }

  /** Two years of ruxolitinib, ended in 2024. */
  static Facts longCourseYearsAgo() {
    return treated(adult(), "Ruxolitinib 15 mg BID", "ruxolitinib", "2022-03-01", "2024-03-01");
  }

  /** On ruxolitinib since January 2025, still taking it. */
  static Facts longCourseNow() {
    return treated(adult(), "Ruxolitinib 10 mg BID", "ruxolitinib", "2025-01-15", null);
  }

  /** Ruxolitinib begun five days ago. */
  static Facts startedThisWeek() {
    return treated(adult(), "Ruxolitinib 5 mg BID", "ruxolitinib", "2026-05-27", null);
  }

  /** A stopped statement without an end date: how long the course lasted the record cannot say. */
  static Facts stoppedWithoutEnd() {
    return adult().medication("Ruxolitinib", "2025-01-15", null, ExposureStatus.COMPLETED, coded("ruxolitinib"));
  }

  /** A single undated entry. */
  static Facts undated() {
    return adult().medication("Ruxolitinib", null, null, ExposureStatus.COMPLETED, coded("ruxolitinib"));
  }

  /** A patient on aspirin only: no JAK inhibitor ever. */
  static Facts neverOnIt() {
    return treated(adult(), "Aspirin 81 mg", "aspirin", "2020-01-01", null);
  }

  @Test
  void aDeniedLengthOfTreatmentFailsOnlyALongerCourseAtAnyTime() {
    String[] sentences = {
        "No prior JAK inhibitor for more than 28 days",
        "Prior treatment with ruxolitinib for > 4 weeks is not allowed",
        "Must not have received ruxolitinib for longer than 4 weeks",
        "Has not received a JAK inhibitor for more than 1 month",
        "Patients must not have been treated with ruxolitinib for over 28 days",
        "No previous ruxolitinib therapy for greater than 4 weeks."};
    for (String sentence : sentences) {
      if (!sentence.contains("ruxolitinib")) {
        assertThat(inclusion(sentence, shortCourseLastMonth())).as(sentence).isEqualTo(Truth.MET);
      }
      assertThat(inclusion(sentence, longCourseYearsAgo())).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, longCourseNow())).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, startedThisWeek())).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, neverOnIt())).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, stoppedWithoutEnd())).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, undated())).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult())).as("no medication list: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aLengthOfTreatmentInTheExclusionListExcludesOnlyALongerCourse() {
    String[] sentences = {
        "Prior JAK inhibitor for more than 28 days",
        "Treatment with ruxolitinib for > 4 weeks",
        "Received a JAK inhibitor for longer than 4 weeks",
        "Previous ruxolitinib therapy for greater than 28 days"};
    for (String sentence : sentences) {
      if (sentence.contains("JAK")) {
        assertThat(exclusion(sentence, shortCourseLastMonth())).as(sentence).isEqualTo(Truth.NOT_MET);
      }
      assertThat(exclusion(sentence, longCourseYearsAgo())).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, longCourseNow())).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, startedThisWeek())).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, neverOnIt())).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, stoppedWithoutEnd())).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, undated())).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, adult())).as("no medication list: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aCourseOfExactlyTheLimitIsNotLongerThanIt() {
    // 28 days of ruxolitinib: "more than 28 days" it is not, "at least 28 days" it is
    Facts exactly = treated(adult(), "Ruxolitinib", "ruxolitinib", "2025-01-01", "2025-01-29");
    assertThat(inclusion("No prior ruxolitinib for more than 28 days", exactly)).isEqualTo(Truth.MET);
    assertThat(exclusion("Prior ruxolitinib for more than 28 days", exactly)).isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Prior ruxolitinib for at least 28 days", exactly)).isEqualTo(Truth.MET);
  }

  @Test
  void washoutsKeepTheirReading() {
    // a week of ruxolitinib that ended ten days ago: within a 28-day washout, far shorter than 28 days
    Facts recentShort = treated(adult(), "Ruxolitinib", "ruxolitinib", "2026-05-15", "2026-05-22");
    for (String washout : new String[] {"No JAK inhibitor within 28 days",
        "At least 28 days since the last dose of ruxolitinib", "No ruxolitinib for at least 4 weeks before day 1",
        "Must not have received ruxolitinib for at least 4 weeks prior to screening"}) {
      assertThat(inclusion(washout, recentShort)).as(washout).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(washout, longCourseYearsAgo())).as(washout).isEqualTo(Truth.MET);
    }
    // "for more than N" before a time after a denial may be either: asked, never failed on the record
    for (String either : new String[] {"No systemic corticosteroids for more than 14 days prior to randomization",
        "Must not have received ruxolitinib for more than 4 weeks before screening"}) {
      assertThat(inclusion(either, recentShort)).as(either).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(either, longCourseYearsAgo())).as(either).isEqualTo(Truth.UNKNOWN);
    }
  }

  /** Prednisone for a week last month; for two years until 2024; since January 2025. */
  static Facts prednisone(String start, String end) {
    return treated(adult(), "Prednisone 20 mg daily", "prednisone", start, end);
  }

  @Test
  void aCeilingOnASpanOfADrugDeniesOnlyALongerCourse() {
    String[] sentences = {
        "No more than 4 weeks of prior corticosteroid therapy",
        "Subjects who have received no more than 28 days of corticosteroids",
        "≤ 4 weeks of prior corticosteroids",
        "Prior corticosteroid exposure of no more than 28 days"};
    for (String sentence : sentences) {
      assertThat(inclusion(sentence, prednisone("2026-05-01", "2026-05-08"))).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, prednisone("2022-03-01", "2024-03-01"))).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, prednisone("2025-01-15", null))).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, neverOnIt())).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().medication("Prednisone", "2025-01-15", null, ExposureStatus.COMPLETED,
          coded("prednisone")))).as("stopped without an end: " + sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult())).as("no medication list: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aSpanOfADrugInTheExclusionListExcludesOnlyALongerCourse() {
    String[] sentences = {
        "More than 4 weeks of prior corticosteroid therapy",
        "Received more than 28 days of corticosteroids",
        "Prior corticosteroid exposure of > 4 weeks",
        "Corticosteroid treatment duration of more than 4 weeks"};
    for (String sentence : sentences) {
      assertThat(exclusion(sentence, prednisone("2026-05-01", "2026-05-08"))).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, prednisone("2022-03-01", "2024-03-01"))).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, prednisone("2025-01-15", null))).as(sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, neverOnIt())).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, undated())).as(sentence).isIn(Truth.NOT_MET, Truth.UNKNOWN);
      assertThat(exclusion(sentence, adult())).as("no medication list: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aSpanOfADrugWithinAWindowIsNotReadAsACourseAtAnyTime() {
    // read as a course at any time, two years of prednisone that ended in 2024 excluded
    for (String sentence : new String[] {"More than 2 weeks of prednisone within the last 3 months",
        "Received more than 4 weeks of corticosteroids prior to screening",
        "More than 14 days of prednisone in the past 6 months"}) {
      assertThat(exclusion(sentence, prednisone("2022-03-01", "2024-03-01"))).as(sentence).isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aLengthOfTreatmentWithinAWindowIsAsked() {
    // two years of ruxolitinib that ended in 2024: read as a course at any time (the window dropped) it failed
    // "… in the past year" in the inclusion list and was excluded by it in the exclusion list
    for (String sentence : new String[] {"No JAK inhibitor for more than 28 days in the past year",
        "No prior ruxolitinib for longer than 4 weeks within the last 12 months",
        "Must not have received ruxolitinib for more than 4 weeks during the previous 6 months"}) {
      assertThat(inclusion(sentence, longCourseYearsAgo())).as(sentence).isNotEqualTo(Truth.NOT_MET);
    }
    for (String sentence : new String[] {"Prior JAK inhibitor for more than 28 days in the past year",
        "Ruxolitinib for at least 4 weeks within the last 6 months",
        "Treatment with ruxolitinib for > 4 weeks during the past 12 months"}) {
      assertThat(exclusion(sentence, longCourseYearsAgo())).as(sentence).isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aShortCourseWrittenAsAPermissionAdmitsNoneOrAShortCourseAndAsksALongerOne() {
    String[] sentences = {
        "Prior TPO-RA exposure of ≤ 14 days is permitted",
        "Patients who received romiplostim for less than 2 weeks are eligible",
        "Prior treatment with a thrombopoietin receptor agonist for up to 14 days is allowed"};
    for (String sentence : sentences) {
      Facts week = treated(adult(), "Romiplostim", "romiplostim", "2026-05-01", "2026-05-08");
      Facts year = treated(adult(), "Romiplostim", "romiplostim", "2023-01-01", "2024-01-01");
      assertThat(inclusion(sentence, week)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, neverOnIt())).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, year)).as("a longer course is asked, not failed: " + sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult())).as("no medication list: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aCountOfCyclesOrDosesIsAskedOfThoseGivenTheDrug() {
    Facts azacitidine = treated(adult(), "Azacitidine", "azacitidine", "2025-01-01", "2025-07-01");
    Facts none = neverOnIt();
    for (String sentence : new String[] {"Received more than 2 cycles of hypomethylating agent",
        "Prior treatment with more than 4 cycles of azacitidine", "More than 6 doses of azacitidine"}) {
      assertThat(exclusion(sentence, azacitidine)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, none)).as(sentence).isEqualTo(Truth.NOT_MET);
    }
    // a count of none is under every ceiling: read as the drug and an unread count, it failed a patient never given it
    Facts rituximab = treated(adult(), "Rituximab", "rituximab", "2025-01-01", "2025-01-29");
    for (String sentence : new String[] {"Fewer than 4 doses of rituximab", "Received < 4 doses of rituximab",
        "No more than 2 cycles of prior rituximab"}) {
      assertThat(inclusion(sentence, none)).as(sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, rituximab)).as(sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult())).as("no medication list: " + sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aSpanAfterAStopIsTheTimeOffTheDrugNotACourseThatLong() {
    // DECISIONS §101 review: "for more than / at least N" after "discontinued", "stopped", "off", "held" counts the
    // days since the drug was stopped (a washout) or a pause; read as a course that long, a patient never given the
    // drug, or given one week of it months ago, failed the inclusion
    Facts weekInFebruary = treated(adult(), "Eltrombopag 50 mg daily", "eltrombopag", "2026-02-01", "2026-02-08");
    Facts never = treated(adult(), "Aspirin 81 mg", "aspirin", "2020-01-01", null);
    for (String sentence : new String[] {"Must have discontinued eltrombopag for more than 4 weeks",
        "Eltrombopag must have been stopped for more than 2 weeks",
        "Must have been off eltrombopag for more than 14 days prior to enrollment",
        "Patients must have discontinued all TPO receptor agonists for at least 4 weeks before day 1",
        "Eltrombopag or romiplostim withheld for over 2 weeks at the time of screening"}) {
      assertThat(inclusion(sentence, weekInFebruary)).as(sentence).isNotEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, never)).as(sentence).isNotEqualTo(Truth.NOT_MET);
    }
    Facts longAgo = treated(adult(), "Ruxolitinib 15 mg BID", "ruxolitinib", "2022-03-01", "2024-03-01");
    for (String sentence : new String[] {"Ruxolitinib discontinued for more than 4 weeks",
        "Ruxolitinib held for more than 14 days", "Patients who have been off ruxolitinib for more than 2 weeks"}) {
      assertThat(exclusion(sentence, longAgo)).as(sentence).isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aSecondTimeForTheSameDrugIsNotDropped() {
    // DECISIONS §101 review: "… for more than N or within M before …" names one drug with two times; the second bound
    // nothing and was dropped, so a week of the drug just before enrollment met the inclusion and escaped the exclusion
    String[][] cases = {
        {"Has not received ruxolitinib for more than 28 days or within 4 weeks prior to enrollment", "ruxolitinib"},
        {"No prior eltrombopag for more than 8 weeks or within 14 days before day 1", "eltrombopag"},
        {"Must not have received prednisone for longer than 4 weeks or within 2 weeks of randomization", "prednisone"}};
    for (String[] c : cases) {
      Facts lastWeek = treated(adult(), c[1], c[1], "2026-05-22", "2026-05-29");
      assertThat(inclusion(c[0], lastWeek)).as(c[0]).isNotEqualTo(Truth.MET);
      assertThat(inclusion(c[0], neverOnIt())).as(c[0]).isEqualTo(Truth.MET);
    }
    Facts lastWeek = treated(adult(), "Ruxolitinib", "ruxolitinib", "2026-05-22", "2026-05-29");
    String exclusion = "Received ruxolitinib for more than 28 days or within 4 weeks prior to enrollment";
    assertThat(exclusion(exclusion, lastWeek)).as(exclusion).isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion(exclusion, neverOnIt())).as(exclusion).isEqualTo(Truth.NOT_MET);
  }
}
