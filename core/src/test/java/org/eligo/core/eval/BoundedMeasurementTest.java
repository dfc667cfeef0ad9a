package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.eval.EvaluatorTest.eval;
import static org.eligo.core.eval.EvaluatorTest.truth;
import static org.eligo.core.logic.Truth.MET;
import static org.eligo.core.logic.Truth.NOT_MET;
import static org.eligo.core.logic.Truth.UNKNOWN;

import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** A result the record gives only as a bound ("CRP &lt;5 mg/L") decides what every result it allows decides. */
class BoundedMeasurementTest {
  static MeasurementRule crp(Comparator comparator, double threshold) {
    return MeasurementRule.of("crp", "CRP", comparator, threshold, "mg/L");
  }

  static Facts crpReported(String comparator, double value) {
    return Facts.patient("p").labBound("crp", comparator, value, "mg/L", "2026-11-01", null);
  }

  @Test
  void aBoundInsideTheCriterionsRangeMeetsIt() {
    assertThat(truth(crp(Comparator.LT, 10), crpReported("<", 5))).isEqualTo(MET);
    assertThat(truth(crp(Comparator.GT, 50), crpReported(">", 100))).isEqualTo(MET);
    assertThat(truth(crp(Comparator.LE, 5), crpReported("<=", 5))).isEqualTo(MET);
    assertThat(truth(crp(Comparator.LT, 5), crpReported("<", 5))).as("below 5 is below 5").isEqualTo(MET);
  }

  @Test
  void aBoundOutsideTheCriterionsRangeFailsIt() {
    assertThat(truth(crp(Comparator.GE, 10), crpReported("<", 5))).isEqualTo(NOT_MET);
    assertThat(truth(crp(Comparator.LT, 50), crpReported(">=", 100))).isEqualTo(NOT_MET);
    assertThat(truth(crp(Comparator.GE, 5), crpReported("<", 5))).isEqualTo(NOT_MET);
  }

  @Test
  void aBoundReachingAcrossTheThresholdAsksForTheExactValue() {
    Outcome below3 = eval(crp(Comparator.LT, 3), crpReported("<", 5));
    assertThat(below3.truth()).isEqualTo(UNKNOWN);
    assertThat(below3.questions()).containsExactly("Exact CRP? The latest (2026-11-01) was reported as <5 mg/L.");
    assertThat(truth(crp(Comparator.LT, 5), crpReported("<=", 5))).as("the result may be 5").isEqualTo(UNKNOWN);
    assertThat(truth(crp(Comparator.GE, 5), crpReported("<=", 5))).isEqualTo(UNKNOWN);
    assertThat(truth(crp(Comparator.GT, 200), crpReported(">", 100))).isEqualTo(UNKNOWN);
  }

  @Test
  void theEvidenceShowsTheBoundAsWritten() {
    Outcome met = eval(crp(Comparator.LT, 10), crpReported("<", 5));
    assertThat(met.evidence()).singleElement().satisfies(e -> {
      assertThat(e.description()).isEqualTo("CRP <5 mg/L");
      assertThat(e.comparator()).isEqualTo("<");
      assertThat(e.value()).isEqualTo(5.0);
    });
  }

  @Test
  void aBoundAgainstAMultipleOfTheUpperLimitOfNormal() {
    MeasurementRule alt = new MeasurementRule("alt", "ALT", Comparator.LE, 2.5, true, "U/L", 90, null);
    assertThat(truth(alt, Facts.patient("p").labBound("alt", "<", 40, "U/L", "2026-11-01", 40.0))).isEqualTo(MET);
    assertThat(truth(alt, Facts.patient("p").labBound("alt", ">", 100, "U/L", "2026-11-01", 40.0)))
        .isEqualTo(NOT_MET);
    Outcome open = eval(alt, Facts.patient("p").labBound("alt", "<", 200, "U/L", "2026-11-01", 40.0));
    assertThat(open.truth()).isEqualTo(UNKNOWN);
    assertThat(open.questions()).singleElement().asString().contains("<200 U/L").contains("upper limit of normal 40");
    assertThat(truth(alt, Facts.patient("p").labBound("alt", "<", 40, "U/L", "2026-11-01", null)))
        .as("no upper limit of normal").isEqualTo(UNKNOWN);
  }

  @Test
  void aStaleBoundIsStale() {
    Outcome stale = eval(crp(Comparator.LT, 10),
        Facts.patient("p").labBound("crp", "<", 5, "mg/L", "2026-01-01", null));
    assertThat(stale.truth()).isEqualTo(UNKNOWN);
    assertThat(stale.questions()).singleElement().asString().contains("last 90 days");
    Outcome monthOnly = eval(crp(Comparator.LT, 10),
        Facts.patient("p").labBound("crp", "<", 5, "mg/L", "2026-08", null));
    assertThat(monthOnly.truth()).as("a month straddling the window's start").isEqualTo(UNKNOWN);
  }

  @Test
  void aPassingBoundRightAfterATransfusionIsUnknownAFailingOneStaysNotMet() {
    MeasurementRule plt = MeasurementRule.of("platelets", "platelet count", Comparator.GE, 20, "10*9/L")
        .withTransfusionFreeDays(7);
    Facts transfused = Facts.patient("p").procedure("platelet transfusion", "2026-11-05", "transfusion");
    Outcome high = eval(plt, transfused.labBound("platelets", ">", 50, "10*9/L", "2026-11-08", null));
    assertThat(high.truth()).isEqualTo(UNKNOWN);
    assertThat(high.questions()).singleElement().asString().contains("without transfusion support");
    assertThat(truth(plt, Facts.patient("p").procedure("platelet transfusion", "2026-11-05", "transfusion")
        .labBound("platelets", "<", 10, "10*9/L", "2026-11-08", null))).isEqualTo(NOT_MET);
  }

  @Test
  void aBoundAndAResultOfTheSameDaySettleItOnlyWhenTheyAgree() {
    Facts agree = crpReported("<", 5).lab("crp", 4, "mg/L", "2026-11-01");
    assertThat(truth(crp(Comparator.LT, 10), agree)).isEqualTo(MET);
    Outcome disagree = eval(crp(Comparator.LT, 10), crpReported("<", 5).lab("crp", 12, "mg/L", "2026-11-01"));
    assertThat(disagree.truth()).isEqualTo(UNKNOWN);
    assertThat(disagree.questions()).singleElement().asString().contains("<5 mg/L").contains("12 mg/L");
    assertThat(truth(crp(Comparator.LT, 10), crpReported("<", 5).lab("crp", 30, "mg/L", "2026-10-01")))
        .as("an older exact result does not count").isEqualTo(MET);
  }
}
