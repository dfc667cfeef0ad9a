package org.eligo.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.core.eval.EvaluatorTest.eval;
import static org.eligo.core.eval.EvaluatorTest.truth;
import static org.eligo.core.logic.Truth.MET;
import static org.eligo.core.logic.Truth.NOT_MET;
import static org.eligo.core.logic.Truth.UNKNOWN;
import static org.eligo.core.patient.InfectionResult.Finding.EXPOSED;
import static org.eligo.core.patient.InfectionResult.Finding.INFECTED;
import static org.eligo.core.patient.InfectionResult.Finding.NOT_INFECTED;

import java.util.Set;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Infection test results as evidence for diagnosis criteria ("Active hepatitis B (HBsAg positive) or hepatitis C (HCV
 * RNA detectable)"), beside the record's diagnoses. As-of date: 2026-11-23; results count as current for 90 days.
 */
class InfectionEvidenceTest {
  final ConditionRule activeHepB = rule(TimeWindow.ACTIVE, "hepatitis-b");
  final ConditionRule activeHepC = rule(TimeWindow.ACTIVE, "hepatitis-c");
  final ConditionRule activeViral = rule(TimeWindow.ACTIVE, "hepatitis-b", "hepatitis-c", "hiv-infection");
  final ConditionRule activeInfection = rule(TimeWindow.ACTIVE, "infection");

  static ConditionRule rule(TimeWindow window, String... concepts) {
    return new ConditionRule(Set.of(concepts), Set.of(), window, String.join(" or ", concepts));
  }

  /** A record that lists diagnoses, none of them an infection: closed-world, the diagnoses alone say NOT_MET. */
  static Facts withDiagnoses() {
    return Facts.patient("p").condition("Hypertension", ClinicalStatus.ACTIVE, "2020-01-01", null, "hypertension");
  }

  /** A record without a single diagnosis: the diagnoses alone rule nothing out. */
  static Facts withoutDiagnoses() {
    return Facts.patient("p");
  }

  @Test
  void aPositiveHbsagShowsActiveHepatitisBWithTheResultAsEvidence() {
    for (Facts f : new Facts[] {withDiagnoses(), withoutDiagnoses()}) {
      Outcome o = eval(activeHepB, f.infectionResult("HBsAg: Positive", INFECTED, "2026-11-01", "hepatitis-b",
          "infection"));
      assertThat(o.truth()).isEqualTo(MET);
      assertThat(o.evidence()).singleElement().satisfies(e -> {
        assertThat(e.description()).isEqualTo("HBsAg: Positive (2026-11-01)");
        assertThat(e.resource()).startsWith("Observation/");
      });
      assertThat(truth(activeViral, f)).as("one of several infections named").isEqualTo(MET);
      assertThat(truth(activeInfection, f)).as("as a coded hepatitis B does, under 'active infection'").isEqualTo(MET);
    }
  }

