package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** "Patients on ibrutinib may continue": a grant to those on the drug, never the drug required (§46). */
class GroupMayContinueVerdictsTest {
  private static Facts on(String text, String concept) {
    return adult().medication(text, "2025-01-01", null, ExposureStatus.ACTIVE, coded(concept));
  }

  @Test
  void whatPatientsOnADrugMayContinueIsNotRequired() {
    Facts statinOnly = adult().medication("Atorvastatin 20 mg", "2020-01-01", null, ExposureStatus.ACTIVE);
    for (String sentence : List.of("Patients on ibrutinib may continue",
        "Patients receiving hydroxyurea may continue at a stable dose", "Subjects already on iron chelation may continue",
        "Patients currently on deferasirox may remain on it", "Patients on iron chelation therapy are allowed to continue",
        "Participants taking prednisone ≤ 10 mg/day can continue",
        "Patients on hydroxyurea may continue if on a stable dose for at least 3 months")) {
      assertThat(inclusion(sentence, statinOnly)).as(sentence + ": never on the drug (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Patients on ibrutinib may continue", on("Ibrutinib 420 mg", "ibrutinib")))
        .as("on ibrutinib, in the exclusion list").isNotEqualTo(Truth.MET);
  }

  @Test
  void aRequirementAfterTheGrantStaysARequirementOfTheGroup() {
    String sentence = "Patients on warfarin may continue but must have INR < 3";
    Facts warfarinHighInr = on("Warfarin 5 mg", "warfarin").lab("inr", 3.6, "{INR}", "2026-05-20");
    assertThat(inclusion(sentence, warfarinHighInr)).as("on warfarin, INR 3.6").isNotEqualTo(Truth.MET);
    assertThat(inclusion(sentence, on("Hydroxyurea", "hydroxyurea"))).as("not on warfarin").isEqualTo(Truth.MET);
  }
}
