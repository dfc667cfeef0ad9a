package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A limit that showed a diagnosis (DECISIONS 89): "Confirmed diagnosis of immune-mediated TTP (ADAMTS13 activity &lt;
 * 10%)" is met by the result that made the diagnosis, which may be years old; read as the latest result, a patient in
 * remission, whose ADAMTS13 has recovered, was INELIGIBLE.
 */
class DiagnosticResultVerdictsTest {
  static Facts ittp(double adamts13) {
    return adult().condition("Immune thrombotic thrombocytopenic purpura", ClinicalStatus.ACTIVE, "2022-01-10", null,
        coded("immune-ttp")).lab("adamts13-activity", adamts13, "%", "2026-05-02");
  }

  static Facts noTtp() {
    return adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension")).lab("adamts13-activity", 85, "%", "2026-05-02");
  }

  @Test
  void aLimitThatConfirmedTheDiagnosisDoesNotFailAPatientInRemission() {
    for (String sentence : List.of("Confirmed diagnosis of immune-mediated TTP (ADAMTS13 activity < 10%)",
        "Diagnosis of iTTP, confirmed by ADAMTS13 activity < 10%",
        "Documented diagnosis of immune TTP with ADAMTS13 activity < 10%",
        "Immune TTP confirmed by ADAMTS13 activity < 10%",
        "Patients diagnosed with iTTP based on ADAMTS13 activity < 10%")) {
      assertThat(inclusion(sentence, ittp(72))).as("in remission: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, ittp(4))).as("activity still low: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, noTtp())).as("no TTP: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
    // the remission the trial asks for is itself asked; the ADAMTS13 of the diagnosis no longer fails the patient
    assertThat(inclusion("Diagnosis of iTTP (ADAMTS13 activity < 10%) in clinical remission", ittp(72)))
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void otherDiagnosesConfirmedByAResultAreReadTheSameWay() {
    Facts treatedSaa = adult().condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2021-03-01", null,
        coded("severe-aplastic-anemia")).lab("marrow-cellularity", 40, "%", "2026-04-20");
    assertThat(inclusion("Diagnosis of severe aplastic anemia (bone marrow cellularity < 25%)", treatedSaa))
        .as("cellularity recovered after treatment").isEqualTo(Truth.UNKNOWN);
    Facts pnh = adult().condition("Paroxysmal nocturnal hemoglobinuria", ClinicalStatus.ACTIVE, "2019-01-01", null,
        coded("paroxysmal-nocturnal-hemoglobinuria")).lab("pnh-clone-granulocytes", 6, "%", "2026-05-01");
    assertThat(inclusion("Diagnosis of PNH confirmed by high-sensitivity flow cytometry with a PNH granulocyte clone "
        + "size ≥ 10%", pnh)).as("clone smaller now").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Diagnosis of congenital TTP (ADAMTS13 activity < 10%)", adult().condition("Upshaw-Schulman "
        + "syndrome", ClinicalStatus.ACTIVE, "2001-01-01", null, coded("congenital-ttp"))
        .lab("adamts13-activity", 60, "%", "2026-05-02"))).as("on plasma infusions, activity raised")
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aLimitTheSentencePutsNowIsStillTheLatestResult() {
    for (String sentence : List.of("Diagnosis of iTTP with ADAMTS13 activity < 10% at screening",
        "Diagnosis of iTTP and ADAMTS13 activity < 10%")) {
      assertThat(inclusion(sentence, ittp(72))).as(sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, ittp(4))).as(sentence).isEqualTo(Truth.MET);
    }
    // an acute episode is now: its activity is the latest result's (the episode itself is asked)
    assertThat(inclusion("Diagnosis of acute iTTP with ADAMTS13 activity < 10%", ittp(72))).isEqualTo(Truth.NOT_MET);
    Facts itpHighCount = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("primary-immune-thrombocytopenia")).lab("platelets", 120, "10*9/L", "2026-05-20");
    assertThat(inclusion("Diagnosis of primary ITP with platelet count < 30 × 10^9/L", itpHighCount))
        .isEqualTo(Truth.NOT_MET);
  }
}
