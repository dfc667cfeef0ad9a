package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** Lab limits that are not the latest result: beside a disease, at its diagnosis, or an average of results. */
class LimitMomentVerdictsTest {

  @Test
  void aLimitInParenthesesAfterADiseaseNeedsTheDiseaseToo() {
    Facts aplasticAnemia = adult().condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
            coded("severe-aplastic-anemia"))
        .lab("platelets", 20, "10*9/L", "2026-05-20");
    assertThat(exclusion("ITP (platelet count < 30 × 10^9/L)", aplasticAnemia))
        .as("a low count without ITP").isEqualTo(Truth.NOT_MET);
    Facts itp = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2024-01-01", null,
            coded("immune-thrombocytopenia"))
        .lab("platelets", 20, "10*9/L", "2026-05-20");
    assertThat(exclusion("ITP (platelet count < 30 × 10^9/L)", itp)).isEqualTo(Truth.MET);
    assertThat(exclusion("Paroxysmal nocturnal hemoglobinuria (PNH) clone ≥ 50%",
        adult().lab("pnh-clone-granulocytes", 60, "%", "2026-05-20"))).as("one name").isEqualTo(Truth.MET);
  }

  @Test
  void aLimitAtDiagnosisOrPresentationIsNotTheLatestResult() {
    Facts inRemission = adult().condition("Immune thrombotic thrombocytopenic purpura", ClinicalStatus.ACTIVE,
            "2024-01-01", null, coded("immune-ttp"))
        .lab("adamts13-activity", 70, "%", "2026-05-20");
    assertThat(inclusion("Diagnosis of immune TTP (ADAMTS13 activity < 10% at presentation)", inRemission))
        .as("ADAMTS13 recovered since").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count < 30 × 10^9/L at initial diagnosis",
        adult().lab("platelets", 80, "10*9/L", "2026-05-20"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count of ≥ 50 × 10^9/L at the time of screening",
        adult().lab("platelets", 80, "10*9/L", "2026-05-20"))).as("screening is now").isEqualTo(Truth.MET);
  }

  @Test
  void aMeanOfResultsInTheInclusionListIsAskedNotTheLatest() {
    Facts latestAbove = adult().lab("platelets", 33, "10*9/L", "2026-05-20");
    assertThat(inclusion("Mean platelet count of < 30 × 10^9/L from 2 counts taken at least 7 days apart",
        latestAbove)).as("25 and 33 average 29").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Mean hemoglobin < 10 g/dL despite treatment with a C5 inhibitor",
        adult().lab("hemoglobin", 105, "g/L", "2026-05-20"))).isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion("Platelet count < 30 × 10^9/L", latestAbove)).as("the latest").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aLimitThatDefinesTheDiseaseIsReadAlone() {
    Facts lowFiltrationUncoded = adult().lab("egfr", 45, "mL/min/{1.73_m2}", "2026-05-20");
    assertThat(inclusion("Chronic kidney disease (eGFR < 60 mL/min/1.73 m2)", lowFiltrationUncoded))
        .as("an eGFR of 45, no CKD coded").isEqualTo(Truth.MET);
    Facts highPressureUncoded = adult().lab("systolic-blood-pressure", 172, "mm[Hg]", "2026-05-20");
    assertThat(exclusion("Hypertension (systolic blood pressure ≥ 160 mmHg)", highPressureUncoded))
        .as("a pressure of 172, no hypertension coded").isEqualTo(Truth.MET);
    Facts pairAboveUncoded = adult().lab("systolic-blood-pressure", 170, "mm[Hg]", "2026-05-20")
        .lab("diastolic-blood-pressure", 100, "mm[Hg]", "2026-05-20");
    assertThat(exclusion("Hypertension (blood pressure ≥ 150/90 mmHg)", pairAboveUncoded))
        .as("170/100, no hypertension coded").isEqualTo(Truth.MET);
  }
}
