package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.only;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.subItems;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * An inclusion heading that defines by its items (DECISIONS 89): "At least 1 thromboembolic event in the past 12
 * months, defined as:" over "Deep vein thrombosis", "Pulmonary embolism", "Stroke" required each item, so a patient with
 * a deep vein thrombosis alone was INELIGIBLE.
 */
class DefinitionHeadingVerdictsTest {
  /** A record listing other diagnoses, procedures and drugs, so that what it lacks is known to be absent. */
  static Facts record() {
    return adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"))
        .procedure("Bone marrow biopsy", "2025-01-01", coded("bone-marrow-biopsy"))
        .medication("Amlodipine 5 mg", "2015-01-01", null, ExposureStatus.ACTIVE);
  }

  @Test
  void oneKindOfWhatTheHeadingDefinesIsNeverFailed() {
    String events = subItems("At least 1 thromboembolic event in the past 12 months, defined as:",
        "Deep vein thrombosis", "Pulmonary embolism", "Stroke");
    Facts dvt = record().condition("Deep vein thrombosis of left leg", ClinicalStatus.ACTIVE, "2026-02-01", null,
        coded("deep-vein-thrombosis"));
    // "At least 1 … event": one item will do (DECISIONS 89, review; had been asked)
    assertThat(only(compiled(events, dvt), events)).as("a DVT alone").isEqualTo(Truth.MET);
    assertThat(only(compiled(events, record()), events)).as("no event").isEqualTo(Truth.NOT_MET);
    Facts oldDvt = record().condition("Deep vein thrombosis of left leg", ClinicalStatus.RESOLVED, "2019-02-01",
        "2019-06-01", coded("deep-vein-thrombosis"));
    assertThat(only(compiled(events, oldDvt), events)).as("the heading's window binds the items")
        .isEqualTo(Truth.NOT_MET);

    String therapies = subItems("Prior ITP-directed therapy, including:", "Corticosteroids", "IVIG", "Rituximab");
    Facts prednisone = record().medication("Prednisone 20 mg", "2024-01-01", "2024-03-01", ExposureStatus.COMPLETED,
        coded("prednisone"));
    // "including:" lists examples: one of them meets it, a record without them is asked (DECISIONS 89, review)
    assertThat(only(compiled(therapies, prednisone), therapies)).as("steroids alone").isEqualTo(Truth.MET);
    assertThat(only(compiled(therapies, record()), therapies)).as("none of them").isEqualTo(Truth.UNKNOWN);

    String complement = subItems("Prior complement inhibitor treatment as defined by:", "Eculizumab for at least 3 "
        + "months", "Ravulizumab for at least 3 months");
    Facts eculizumab = record().medication("Eculizumab 900 mg", "2024-01-01", null, ExposureStatus.ACTIVE,
        coded("eculizumab"));
    assertThat(only(compiled(complement, eculizumab), complement)).as("eculizumab alone").isEqualTo(Truth.UNKNOWN);
    assertThat(only(compiled(complement, record()), complement)).as("neither").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void limitsUnderADefinitionEachStillHold() {
    String organs = subItems("Adequate organ function, defined as:", "ALT ≤ 3 × ULN", "Hemoglobin ≥ 8 g/dL");
    Facts highAlt = record().lab("alt", 200, "U/L", "2026-05-20", 40.0).lab("hemoglobin", 120, "g/L", "2026-05-20");
    assertThat(compiled(organs, highAlt)).containsEntry("inc-1.1", Truth.NOT_MET).containsEntry("inc-1.2", Truth.MET);
  }
}
