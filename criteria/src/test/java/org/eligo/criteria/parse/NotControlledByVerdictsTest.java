package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Autoimmune cytopenia not controlled by corticosteroids": a failure of the drug, whenever it was given (§46). */
class NotControlledByVerdictsTest {

  @Test
  void aDiseaseThatFailedADrugNoLongerTakenIsAsked() {
    // steroids failed in 2025 and were stopped; rituximab now
    Facts steroidsFailed = adult().condition("Chronic lymphocytic leukemia", ClinicalStatus.ACTIVE, "2019-01-01", null,
        coded("chronic-lymphocytic-leukemia")).condition("Warm autoimmune hemolytic anemia", ClinicalStatus.ACTIVE,
        "2025-01-01", null, coded("warm-autoimmune-hemolytic-anemia"))
        .medication("Prednisone 60 mg", "2025-01-05", "2025-04-01", ExposureStatus.COMPLETED, coded("prednisone"))
        .medication("Rituximab", "2026-05-01", null, ExposureStatus.ACTIVE, coded("rituximab"));
    for (String sentence : List.of("Autoimmune cytopenia not controlled by corticosteroids",
        "Autoimmune hemolytic anemia inadequately controlled with prednisone",
        "AIHA poorly controlled by corticosteroids")) {
      assertThat(exclusion(sentence, steroidsFailed)).as(sentence + ": prednisone stopped in 2025 (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, adult().condition("Chronic lymphocytic leukemia", ClinicalStatus.ACTIVE,
          "2019-01-01", null, coded("chronic-lymphocytic-leukemia")))).as(sentence + ": no autoimmune cytopenia")
          .isEqualTo(Truth.NOT_MET);
    }
  }
}
