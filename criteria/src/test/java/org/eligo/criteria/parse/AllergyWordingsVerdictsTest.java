package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;

import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** Allergies named beside an intolerance or a class of compounds (DECISIONS §35). */
class AllergyWordingsVerdictsTest {
  @Test
  void anAllergyOnRecordMeetsAllergyOrIntolerance() {
    String sentence = "Known allergy or intolerance to eculizumab";
    Facts allergic = adult().allergy("Eculizumab", false, coded("eculizumab"));
    assertThat(exclusion(sentence, allergic)).as("an allergy to eculizumab on record (had been asked)")
        .isEqualTo(Truth.MET);
    Facts treated = adult().medication("Eculizumab", "2025-01-01", "2025-06-01", ExposureStatus.COMPLETED,
        coded("eculizumab"));
    assertThat(exclusion(sentence, treated)).as("took it, tolerance not recorded").isEqualTo(Truth.UNKNOWN);
    Facts neither = adult().allergy("Clarithromycin", false, coded("clarithromycin"))
        .medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE, coded("prednisone"));
    assertThat(exclusion(sentence, neither)).as("another allergy, never on eculizumab").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void compoundsSimilarToADrugAreTheDrugOrAsked() {
    String sentence = "History of allergic reaction to compounds of similar chemical composition to eltrombopag";
    Facts allergic = adult().allergy("Eltrombopag", false, coded("eltrombopag"));
    assertThat(exclusion(sentence, allergic)).as("an allergy to eltrombopag itself (had passed)")
        .isEqualTo(Truth.MET);
    Facts other = adult().allergy("Clarithromycin", false, coded("clarithromycin"));
    assertThat(exclusion(sentence, other)).as("a similar compound is not known").isEqualTo(Truth.UNKNOWN);
  }
}
