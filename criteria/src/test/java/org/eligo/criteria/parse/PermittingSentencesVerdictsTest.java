package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Sentences that permit, or make a condition, read as permissions and conditions, never as requirements of what they
 * name (DECISIONS §55).
 */
class PermittingSentencesVerdictsTest {
  /** A man of 56 on a statin only: his medication list is there, and holds none of the drugs the sentences name. */
  private static Facts onAStatinOnly() {
    return adult().medication("Atorvastatin 20 mg", "2020-01-01", null, ExposureStatus.ACTIVE);
  }

  private static Facts on(String text, String concept) {
    return adult().medication(text, "2025-01-01", null, ExposureStatus.ACTIVE, coded(concept));
  }

  @Test
  void whatPatientsOnADrugMayContinueIsNeverRequiredWhateverTheyContinue() {
    for (String sentence : List.of("Patients on ibrutinib may continue the study drug",
        "Patients on ibrutinib may continue in the study", "Participants on eltrombopag may continue on study",
        "Subjects taking aspirin may continue to take it", "Patients who take aspirin may continue taking it",
        "Patients currently receiving danazol may continue treatment throughout the study",
        "Subjects treated with hydroxyurea may continue to receive hydroxyurea",
        "Patients receiving hydroxyurea may continue their medication during the study",
        "Patients on danazol may continue study participation")) {
      assertThat(inclusion(sentence, onAStatinOnly())).as(sentence + ": never on the drug (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, on("Ibrutinib 420 mg", "ibrutinib"))).as(sentence + ", in the exclusion list")
          .isNotEqualTo(Truth.MET);
    }
    // the grant's own requirement stays one
    Facts warfarinHighInr = on("Warfarin 5 mg", "warfarin").lab("inr", 3.6, "{INR}", "2026-05-20");
    assertThat(inclusion("Patients on warfarin may continue the study drug but must have INR < 3", warfarinHighInr))
        .as("on warfarin, INR 3.6").isNotEqualTo(Truth.MET);
  }

  @Test
  void whatAGroupMayAlsoHaveIsNeverRequiredNorIsTheGroup() {
    Facts itpOnly = onAStatinOnly().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2020-01-01", null,
        coded("immune-thrombocytopenia"));
    Facts aplasticOnly = onAStatinOnly().condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("severe-aplastic-anemia"));
    for (String sentence : List.of("Patients with ITP may also have hypertension",
        "Patients with ITP may have received prior rituximab", "Patients with ITP may be on concomitant corticosteroids",
        "Patients with ITP can also have hypothyroidism", "Patients with ITP may have had a splenectomy")) {
      assertThat(inclusion(sentence, itpOnly)).as(sentence + ": ITP, nothing the grant names (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("Subjects with aplastic anemia may have concurrent PNH clone",
        "Subjects with SAA may have had prior ATG")) {
      assertThat(inclusion(sentence, aplasticOnly)).as(sentence + ": aplastic anaemia only (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Patients with HIV may also have hepatitis B", adult().condition("Chronic hepatitis B",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hepatitis-b")).condition("HIV infection",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hiv-infection")))).as("a grant excludes no one")
        .isNotEqualTo(Truth.MET);
    // a condition on what is granted still asks the patient it concerns, and passes the one it does not
    String conditional = "Patients with ITP may have received rituximab if completed at least 6 months before screening";
    assertThat(inclusion(conditional, itpOnly)).as("never given rituximab").isEqualTo(Truth.MET);
    assertThat(inclusion(conditional, itpOnly.medication("Rituximab", "2026-04-01", "2026-04-22",
        ExposureStatus.COMPLETED, coded("rituximab")))).as("given rituximab: asked").isEqualTo(Truth.UNKNOWN);
  }
}
