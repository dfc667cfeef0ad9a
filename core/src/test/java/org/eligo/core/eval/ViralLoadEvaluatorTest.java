package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.eval.EvaluatorTest.eval;
import static org.eligo.core.eval.EvaluatorTest.truth;
import static org.eligo.core.logic.Truth.MET;
import static org.eligo.core.logic.Truth.NOT_MET;
import static org.eligo.core.logic.Truth.UNKNOWN;
import static org.eligo.core.patient.InfectionResult.Finding.INFECTED;

import org.eligo.core.patient.ValueBound;
import org.eligo.core.patient.ViralLoad;
import org.eligo.core.patient.ViralLoad.Virus;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.ViralLoadRule;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Viral-load criteria ("detectable HBV DNA", "HIV-1 RNA &lt; 50 copies/mL") against the latest result of the test.
 * As-of date: 2026-11-23; a result counts for 90 days.
 */
class ViralLoadEvaluatorTest {
  static final ViralLoadRule DETECTABLE = ViralLoadRule.detectable("hbv-dna", "hepatitis-b", "HBV DNA");
  static final ViralLoadRule BELOW_20 = ViralLoadRule.of("hbv-dna", "hepatitis-b", "HBV DNA", Comparator.LT, 20,
      ViralLoad.IU_PER_ML);
  static final ViralLoadRule AT_LEAST_2000 = ViralLoadRule.of("hbv-dna", "hepatitis-b", "HBV DNA", Comparator.GE, 2000,
      ViralLoad.IU_PER_ML);

  static Facts hbvDna(String text, ViralLoad load, String date) {
    return hbvDna(Facts.patient("p"), text, load, date);
  }

  static Facts hbvDna(Facts f, String text, ViralLoad load, String date) {
    return f.viralLoad("hbv-dna", text, load, load.virus() == Virus.DETECTED ? INFECTED : null, date, "hepatitis-b",
        "infection");
  }

  static ViralLoad iu(double amount) {
    return new ViralLoad(Virus.DETECTED, amount, null, ViralLoad.IU_PER_ML);
  }

