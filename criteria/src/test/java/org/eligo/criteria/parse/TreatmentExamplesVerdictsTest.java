package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Prior treatment for AIHA (e.g., corticosteroids, rituximab)": the drugs are examples, not alternatives (§46). */
class TreatmentExamplesVerdictsTest {
  private static final Facts CLL_ITP_AFTER_RITUXIMAB = adult().condition("Chronic lymphocytic leukemia",
      ClinicalStatus.ACTIVE, "2018-01-01", null, coded("chronic-lymphocytic-leukemia"))
      .condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2025-06-01", null,
          coded("secondary-immune-thrombocytopenia"))
      .medication("Rituximab", "2025-11-01", "2025-12-01", ExposureStatus.COMPLETED, coded("rituximab"));

  @Test
  void anExampleDrugGivenForAnotherDiseaseDoesNotMeetTheTreatmentOfThisOne() {
    for (String sentence : List.of("Prior treatment for AIHA (e.g., corticosteroids, rituximab)",
        "At least one prior treatment for AIHA, including rituximab",
        "Autoimmune hemolytic anemia previously treated with at least one therapy such as rituximab or steroids")) {
      assertThat(inclusion(sentence, CLL_ITP_AFTER_RITUXIMAB)).as(sentence + ": rituximab for ITP, no AIHA (had been"
          + " MET)").isEqualTo(Truth.NOT_MET);
    }
    Facts aihaOnPrednisone = adult().condition("Warm autoimmune hemolytic anemia", ClinicalStatus.ACTIVE, "2026-02-01",
        null, coded("warm-autoimmune-hemolytic-anemia")).medication("Prednisone 40 mg", "2026-02-01", null,
        ExposureStatus.ACTIVE, coded("prednisone"));
    assertThat(inclusion("Failed at least one prior therapy for ITP, including corticosteroids or IVIG",
        aihaOnPrednisone)).as("prednisone for AIHA, no ITP (had been MET)").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Prior treatment for AIHA (e.g., corticosteroids, rituximab)", aihaOnPrednisone))
        .as("AIHA treated with prednisone: asked").isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void examplesOfADiseaseStayAlternatives() {
    Facts stroke = adult().condition("Cerebral infarction", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("stroke"));
    assertThat(inclusion("History of thromboembolic event, including stroke or myocardial infarction", stroke))
        .as("a stroke is a thromboembolic event").isNotEqualTo(Truth.NOT_MET);
  }
}
