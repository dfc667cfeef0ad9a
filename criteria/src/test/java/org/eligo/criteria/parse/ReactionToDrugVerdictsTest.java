package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.Map;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A reaction to a drug or a transfusion is the allergy on record, or the drug (transfusion) given and the reaction
 * asked: never the exposure alone (DECISIONS §102).
 */
class ReactionToDrugVerdictsTest {

  /** Sentences as registries write them, with the drug each names. */
  private static final Map<String, String> DRUG_REACTIONS = Map.of(
      "Prior reaction to prothrombin complex concentrate", "prothrombin-complex-concentrate",
      "Previous reaction to rituximab", "rituximab",
      "Known reaction to eculizumab", "eculizumab",
      "Documented reaction to romiplostim", "romiplostim",
      "History of reactions to any prior treatment with rituximab", "rituximab",
      "Patients who have reacted to rituximab", "rituximab",
      "Allergic or other reaction to eltrombopag", "eltrombopag",
      "Idiosyncratic reaction to cyclosporine", "cyclosporine",
      "Patients who have reacted adversely to ATG", "antithymocyte-globulin");

  private static Facts given(String concept) {
    return adult().medication("Given once", "2025-01-10", "2025-01-10", ExposureStatus.COMPLETED, coded(concept));
  }

  private static Facts allergic(String concept) {
    return adult().allergy("Allergy on record", false, coded(concept))
        .medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE, coded("prednisone"));
  }

  private static Facts neither() {
    return adult().allergy("Clarithromycin", false, coded("clarithromycin"))
        .medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE, coded("prednisone"));
  }

  @Test
  void aDrugGivenWithoutAReactionNeverExcludes() {
    // read as "took X at any time", a patient given PCC once without any reaction was excluded
    DRUG_REACTIONS.forEach((sentence, drug) -> {
      assertThat(exclusion(sentence, given(drug))).as(sentence + ": given, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, allergic(drug))).as(sentence + ": an allergy to it on record")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, neither())).as(sentence + ": never given, no allergy to it")
          .isEqualTo(Truth.NOT_MET);
    });
  }

  @Test
  void noReactionInTheInclusionListIsAskedOfThoseGivenTheDrug() {
    for (String sentence : new String[] {"No prior reaction to eltrombopag",
        "Must not have had a reaction to eltrombopag", "No known or documented reactions to eltrombopag"}) {
      assertThat(inclusion(sentence, given("eltrombopag"))).as(sentence + ": given, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, allergic("eltrombopag"))).as(sentence + ": allergy on record")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, neither())).as(sentence + ": never given").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aTransfusionReactionIsAskedNotTheTransfusion() {
    Facts transfused = adult().procedure("Red blood cell transfusion", "2025-03-01", coded("red-cell-transfusion"));
    for (String sentence : new String[] {"History of transfusion reaction", "Reaction to previous transfusion",
        "Previous reactions to platelet transfusions", "History of transfusion-related reactions",
        "Reactions to blood products", "Serious adverse reactions to blood product transfusions"}) {
      // read as "had blood transfusion", every transfused patient was excluded
      assertThat(exclusion(sentence, transfused)).as(sentence + ": transfused, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("No history of transfusion reactions", transfused)).isEqualTo(Truth.UNKNOWN);
    Facts neverTransfused = adult().procedure("Splenectomy", "2019-05-01", coded("splenectomy"));
    assertThat(exclusion("History of transfusion reaction", neverTransfused)).as("never transfused")
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("No history of transfusion reactions", neverTransfused)).as("never transfused")
        .isEqualTo(Truth.MET);
  }

  @Test
  void anAllergyOnRecordIsNoReactionInsideAWindowItCannotDate() {
    // an allergy carries no date: read as the reaction, "within 6 months" excluded a patient allergic for years
    Map<String, String> windowed = Map.of(
        "Infusion reaction to rituximab within 6 months", "rituximab",
        "Patients who reacted to ATG in the past 12 months", "antithymocyte-globulin",
        "Adverse reaction to eltrombopag within the last 3 months", "eltrombopag",
        "History of reaction to cyclosporine during the past year", "cyclosporine",
        "Within 6 months before enrollment, any reaction to romiplostim", "romiplostim");
    windowed.forEach((sentence, drug) -> {
      assertThat(exclusion(sentence, allergic(drug))).as(sentence + ": an undated allergy to it on record")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, given(drug))).as(sentence + ": given, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, neither())).as(sentence + ": never given, no allergy to it")
          .isEqualTo(Truth.NOT_MET);
    });
    for (String sentence : new String[] {"No infusion reaction to rituximab in the last 6 months",
        "No reaction to rituximab within 12 weeks of screening"}) {
      assertThat(inclusion(sentence, allergic("rituximab"))).as(sentence + ": an undated allergy on record")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, neither())).as(sentence + ": never given").isEqualTo(Truth.MET);
    }
    // without a window the allergy on record still is the reaction
    assertThat(exclusion("Prior reaction to rituximab", allergic("rituximab"))).isEqualTo(Truth.MET);
  }

  @Test
  void aDrugOrBloodComponentListedWithBloodProductsIsTheReactionNotTheExposure() {
    // the drug after "blood products or" was left to be read as the drug taken: every patient given IVIG excluded
    Facts onIvig = adult().medication("IVIG 1 g/kg", "2026-05-20", null, ExposureStatus.ACTIVE, coded("ivig"));
    for (String sentence : new String[] {"History of reaction to platelet transfusions or IVIG",
        "Reaction to blood products or IVIG", "Prior reactions to blood products, platelets or IVIG"}) {
      assertThat(exclusion(sentence, given("ivig"))).as(sentence + ": given IVIG, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, onIvig)).as(sentence + ": on IVIG now, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, allergic("ivig"))).as(sentence + ": an allergy to IVIG on record")
          .isEqualTo(Truth.MET);
    }
    assertThat(inclusion("No prior reaction to blood products or IVIG", given("ivig"))).as("given IVIG")
        .isEqualTo(Truth.UNKNOWN);
    // a component named alone was read as the transfusion: every transfused patient excluded
    Facts transfused = adult().procedure("Red blood cell transfusion", "2025-03-01", coded("red-cell-transfusion"));
    for (String sentence : new String[] {"Patients who have had a reaction to packed red blood cells",
        "History of reaction to PRBCs", "Prior reaction to fresh frozen plasma or cryoprecipitate"}) {
      assertThat(exclusion(sentence, transfused)).as(sentence + ": transfused, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("No known reaction to packed red blood cells", transfused)).as("transfused")
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aReactionToAProcedureOrVaccineIsAskedOfThoseWhoHadIt() {
    // read as the procedure or the vaccine, every patient who had it was excluded
    Facts exchanged = adult().procedure("Therapeutic plasma exchange", "2024-02-01", coded("plasma-exchange"));
    for (String sentence : new String[] {"Reaction to plasma exchange", "Prior reaction to plasmapheresis",
        "Reaction to rituximab or plasma exchange"}) {
      assertThat(exclusion(sentence, exchanged)).as(sentence + ": had plasma exchange, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
    }
    Facts vaccinated = adult().immunization("Influenza vaccine", "2025-10-01", coded("influenza-vaccine"));
    for (String sentence : new String[] {"History of reaction to influenza vaccination",
        "Reaction to influenza vaccine within 6 weeks", "Previous adverse reaction to the influenza vaccine"}) {
      assertThat(exclusion(sentence, vaccinated)).as(sentence + ": vaccinated, no reaction recorded")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("No history of reaction to influenza vaccine", vaccinated)).as("vaccinated")
        .isEqualTo(Truth.UNKNOWN);
  }
}
