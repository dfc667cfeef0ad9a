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

/** "No prior rituximab and eltrombopag", "Not receiving A and B": neither is allowed (DECISIONS §35). */
class DeniedNamesVerdictsTest {
  private static Facts on(String text, String concept) {
    return adult().medication(text, "2026-03-01", null, ExposureStatus.ACTIVE, coded(concept));
  }

  @Test
  void aDenialOfNamesJoinedByAndDeniesEachOfThem() {
    for (String sentence : List.of("Not receiving anticoagulants and antiplatelet agents",
        "Not receiving anticoagulants, antiplatelet agents and NSAIDs", "No current warfarin and aspirin use")) {
      assertThat(inclusion(sentence, on("Warfarin 5 mg", "warfarin"))).as(sentence + ": warfarin alone (had been MET)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, on("Prednisone 10 mg", "prednisone"))).as(sentence + ": neither")
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("No prior rituximab and eltrombopag", "No prior rituximab and/or eltrombopag",
        "Without prior rituximab and eltrombopag", "Patients must not have received rituximab and eltrombopag")) {
      assertThat(inclusion(sentence, on("Eltrombopag 50 mg", "eltrombopag")))
          .as(sentence + ": eltrombopag alone (had been MET)").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, on("Prednisone 10 mg", "prednisone"))).as(sentence + ": neither")
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void denialsEachWithItsOwnNoAreEachRequired() {
    Facts eltrombopag = on("Eltrombopag 50 mg", "eltrombopag");
    Facts prednisone = on("Prednisone 10 mg", "prednisone");
    for (String sentence : List.of("No prior rituximab and no prior eltrombopag",
        "No prior rituximab, and no prior eltrombopag", "No prior rituximab; no prior eltrombopag",
        "No prior ATG, no prior rituximab and no prior eltrombopag")) {
      assertThat(inclusion(sentence, eltrombopag)).as(sentence + ": on eltrombopag (had been asked)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, prednisone)).as(sentence + ": on neither (had been asked)")
          .isEqualTo(Truth.MET);
    }
    Facts splenectomy = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("immune-thrombocytopenia")).procedure("Splenectomy", "2026-05-01", coded("splenectomy"));
    assertThat(inclusion("No prior eltrombopag and no prior splenectomy", splenectomy))
        .as("a drug and a procedure denied, the procedure done").isEqualTo(Truth.NOT_MET);
    // a part that is not read in full keeps the sentence a question
    assertThat(inclusion("No more than 2 prior therapies and no prior eltrombopag", prednisone))
        .as("a count of therapies is not read").isEqualTo(Truth.UNKNOWN);
    // in the exclusion list the sentence is a slip of the registry: asked, never read
    assertThat(exclusion("No prior rituximab and no prior eltrombopag", prednisone)).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aTimeOrAnExceptionAfterTheLastDenialMayBindTheDenialsBeforeIt() {
    Facts transfusedTwoMonthsAgo = on("Hydroxyurea 500 mg", "hydroxyurea").procedure("Red cell transfusion",
        "2026-04-01", coded("red-cell-transfusion"));
    Facts transfusedLastWeek = on("Hydroxyurea 500 mg", "hydroxyurea").procedure("Red cell transfusion",
        "2026-05-25", coded("red-cell-transfusion"));
    Facts neither = on("Hydroxyurea 500 mg", "hydroxyurea").procedure("Bone marrow biopsy", "2025-01-01",
        coded("bone-marrow-biopsy"));
    for (String sentence : List.of("No transfusion and no IVIG within 2 weeks before the first dose",
        "No red cell transfusion, and no IVIG in the last 14 days", "No transfusion; no IVIG within 4 weeks of screening",
        "No transfusion and no IVIG within the past 30 days")) {
      assertThat(inclusion(sentence, transfusedTwoMonthsAgo))
          .as(sentence + ": transfused before the time, asked (had been NOT_MET)").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, transfusedLastWeek)).as(sentence + ": transfused within the time")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, neither)).as(sentence + ": neither").isEqualTo(Truth.MET);
    }
    Facts splenectomy = neither.procedure("Splenectomy", "2019-05-01", coded("splenectomy"));
    for (String sentence : List.of("No splenectomy and no rituximab within the last 6 months",
        "No splenectomy, and no rituximab within 6 months")) {
      assertThat(inclusion(sentence, splenectomy)).as(sentence + ": splenectomy 7 years ago, asked")
          .isEqualTo(Truth.UNKNOWN);
    }
    Facts rituximabLastYear = adult().medication("Rituximab 375 mg/m2", "2025-01-01", "2025-02-01",
        ExposureStatus.COMPLETED, coded("rituximab"));
    for (String sentence : List.of("No prior rituximab and no prior eltrombopag unless discontinued at least 6 months "
        + "before", "No prior rituximab and no prior eltrombopag, except in the context of a clinical trial",
        "No prior rituximab and no prior eltrombopag unless approved by the sponsor")) {
      assertThat(inclusion(sentence, rituximabLastYear)).as(sentence + ": the exception may reach rituximab")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, on("Prednisone 10 mg", "prednisone"))).as(sentence + ": on neither")
          .isEqualTo(Truth.MET);
    }
    // a denial with a time of its own keeps it; one with nothing after the last keeps its reading
    assertThat(inclusion("No current corticosteroids and no IVIG within 4 weeks", on("Prednisone 10 mg", "prednisone")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("No prior rituximab and no prior eltrombopag", rituximabLastYear)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aPeriodOfTheTrialAfterTheLastDenialMayBindTheDenialsBeforeIt() {
    Facts transfusedTwoMonthsAgo = on("Hydroxyurea 500 mg", "hydroxyurea").procedure("Red cell transfusion",
        "2026-04-01", coded("red-cell-transfusion"));
    for (String sentence : List.of("No transfusion and no IVIG during screening",
        "No platelet or red cell transfusion and no IVIG during the screening period",
        "No transfusion, and no IVIG throughout the study")) {
      assertThat(inclusion(sentence, transfusedTwoMonthsAgo)).as(sentence + ": transfused before it (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aClauseOfAnotherKindAfterASemicolonIsNotReadInsideTheLastDenial() {
    Facts child = Facts.patient("c").born("2012-01-01").sex(org.eligo.core.patient.Sex.FEMALE)
        .medication("Hydroxyurea 500 mg", "2025-01-01", null, ExposureStatus.ACTIVE, coded("hydroxyurea"))
        .condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2025-01-01", null,
            coded("immune-thrombocytopenia"));
    for (String sentence : List.of("No prior rituximab and no prior eltrombopag; age 18 or older",
        "No prior rituximab; no prior eltrombopag; age ≥ 18 years", "No HIV and no hepatitis B; age 18 years or older")) {
      assertThat(inclusion(sentence, child)).as(sentence + ": a child is never met (had been MET)")
          .isNotEqualTo(Truth.MET);
    }
  }

  /** An adult on hydroxyurea with hypertension and a marrow biopsy: lists that hold nothing the sentences deny. */
  private static Facts adultOnHydroxyurea() {
    return on("Hydroxyurea 500 mg", "hydroxyurea").procedure("Bone marrow biopsy", "2025-01-01",
        coded("bone-marrow-biopsy")).condition("Hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension"));
  }

  @Test
  void anAgeOrAPerformanceStatusAfterADenialIsRequiredNeverDenied() {
    Facts child = Facts.patient("c").born("2016-01-01").sex(org.eligo.core.patient.Sex.FEMALE)
        .medication("Hydroxyurea 500 mg", "2025-01-01", null, ExposureStatus.ACTIVE, coded("hydroxyurea"))
        .procedure("Bone marrow biopsy", "2025-01-01", coded("bone-marrow-biopsy"))
        .condition("Hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"));
    for (String sentence : List.of("No prior eltrombopag, age 18 or older", "No prior HSCT, age 18 to 65 years",
        "No prior rituximab and no prior eltrombopag, age 18 or older", "No HIV and no hepatitis B, age 18 or older",
        "No prior splenectomy, aged 18 or over")) {
      assertThat(inclusion(sentence, adultOnHydroxyurea())).as(sentence + ": an adult without any (had been NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, child)).as(sentence + ": a child").isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("No prior eltrombopag, age 18 or older", on("Eltrombopag 50 mg", "eltrombopag")))
        .as("an adult on eltrombopag").isEqualTo(Truth.NOT_MET);
    for (String sentence : List.of("No prior HSCT; ECOG 0-2", "No prior HSCT, no prior ATG; ECOG 0-2",
        "No prior rituximab, ECOG performance status ≤ 2")) {
      assertThat(inclusion(sentence, adultOnHydroxyurea().lab("ecog", 3, "{score}", "2026-05-20")))
          .as(sentence + ": ECOG 3 (had been MET or asked)").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adultOnHydroxyurea().lab("ecog", 1, "{score}", "2026-05-20")))
          .as(sentence + ": ECOG 1, none of them").isEqualTo(Truth.MET);
    }
    // a lab limit after a comma may be what the denial means ("No severe neutropenia, ANC < 500"): asked, never denied
    java.util.function.Supplier<Facts> platelets80 = () -> adultOnHydroxyurea().lab("platelets", 80, "10*9/L",
        "2026-05-25");
    for (String sentence : List.of("No active infection, platelet count ≥ 30 x 10^9/L",
        "No prior splenectomy, platelets ≥ 50 x 10^9/L")) {
      assertThat(inclusion(sentence, platelets80.get())).as(sentence + ": platelets 80, none of them (had been NOT_MET)")
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(inclusion("No prior splenectomy, platelets ≥ 50 x 10^9/L",
        platelets80.get().procedure("Splenectomy", "2019-05-01", coded("splenectomy")))).as("splenectomized")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAgeOrAPerformanceStatusAfterANotOrAWithoutDenialIsRequiredNeverDenied() {
    // "Not pregnant or breastfeeding, age ≥ 18" had denied the age with the pregnancy: every adult failed it
    Facts man = adultOnHydroxyurea();
    Facts child = Facts.patient("c").born("2016-01-01").sex(org.eligo.core.patient.Sex.FEMALE)
        .medication("Hydroxyurea 500 mg", "2025-01-01", null, ExposureStatus.ACTIVE, coded("hydroxyurea"))
        .condition("Hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"));
    for (String sentence : List.of("Not pregnant or breastfeeding, age ≥ 18",
        "Not pregnant or lactating, age 18 years or older", "Not pregnant, age 18 to 65 years",
        "Not currently pregnant or breast-feeding, aged ≥ 18 years", "Not on anticoagulation, age ≥ 18 years",
        "Without active HIV infection, age 18 years or older")) {
      assertThat(inclusion(sentence, man)).as(sentence + ": a man of 56 (had been NOT_MET)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, child)).as(sentence + ": a girl of 10 (had been MET or asked)")
          .isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Without active HIV infection, age 18 years or older", man.condition("HIV disease",
        ClinicalStatus.ACTIVE, "2011-01-01", null, coded("hiv-infection")))).as("an adult with HIV")
        .isEqualTo(Truth.NOT_MET);
    for (String sentence : List.of("Not pregnant or breastfeeding; ECOG performance status 0-2",
        "Without prior HSCT, ECOG ≤ 2")) {
      assertThat(inclusion(sentence, adultOnHydroxyurea().lab("ecog", 3, "{score}", "2026-05-20")))
          .as(sentence + ": ECOG 3 (had been MET or asked)").isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aGrantInAClauseOfItsOwnAfterTheDenialIsNeverDenied() {
    Facts prednisone = on("Prednisone 10 mg", "prednisone");
    for (String sentence : List.of("No prior eltrombopag; patients may have received corticosteroids",
        "No prior eltrombopag - patients may have received corticosteroids",
        "No prior eltrombopag; patients can remain on prednisone",
        "No prior eltrombopag [patients may have received corticosteroids]")) {
      assertThat(inclusion(sentence, prednisone)).as(sentence + ": on prednisone (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, on("Eltrombopag 50 mg", "eltrombopag"))).as(sentence + ": on eltrombopag "
          + "(brackets had been MET)").isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aGrantInAParenthesisIsNeverDenied() {
    Facts prednisone = on("Prednisone 10 mg", "prednisone");
    Facts ivig = adult().medication("IVIG 1 g/kg", "2026-05-20", "2026-05-21", ExposureStatus.COMPLETED, coded("ivig"));
    for (String sentence : List.of("No prior eltrombopag (patients may have received corticosteroids)",
        "No prior TPO-RA (patients may continue corticosteroids)",
        "No prior rituximab and no prior eltrombopag (patients may have received corticosteroids)")) {
      assertThat(inclusion(sentence, prednisone)).as(sentence + ": on prednisone (had been NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, on("Eltrombopag 50 mg", "eltrombopag"))).as(sentence + ": on eltrombopag")
          .isNotEqualTo(Truth.MET);
    }
    assertThat(inclusion("No prior rituximab (patients can have received IVIG)", ivig)).as("given IVIG")
        .isEqualTo(Truth.MET);
  }

  @Test
  void aDiseaseAfterAndWithItsOwnDiagnosisWordsIsRequiredNotDenied() {
    Facts itpNoSplenectomy = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("immune-thrombocytopenia"));
    Facts itpAfterSplenectomy = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("immune-thrombocytopenia")).procedure("Splenectomy", "2026-05-01", coded("splenectomy"));
    for (String sentence : List.of("No prior splenectomy and newly diagnosed ITP",
        "No prior splenectomy and a confirmed diagnosis of ITP")) {
      assertThat(inclusion(sentence, itpNoSplenectomy)).as(sentence + ": ITP, no splenectomy (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, itpAfterSplenectomy)).as(sentence + ": ITP after a splenectomy")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aTreatmentDeniedBesideABareDiseaseNeverFailsThePatientForTheDisease() {
    Facts saaNoTreatment = adult().condition("Severe aplastic anemia", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("severe-aplastic-anemia")).medication("Prednisone 10 mg", "2026-05-01", null, ExposureStatus.ACTIVE,
        coded("prednisone"));
    for (String sentence : List.of("No prior immunosuppressive therapy and severe aplastic anemia",
        "No prior splenectomy and primary ITP")) {
      assertThat(inclusion(sentence, saaNoTreatment)).as(sentence + ": the disease alone (had been NOT_MET when the"
          + " trial's)").isNotEqualTo(Truth.NOT_MET);
    }
    Facts itp = adult().condition("Primary immune thrombocytopenia", ClinicalStatus.ACTIVE, "2026-04-01", null,
        coded("primary-immune-thrombocytopenia")).procedure("Transfusion", "2026-05-01", coded("transfusion"));
    assertThat(inclusion("No prior splenectomy and primary ITP", itp)).as("primary ITP, no splenectomy (had been"
        + " NOT_MET)").isEqualTo(Truth.MET);
  }

  @Test
  void bothTogetherStaysADenialOfTheCombination() {
    String sentence = "Not receiving warfarin and aspirin concomitantly";
    assertThat(inclusion(sentence, on("Warfarin 5 mg", "warfarin"))).as("warfarin alone").isEqualTo(Truth.MET);
  }

  @Test
  void concurrentUseOfTwoAsksAPatientOnOneOfThem() {
    String sentence = "No concurrent use of anticoagulants and antiplatelet agents";
    assertThat(inclusion(sentence, on("Warfarin 5 mg", "warfarin"))).as("warfarin alone (had been MET)")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(sentence, on("Warfarin 5 mg", "warfarin").medication("Aspirin 81 mg", "2026-03-01", null,
        ExposureStatus.ACTIVE, coded("aspirin")))).as("both").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(sentence, on("Prednisone 10 mg", "prednisone"))).as("neither").isEqualTo(Truth.MET);
  }

  @Test
  void inTheExclusionListTheDenialOfEachIsAsked() {
    String sentence = "No prior rituximab and eltrombopag";
    assertThat(exclusion(sentence, on("Eltrombopag 50 mg", "eltrombopag"))).as("eltrombopag alone")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(sentence, on("Prednisone 10 mg", "prednisone"))).as("neither").isEqualTo(Truth.NOT_MET);
  }
}