  @Test
  void anHcvAntibodyAloneNeverDecidesActiveHepatitisC() {
    for (Facts f : new Facts[] {withDiagnoses(), withoutDiagnoses()}) {
      Outcome o = eval(activeHepC, f.infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-11-01", "hepatitis-c",
          "infection"));
      assertThat(o.truth()).isEqualTo(UNKNOWN);
      assertThat(o.questions()).singleElement().asString().contains("Anti-HCV: Reactive (2026-11-01)")
          .contains("stays reactive after a cleared infection");
      assertThat(o.evidence()).extracting(Evidence::description).containsExactly("Anti-HCV: Reactive (2026-11-01)");
    }
  }

  @Test
  void anHcvAntibodyWithUndetectableRnaIsAClearedInfection() {
    Facts f = withDiagnoses().infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-11-01", "hepatitis-c")
        .infectionResult("HCV RNA: Not detected", NOT_INFECTED, "2026-11-01", "hepatitis-c");
    assertThat(truth(activeHepC, f)).isEqualTo(NOT_MET);
    assertThat(truth(rule(TimeWindow.EVER, "hepatitis-c"), f)).as("had it: the antibody may be a false screen")
        .isEqualTo(UNKNOWN);
  }

  @Test
  void detectableRnaShowsHepatitisCWhateverTheAntibodyAfterIt() {
    assertThat(truth(activeHepC, withDiagnoses()
        .infectionResult("HCV RNA: 120000 IU/mL", INFECTED, "2026-10-01", "hepatitis-c")
        .infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-11-01", "hepatitis-c"))).isEqualTo(MET);
  }

  @Test
  void aNegativeAntibodyAfterDetectableRnaRulesNothingOut() {
    // HCV RNA comes weeks before the antibody in an acute infection (and an immunosuppressed patient may never make
    // it): a negative antibody after detectable RNA is no sign the infection has gone
    for (Facts f : new Facts[] {withDiagnoses(), withoutDiagnoses()}) {
      assertThat(truth(activeHepC, f.infectionResult("HCV RNA: 120000 IU/mL", INFECTED, "2026-10-01", "hepatitis-c")
          .antibodyResult("Anti-HCV: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-c"))).isEqualTo(MET);
    }
    assertThat(truth(rule(TimeWindow.ACTIVE, "hiv-infection"), withDiagnoses()
        .infectionResult("HIV-1 RNA: 85000 copies/mL", INFECTED, "2026-10-20", "hiv-infection")
        .antibodyResult("HIV-1/2 Ag/Ab: Non-reactive", NOT_INFECTED, "2026-11-01", "hiv-infection")))
        .as("HIV is not cleared: a non-reactive screen after detectable RNA is the window before antibodies")
        .isEqualTo(MET);
    assertThat(truth(activeHepC, withDiagnoses()
        .infectionResult("HCV RNA: 120000 IU/mL", INFECTED, "2025-01-01", "hepatitis-c")
        .antibodyResult("Anti-HCV: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-c")))
        .as("RNA too old to say what is current: asked, not ruled out").isEqualTo(UNKNOWN);
    assertThat(truth(activeHepC, withDiagnoses()
        .infectionResult("HCV RNA: 120000 IU/mL", INFECTED, "2025-01-01", "hepatitis-c")
        .infectionResult("HCV RNA: Not detected", NOT_INFECTED, "2026-11-01", "hepatitis-c")))
        .as("RNA not detected since: cleared").isEqualTo(NOT_MET);
    assertThat(truth(activeHepC, withDiagnoses()
        .antibodyResult("Anti-HCV: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-c")))
        .as("a negative antibody alone still rules hepatitis C out").isEqualTo(NOT_MET);
  }

  @Test
  void anAntibodyAfterANegativeResultMayBeANewInfection() {
    assertThat(truth(activeHepC, withDiagnoses()
        .infectionResult("Anti-HCV: Negative", NOT_INFECTED, "2026-09-01", "hepatitis-c")
        .infectionResult("Anti-HCV: Reactive", EXPOSED, "2026-11-01", "hepatitis-c"))).isEqualTo(UNKNOWN);
  }

  @Test
  void aPositiveResultOlderThanNinetyDaysAsksWhetherTheInfectionIsStillPresent() {
    Facts f = withDiagnoses().infectionResult("HBsAg: Positive", INFECTED, "2024-01-10", "hepatitis-b");
    Outcome o = eval(activeHepB, f);
    assertThat(o.truth()).isEqualTo(UNKNOWN);
    assertThat(o.questions()).singleElement().asString().contains("still present");
    assertThat(truth(rule(TimeWindow.EVER, "hepatitis-b"), f)).isEqualTo(MET);
    assertThat(truth(rule(TimeWindow.within(180), "hepatitis-b"), f)).isEqualTo(UNKNOWN);
    assertThat(truth(rule(TimeWindow.within(180), "hepatitis-b"), withDiagnoses()
        .infectionResult("HBsAg: Positive", INFECTED, "2026-08-10", "hepatitis-b"))).isEqualTo(MET);
  }

  @Test
  void recentNegativeResultsRuleOutWhatTheyTestForInARecordWithoutDiagnoses() {
    Facts hbsagOnly = withoutDiagnoses().infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-b");
    Outcome o = eval(activeHepB, hbsagOnly);
    assertThat(o.truth()).isEqualTo(NOT_MET);
    assertThat(o.evidence()).extracting(Evidence::description).containsExactly("HBsAg: Negative (2026-11-01)");
    assertThat(truth(activeViral, hbsagOnly)).as("hepatitis C and HIV are still open").isEqualTo(UNKNOWN);
    Facts all = hbsagOnly.infectionResult("Anti-HCV: Non-reactive", NOT_INFECTED, "2026-11-01", "hepatitis-c")
        .infectionResult("HIV-1/2 Ag/Ab: Non-reactive", NOT_INFECTED, "2026-11-01", "hiv-infection");
    assertThat(truth(activeViral, all)).isEqualTo(NOT_MET);
    assertThat(truth(activeInfection, all)).as("other infections are not tested for").isEqualTo(UNKNOWN);
    assertThat(truth(rule(TimeWindow.EVER, "hepatitis-b"), all)).as("a cleared infection leaves HBsAg negative")
        .isEqualTo(UNKNOWN);
  }

  @Test
  void anOldNegativeResultSaysNothingAboutNow() {
    Outcome o = eval(activeHepB, withoutDiagnoses()
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2024-05-01", "hepatitis-b"));
    assertThat(o.truth()).isEqualTo(UNKNOWN);
    assertThat(o.questions()).singleElement().asString().contains("The record lists no diagnoses");
  }

  @Test
  void aLaterNegativeResultOutweighsAnEarlierPositiveOne() {
    assertThat(truth(activeHepB, withoutDiagnoses()
        .infectionResult("HBsAg: Positive", INFECTED, "2026-06-01", "hepatitis-b")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-b"))).isEqualTo(NOT_MET);
  }

  @Test
  void resultsOfOneDayThatDisagreeLeaveItOpen() {
    Outcome o = eval(activeHepB, withDiagnoses()
        .infectionResult("HBsAg: Positive", INFECTED, "2026-11-01", "hepatitis-b")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-b"));
    assertThat(o.truth()).isEqualTo(UNKNOWN);
    assertThat(o.questions()).singleElement().asString().contains("Which result of 2026-11-01 is right");
  }

  @Test
  void aResultAfterTheEvaluationDateIsPassedOver() {
    assertThat(truth(activeHepB, withDiagnoses()
        .infectionResult("HBsAg: Positive", INFECTED, "2026-12-01", "hepatitis-b"))).isEqualTo(NOT_MET);
  }

  @Test
  void aDiagnosisARecentNegativeResultContradictsIsAskedAndOneOnlySuspectedStaysOpen() {
    // listed active since 2015, HBsAg negative since: cleared, or a list never updated; read as proven it excluded
    Outcome contradicted = eval(activeHepB, Facts.patient("p")
        .condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2015-01-01", null, "hepatitis-b")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-b"));
    assertThat(contradicted.truth()).isEqualTo(UNKNOWN);
    assertThat(contradicted.questions()).singleElement().asString().contains("a later result shows no current");
    assertThat(truth(activeHepB, Facts.patient("p")
        .condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2015-01-01", null, "hepatitis-b")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-b")))
        .as("the same without explanation").isEqualTo(UNKNOWN);
    assertThat(truth(activeHepB, Facts.patient("p")
        .condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2026-11-10", null, "hepatitis-b")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-b")))
        .as("diagnosed after the negative result: it stands").isEqualTo(MET);
    assertThat(truth(activeHepB, Facts.patient("p")
        .condition("Chronic hepatitis B", ClinicalStatus.ACTIVE, "2015-01-01", null, "hepatitis-b")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2025-01-01", "hepatitis-b")))
        .as("a negative result too old to say what is current").isEqualTo(MET);
    assertThat(truth(activeHepB, Facts.patient("p")
        .suspectedCondition("Rule out hepatitis B", ClinicalStatus.ACTIVE, "hepatitis-b")
        .infectionResult("HBsAg: Negative", NOT_INFECTED, "2026-11-01", "hepatitis-b"))).isEqualTo(UNKNOWN);
  }

  @Test
  void anInfectionTheCriterionExceptsIsPassedOver() {
    ConditionRule otherInfection = new ConditionRule(Set.of("infection"), Set.of("hepatitis-b"), TimeWindow.ACTIVE,
        "an infection other than hepatitis B");
    assertThat(truth(otherInfection, withDiagnoses()
        .infectionResult("HBsAg: Positive", INFECTED, "2026-11-01", "hepatitis-b", "infection"))).isEqualTo(NOT_MET);
  }
}
