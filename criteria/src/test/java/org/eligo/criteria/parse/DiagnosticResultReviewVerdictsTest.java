package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.DiagnosticResultVerdictsTest.ittp;
import static org.eligo.criteria.parse.DiagnosticResultVerdictsTest.noTtp;
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
 * §89 reviewed: "Pure red cell aplasia (reticulocyte percentage &lt; 1%)", without the word "diagnosis", kept the
 * latest result: a PRCA patient whose reticulocytes recovered on cyclosporine was INELIGIBLE. A test that confirms the
 * disease named right before its bracket is the diagnosis's evidence, as after "diagnosis".
 */
class DiagnosticResultReviewVerdictsTest {
  static Facts prca(double reticulocytePercent, double absolute) {
    return adult().condition("Acquired pure red cell aplasia", ClinicalStatus.ACTIVE, "2023-04-01", null,
        coded("acquired-pure-red-cell-aplasia")).lab("reticulocyte-percent", reticulocytePercent, "%", "2026-05-10")
        .lab("arc", absolute, "10*9/L", "2026-05-10").lab("hemoglobin", 118, "g/L", "2026-05-10");
  }

  static Facts noPrca() {
    return adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension")).lab("reticulocyte-percent", 0.5, "%", "2026-05-10")
        .lab("arc", 8, "10*9/L", "2026-05-10");
  }

  @Test
  void theTestThatConfirmedADiseaseInBracketsDoesNotFailATreatedPatient() {
    for (String sentence : List.of("Pure red cell aplasia (reticulocyte percentage < 1%)",
        "Acquired PRCA (absolute reticulocyte count < 10 x 10^9/L)",
        "Primary pure red cell aplasia (reticulocyte count < 20 x 10^9/L)")) {
      assertThat(inclusion(sentence, prca(1.8, 45))).as("recovered on cyclosporine: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, prca(0.2, 5))).as("still reticulocytopenic: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, noPrca())).as("no PRCA: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Immune TTP (ADAMTS13 activity < 10%)", ittp(72))).as("iTTP in remission")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Immune TTP (ADAMTS13 activity < 10%)", noTtp())).isEqualTo(Truth.NOT_MET);
    Facts treatedAa = adult().condition("Aplastic anemia", ClinicalStatus.ACTIVE, "2021-03-01", null,
        coded("aplastic-anemia")).lab("marrow-cellularity", 45, "%", "2026-04-20");
    assertThat(inclusion("Aplastic anemia (bone marrow cellularity < 30%)", treatedAa)).isEqualTo(Truth.UNKNOWN);
    // in the exclusion list the recovered patient is asked, not let through as if the disease were gone
    assertThat(exclusion("Pure red cell aplasia (reticulocyte percentage < 1%)", prca(1.8, 45)))
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aCountTheTrialAsksNowOrAnotherMeasureStaysTheLatestResult() {
    assertThat(inclusion("PRCA (reticulocyte percentage < 1% at screening)", prca(1.8, 45))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Active PRCA (reticulocyte percentage < 1%)", prca(1.8, 45))).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Pure red cell aplasia (hemoglobin < 10 g/dL)", prca(1.8, 45))).isEqualTo(Truth.NOT_MET);
    Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("primary-immune-thrombocytopenia")).lab("platelets", 120, "10*9/L", "2026-05-20");
    assertThat(inclusion("ITP (platelet count < 30 × 10^9/L)", itp)).as("§34").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aCountAfterTheCriteriaOfTheDiagnosisIsTheCountNow() {
    Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("primary-immune-thrombocytopenia")).lab("platelets", 120, "10*9/L", "2026-05-20");
    for (String sentence : List.of(
        "Diagnosis of primary ITP according to the International Working Group criteria, with a platelet count < 30 "
            + "x 10^9/L",
        "Confirmed diagnosis of ITP for at least 6 months with a platelet count < 30 x 10^9/L",
        "Diagnosis of ITP consistent with ASH guidelines with platelet count < 30 x 10^9/L")) {
      assertThat(inclusion(sentence, itp)).as("a count of 120 (had been asked): %s", sentence)
          .isEqualTo(Truth.NOT_MET);
    }
    Facts aiha = adult().condition("Warm autoimmune hemolytic anemia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("warm-autoimmune-hemolytic-anemia")).lab("hemoglobin", 131, "g/L", "2026-05-20");
    assertThat(inclusion("Diagnosis of wAIHA confirmed by a positive direct antiglobulin test, with hemoglobin < 10 "
        + "g/dL", aiha)).as("a hemoglobin of 13.1 (had been asked)").isEqualTo(Truth.NOT_MET);
    // the test that confirms the disease stays its evidence after the criteria too
    assertThat(inclusion("Diagnosis of iTTP according to the 2020 ISTH guidelines, with ADAMTS13 activity < 10%",
        ittp(72))).as("iTTP in remission").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aWordOfThePastWithoutASpanPutsTheLimitAtTheDiagnosis() {
    for (String sentence : List.of("Confirmed diagnosis of immune TTP (ADAMTS13 activity < 10%) prior to screening",
        "Previous diagnosis of iTTP confirmed by ADAMTS13 activity < 10%",
        "Diagnosis of iTTP before enrollment, documented by ADAMTS13 activity < 10%")) {
      assertThat(inclusion(sentence, ittp(72))).as("in remission (had been failed): %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, noTtp())).as("no TTP: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
    // with a span it is a window: the latest result
    assertThat(inclusion("Diagnosis of iTTP confirmed by ADAMTS13 activity < 10% in the past 3 months", ittp(72)))
        .isEqualTo(Truth.NOT_MET);
  }
}