  @Test
  void aRecentLoadSettlesDetectionEitherWay() {
    assertThat(truth(DETECTABLE, hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-11-01"))).isEqualTo(MET);
    assertThat(truth(DETECTABLE, hbvDna("HBV DNA: Not detected", ViralLoad.of(Virus.NOT_DETECTED), "2026-11-01")))
        .isEqualTo(NOT_MET);
    Outcome none = eval(DETECTABLE, Facts.patient("p"));
    assertThat(none.truth()).isEqualTo(UNKNOWN);
    assertThat(none.questions()).singleElement().asString().startsWith("Is the patient's HBV DNA detectable?");
  }

  @Test
  void aLoadBelowTheLimitOfQuantificationIsNotZero() {
    ViralLoad below20 = new ViralLoad(Virus.UNSETTLED, 20, ValueBound.BELOW, ViralLoad.IU_PER_ML);
    Facts f = hbvDna("HBV DNA: <20 IU/mL", below20, "2026-11-01");
    assertThat(truth(DETECTABLE, f)).as("a trace or nothing").isEqualTo(UNKNOWN);
    assertThat(truth(BELOW_20, f)).as("the bound settles it").isEqualTo(MET);
    assertThat(truth(AT_LEAST_2000, f)).isEqualTo(NOT_MET);
    assertThat(truth(ViralLoadRule.of("hbv-dna", "hepatitis-b", "HBV DNA", Comparator.LT, 10, ViralLoad.IU_PER_ML), f))
        .as("below 20 may be 15").isEqualTo(UNKNOWN);
    Facts notDetected = hbvDna("HBV DNA: Target not detected", ViralLoad.of(Virus.NOT_DETECTED), "2026-11-01");
    assertThat(truth(BELOW_20, notDetected)).as("below a detection limit the record does not give")
        .isEqualTo(UNKNOWN);
  }

  @Test
  void anExactAmountIsComparedOnlyInItsOwnUnit() {
    assertThat(truth(AT_LEAST_2000, hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-11-01"))).isEqualTo(MET);
    assertThat(truth(BELOW_20, hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-11-01"))).isEqualTo(NOT_MET);
    ViralLoad copies = new ViralLoad(Virus.DETECTED, 5000, null, ViralLoad.COPIES_PER_ML);
    assertThat(truth(AT_LEAST_2000, hbvDna("HBV DNA: 5000 copies/mL", copies, "2026-11-01")))
        .as("copies are not international units").isEqualTo(UNKNOWN);
    assertThat(truth(DETECTABLE, hbvDna("HBV DNA: 5000 copies/mL", copies, "2026-11-01"))).isEqualTo(MET);
  }

  @Test
  void onlyTheLatestRecentResultCounts() {
    Facts suppressed = hbvDna(hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-09-01"), "HBV DNA: Not detected",
        ViralLoad.of(Virus.NOT_DETECTED), "2026-11-01");
    assertThat(truth(DETECTABLE, suppressed)).isEqualTo(NOT_MET);
    Outcome stale = eval(DETECTABLE, hbvDna("HBV DNA: Not detected", ViralLoad.of(Virus.NOT_DETECTED), "2026-03-01"));
    assertThat(stale.truth()).isEqualTo(UNKNOWN);
    assertThat(stale.questions()).singleElement().asString().contains("more than 90 days old");
    assertThat(truth(DETECTABLE, hbvDna("HBV DNA: Not detected", ViralLoad.of(Virus.NOT_DETECTED), "2026-08")))
        .as("a month that may start before the window").isEqualTo(UNKNOWN);
    assertThat(truth(DETECTABLE, hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-12-01"))).as("after the as-of date")
        .isEqualTo(UNKNOWN);
  }

  @Test
  void resultsOfOneDayAreReadTogether() {
    ViralLoad below20 = new ViralLoad(Virus.UNSETTLED, 20, ValueBound.BELOW, ViralLoad.IU_PER_ML);
    Facts notDetectedBesideBound = hbvDna(hbvDna("HBV DNA: <20 IU/mL", below20, "2026-11-01"),
        "HBV DNA: Not detected", ViralLoad.of(Virus.NOT_DETECTED), "2026-11-01");
    assertThat(truth(DETECTABLE, notDetectedBesideBound)).as("the qualitative result says what the bound cannot")
        .isEqualTo(NOT_MET);
    Facts disagree = hbvDna(hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-11-01"), "HBV DNA: Not detected",
        ViralLoad.of(Virus.NOT_DETECTED), "2026-11-01");
    assertThat(truth(DETECTABLE, disagree)).isEqualTo(UNKNOWN);
    Facts monthBesideDay = hbvDna(hbvDna("HBV DNA: <20 IU/mL", below20, "2026-11"), "HBV DNA: Not detected",
        ViralLoad.of(Virus.NOT_DETECTED), "2026-11-10");
    assertThat(truth(DETECTABLE, monthBesideDay)).as("the month's result may be the newer").isEqualTo(UNKNOWN);
  }

  @Test
  void resultsOfOneDayThatDisagreeOnTheVirusDecideNoLimit() {
    // "Not detected" beside 5,000 IU/mL from the same day: one of them is wrong, so neither decides "HBV DNA ≥ 2000"
    // (the 5,000 alone had excluded a patient whose other result of that day shows no virus at all)
    Facts disagree = hbvDna(hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-11-01"), "HBV DNA: Not detected",
        ViralLoad.of(Virus.NOT_DETECTED), "2026-11-01");
    assertThat(truth(AT_LEAST_2000, disagree)).isEqualTo(UNKNOWN);
    assertThat(truth(BELOW_20, disagree)).isEqualTo(UNKNOWN);
    Outcome explained = eval(AT_LEAST_2000, disagree);
    assertThat(explained.questions()).singleElement().asString().contains("disagree");
    Facts detectedBelowLimit = hbvDna(hbvDna("HBV DNA: <20 IU/mL", new ViralLoad(Virus.UNSETTLED, 20, ValueBound.BELOW,
        ViralLoad.IU_PER_ML), "2026-11-01"), "HBV DNA: Detected", ViralLoad.of(Virus.DETECTED), "2026-11-01");
    assertThat(truth(AT_LEAST_2000, detectedBelowLimit)).as("detected below the limit of quantification agree")
        .isEqualTo(NOT_MET);
  }

  @Test
  void aDisagreementOfOneDayIsNotForgottenByALaterResultOfThatDay() {
    // 5,000 IU/mL and <20 IU/mL of one day disagree on "HBV DNA ≥ 2000"; a third result of that day (6,000, as a
    // duplicate feed sends) must not settle it as if the <20 had never been there
    ViralLoad below20 = new ViralLoad(Virus.UNSETTLED, 20, ValueBound.BELOW, ViralLoad.IU_PER_ML);
    Facts three = hbvDna(hbvDna(hbvDna("HBV DNA: 5000 IU/mL", iu(5000), "2026-11-01"), "HBV DNA: <20 IU/mL", below20,
        "2026-11-01"), "HBV DNA: 6000 IU/mL", iu(6000), "2026-11-01");
    assertThat(truth(AT_LEAST_2000, three)).isEqualTo(UNKNOWN);
    assertThat(truth(BELOW_20, three)).isEqualTo(UNKNOWN);
  }

  @Test
  void otherTestsOfTheInfectionAreNotViralLoads() {
    Facts hbsag = Facts.patient("p").infectionResult("HBsAg: Positive", INFECTED, "2026-11-01", "hepatitis-b");
    assertThat(truth(DETECTABLE, hbsag)).isEqualTo(UNKNOWN);
  }
}
