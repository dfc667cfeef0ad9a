package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
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
}
