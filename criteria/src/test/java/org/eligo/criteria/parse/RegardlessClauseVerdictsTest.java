package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Regardless of X", "irrespective of X": X neither counts nor is required. */
class RegardlessClauseVerdictsTest {

  @Test
  void whatAClauseSaysDoesNotMatterIsNotRequired() {
    Facts itpWithSpleen = adult().condition("Primary immune thrombocytopenia", ClinicalStatus.ACTIVE, "2023-01-01",
            null, coded("primary-immune-thrombocytopenia"))
        .procedure("Bone marrow biopsy", "2023-02-01", coded("bone-marrow-biopsy"));
    assertThat(inclusion("Primary ITP, regardless of prior splenectomy", itpWithSpleen)).as("spleen kept")
        .isEqualTo(Truth.MET);
    Facts pnhNeverTreated = adult().condition("Paroxysmal nocturnal hemoglobinuria", ClinicalStatus.ACTIVE,
            "2023-01-01", null, coded("paroxysmal-nocturnal-hemoglobinuria"))
        .medication("Folic acid", "2023-01-01", null, ExposureStatus.ACTIVE);
    assertThat(inclusion("Patients with PNH irrespective of prior eculizumab treatment", pnhNeverTreated))
        .as("never on eculizumab").isEqualTo(Truth.MET);
  }

  @Test
  void aWindowOrALimitAfterTheClauseStillCounts() {
    Facts oldThrombosis = adult().condition("Deep vein thrombosis", ClinicalStatus.RESOLVED, "2022-01-01",
        "2022-06-01", coded("deep-vein-thrombosis"));
    assertThat(exclusion("Thrombosis regardless of cause within 6 months", oldThrombosis))
        .as("a thrombosis four years ago").isEqualTo(Truth.NOT_MET);
    Facts itpCountHigh = adult().condition("Primary immune thrombocytopenia", ClinicalStatus.ACTIVE, "2023-01-01",
        null, coded("primary-immune-thrombocytopenia")).lab("platelets", 80, "10*9/L", "2026-05-20");
    assertThat(inclusion("Primary ITP regardless of prior therapy with platelet count < 30 × 10^9/L", itpCountHigh))
        .as("a count of 80").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aWindowInsideAClauseWithItsOwnVerbIsTheClauses() {
    Facts splenectomyLongAgo = adult().procedure("Splenectomy", "2020-03-01", coded("splenectomy"));
    assertThat(inclusion("Prior splenectomy regardless of whether vaccines were given within the past 2 weeks",
        splenectomyLongAgo)).as("a splenectomy in 2020").isEqualTo(Truth.MET);
  }
}
