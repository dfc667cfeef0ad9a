package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** The review of §91: readings that dropped an exception, a group or a group's own limit. */
class Decisions91ReviewVerdictsTest {

  private static Facts counts(double anc, double platelets, double hemoglobinGL) {
    return adult().lab("anc", anc, "10*9/L", "2026-05-20").lab("platelets", platelets, "10*9/L", "2026-05-20")
        .lab("hemoglobin", hemoglobinGL, "g/L", "2026-05-20");
  }

  @Test
  void limitsWithinBoundsWhoseLeadQualifiesThemAreNeverHeldOnEveryone() {
    // the lead names an exception or a group: read as all the limits, it was dropped and the patient failed
    for (String sentence : List.of(
        "Laboratory values within the following ranges for patients without marrow involvement: ANC ≥ 1.0 × 10^9/L; "
            + "platelets ≥ 75 × 10^9/L",
        "Hematologic function within the following limits, unless due to bone marrow infiltration: ANC ≥ 1.0 × 10^9/L;"
            + " platelets ≥ 75 × 10^9/L",
        "Hematology values within the following ranges, for participants with no leukemic marrow infiltration: ANC "
            + "≥ 1.0 × 10^9/L; platelets ≥ 75 × 10^9/L",
        "Adequate bone marrow function without growth factor support within the following limits: ANC ≥ 1.0 × "
            + "10^9/L; platelets ≥ 75 × 10^9/L")) {
      assertThat(inclusion(sentence, counts(0.8, 100, 120))).as(sentence + ": ANC 0.8 (was NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of(
        "Adequate organ function within the following limits, unless due to Gilbert's syndrome: total bilirubin ≤ "
            + "1.5 × ULN; ALT ≤ 3 × ULN",
        "Liver function within the following ranges (except for patients with Gilbert syndrome): total bilirubin "
            + "≤ 1.5 × ULN; AST ≤ 2.5 × ULN")) {
      Facts gilbert = adult().lab("bilirubin-total", 2.8, "mg/dL", "2026-05-20", 1.2)
          .lab("alt", 20, "U/L", "2026-05-20", 56.0).lab("ast", 20, "U/L", "2026-05-20", 40.0);
      assertThat(inclusion(sentence, gilbert)).as(sentence + ": bilirubin 2.8 mg/dL, 2.3 × ULN (was NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aStricterSecondLimitInTheInclusionListBindsItsGroup() {
    Facts anticoagulated = adult().medication("Apixaban", "2025-01-01", null, ExposureStatus.ACTIVE, coded("apixaban"))
        .lab("platelets", 60, "10*9/L", "2026-05-20").lab("anc", 1.2, "10*9/L", "2026-05-20");
    Facts aspirinOnly = adult().medication("Aspirin", "2025-01-01", null, ExposureStatus.ACTIVE, coded("aspirin"))
        .lab("platelets", 60, "10*9/L", "2026-05-20").lab("anc", 1.2, "10*9/L", "2026-05-20");
    for (String sentence : List.of(
        "Platelets ≥ 50 × 10^9/L, or ≥ 100 × 10^9/L for patients receiving anticoagulation",
        "Platelet count ≥ 50 × 10^9/L or ≥ 80 × 10^9/L if on anticoagulant therapy",
        "Platelet count of at least 50 × 10^9/L, or at least 100 × 10^9/L in patients taking anticoagulants")) {
      assertThat(inclusion(sentence, anticoagulated)).as(sentence + ": at 60 on apixaban (was MET)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, aspirinOnly)).as(sentence + ": at 60, no anticoagulant").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adult().lab("platelets", 60, "10*9/L", "2026-05-20")))
          .as(sentence + ": at 60, no medication list").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, adult().lab("platelets", 40, "10*9/L", "2026-05-20")))
          .as(sentence + ": at 40").isEqualTo(Truth.NOT_MET);
    }
    // a group the record cannot name: asked between the limits, never failed there
    assertThat(inclusion("ANC ≥ 1.0 × 10^9/L, or ≥ 1.5 × 10^9/L in patients with a history of febrile neutropenia",
        adult().lab("anc", 1.2, "10*9/L", "2026-05-20"))).isNotEqualTo(Truth.NOT_MET);
    // a stable dose the record cannot show: asked, never taken from the drug alone
    assertThat(inclusion("Platelets ≥ 50 × 10^9/L, or ≥ 100 × 10^9/L if on a stable dose of anticoagulation",
        anticoagulated)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aNewbornIsNoInfantByEveryUsageSoTheInfantsLimitIsAskedOfHer() {
    // the FDA's infants begin at 1 month (its neonates: birth to under 1 month); ICH E11 calls the first 27 days
    // "newborn infants": the first month is asked, never held to the infants' limit
    for (String sentence : List.of("Infants must weigh at least 5 kg", "Infants must have a body weight ≥ 4 kg",
        "Infants should have a body weight of at least 4.5 kg")) {
      Facts newborn = Facts.patient("p").born("2026-05-20").lab("body-weight", 3.2, "kg", "2026-05-28");
      assertThat(inclusion(sentence, newborn)).as(sentence + ": a girl of 12 days at 3.2 kg (was NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
      Facts baby = Facts.patient("p").born("2026-01-01").lab("body-weight", 3.2, "kg", "2026-05-28");
      assertThat(inclusion(sentence, baby)).as(sentence + ": a girl of 5 months at 3.2 kg").isEqualTo(Truth.NOT_MET);
      Facts child = Facts.patient("p").born("2020-01-01").lab("body-weight", 3.2, "kg", "2026-05-28");
      assertThat(inclusion(sentence, child)).as(sentence + ": a child of 6").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aBareSecondNumberOfAnotherScaleIsNeverReadInTheFirstLimitsUnit() {
    Facts myeloma = adult().condition("Multiple myeloma", org.eligo.core.patient.ClinicalStatus.ACTIVE, "2024-01-01",
        null, coded("multiple-myeloma")).lab("anc", 0.5, "10*9/L", "2026-05-20")
        .lab("platelets", 30, "10*9/L", "2026-05-20");
    for (String sentence : List.of("ANC ≥ 1500/µL, or ≥ 1.0 in patients with multiple myeloma",
        "Absolute neutrophil count ≥ 1000/mm3, or ≥ 0.75 for patients with multiple myeloma",
        "Platelets ≥ 100000/µL, or ≥ 50 in patients with multiple myeloma")) {
      assertThat(inclusion(sentence, myeloma)).as(sentence + ": ANC 0.5, platelets 30 (was MET: 1.0/µL)")
          .isNotEqualTo(Truth.MET);
    }
  }
}
