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
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** A fresh-eyes review of §46's readings: what they broke or left wrong beside what they fixed (§50). */
class DiseaseAreaReviewVerdictsTest {

  private static Facts hypertensiveOnly() {
    return adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension"));
  }

  @Test
  void moreThanOneOfTheFollowingIsAtLeastTwoOfThem() {
    for (String sentence : List.of("Patients with more than one of the following: diabetes, hypertension, heart failure",
        "More than one of the following: diabetes, hypertension, heart failure",
        "Greater than one of the following: diabetes; hypertension; heart failure")) {
      assertThat(exclusion(sentence, hypertensiveOnly())).as(sentence + ": hypertension alone (had been MET)")
          .isEqualTo(Truth.NOT_MET);
      Facts two = hypertensiveOnly().condition("Type 2 diabetes mellitus", ClinicalStatus.ACTIVE, "2016-01-01", null,
          coded("diabetes-mellitus"));
      assertThat(exclusion(sentence, two)).as(sentence + ": hypertension and diabetes").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aPaediatricGroupBindsItsOwnRequirementOnly() {
    Facts adultWoman = Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE);
    for (String sentence : List.of("Adolescents aged 12 to 17 years must weigh at least 40 kg",
        "Infants aged 1 to 24 months must weigh at least 3 kg",
        "Pediatric patients aged 2 to 11 years must weigh at least 10 kg",
        "Girls aged 12 to 17 years must have a negative pregnancy test")) {
      assertThat(inclusion(sentence, adultWoman)).as(sentence + ": an adult of 36 (had been NOT_MET)")
          .isEqualTo(Truth.MET);
    }
    Facts lightTeenager = Facts.patient("t").born("2012-01-01").sex(Sex.MALE).lab("body-weight", 35, "kg",
        "2026-05-20");
    assertThat(inclusion("Adolescents aged 12 to 17 years must weigh at least 40 kg", lightTeenager))
        .as("a boy of 14 weighing 35 kg").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anAgeGroupAfterTheUpperLimitOfNormalStaysAGroup() {
    Facts child = Facts.patient("c").born("2018-01-01").sex(Sex.MALE).lab("creatinine", 0.5, "mg/dL", "2026-05-20");
    for (String sentence : List.of("Serum creatinine ≤ 1.5 × ULN for age ≥ 12 years",
        "Serum creatinine ≤ 1.5 × ULN for age ≥ 12 years, ≤ 1.0 mg/dL for age < 12 years",
        "Creatinine ≤ 1.5 × ULN for age 18 years or older")) {
      assertThat(inclusion(sentence, child)).as(sentence + ": a child of 8 (had been UNKNOWN)").isEqualTo(Truth.MET);
    }
    assertThat(inclusion("Serum creatinine ≤ 1.5 × ULN for age", child)).as("no upper limit on the result")
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aGroupOnADrugMayContinueItWhenTheGrantNamesItAgain() {
    Facts other = adult().medication("Warfarin 5 mg", "2020-01-01", null, ExposureStatus.ACTIVE, coded("warfarin"));
    for (String sentence : List.of("Patients on ibrutinib may continue ibrutinib",
        "Patients receiving hydroxyurea may continue their hydroxyurea at a stable dose",
        "Patients on eltrombopag may continue eltrombopag",
        "Patients treated with eltrombopag may continue, except those with hepatic impairment")) {
      assertThat(inclusion(sentence, other)).as(sentence + ": never on the drug (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aCountInTheInclusionListKeepsItsWindow() {
    Facts transfusedLongAgo = adult().procedure("Red blood cell transfusion", "2024-03-01",
        coded("red-cell-transfusion"));
    for (String sentence : List.of("At least 2 RBC transfusions in the 12 weeks before screening",
        "Two or more RBC transfusions within the 12 weeks before screening",
        "At least 2 red blood cell transfusions in the past 12 weeks",
        "Transfusion of at least 4 units of packed red blood cells within the 8 weeks before randomization")) {
      assertThat(inclusion(sentence, transfusedLongAgo)).as(sentence + ": one transfusion in 2024 (had been UNKNOWN)")
          .isEqualTo(Truth.NOT_MET);
      Facts recent = adult().procedure("Red blood cell transfusion", "2026-05-01", coded("red-cell-transfusion"));
      assertThat(inclusion(sentence, recent)).as(sentence + ": one transfusion a month ago").isNotEqualTo(Truth.NOT_MET);
    }
    Facts rituximabLongAgo = adult().medication("Rituximab", "2023-01-01", "2023-02-01", ExposureStatus.COMPLETED,
        coded("rituximab"));
    assertThat(inclusion("At least 2 doses of rituximab within the 6 months before screening", rituximabLongAgo))
        .as("rituximab in 2023").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void treatmentsGivenAsExamplesAloneAreNotRequired() {
    Facts onRuxolitinib = adult().condition("Primary myelofibrosis", ClinicalStatus.ACTIVE, "2022-01-01", null,
        coded("myelofibrosis")).medication("Ruxolitinib 15 mg", "2023-01-01", null, ExposureStatus.ACTIVE,
        coded("ruxolitinib"));
    for (String sentence : List.of("Disease requiring treatment, e.g., hydroxyurea",
        "Requiring treatment, e.g., hydroxyurea", "Patients who need therapy (e.g., hydroxyurea)",
        "Refractory to prior therapy (e.g. hydroxyurea)")) {
      assertThat(inclusion(sentence, onRuxolitinib)).as(sentence + ": treated with ruxolitinib (had been NOT_MET)")
          .isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Refractory to at least two prior treatments including hydroxyurea", onRuxolitinib))
        .as("'including' names one of them: never on hydroxyurea").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void treatmentsGivenAsExamplesKeepTheirWindowBesideTheDisease() {
    Facts cllGivenRituximabAndIvig = adult().condition("Chronic lymphocytic leukemia", ClinicalStatus.ACTIVE,
        "2020-01-01", null, coded("chronic-lymphocytic-leukemia")).medication("Rituximab", "2026-02-01", "2026-03-01",
        ExposureStatus.COMPLETED, coded("rituximab")).medication("IVIG", "2026-04-01", "2026-04-05",
        ExposureStatus.COMPLETED, coded("ivig"));
    for (String sentence : List.of("Prior therapy for ITP (e.g., corticosteroids, IVIG) within the last 6 months",
        "Prior treatment for AIHA including rituximab within 12 months",
        "Prior treatment for AIHA (e.g., corticosteroids, rituximab) within 12 months before screening")) {
      assertThat(inclusion(sentence, cllGivenRituximabAndIvig)).as(sentence + ": given for CLL (had been MET)")
          .isEqualTo(Truth.NOT_MET);
    }
    Facts itpGivenIvig = adult().condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE, "2024-01-01", null,
        coded("immune-thrombocytopenia")).medication("IVIG", "2026-04-01", "2026-04-05", ExposureStatus.COMPLETED,
        coded("ivig"));
    assertThat(inclusion("Prior therapy for ITP (e.g., corticosteroids, IVIG) within the last 6 months", itpGivenIvig))
        .as("ITP treated with IVIG two months ago").isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void whatComesAfterRandomizationIsNoPastEvent() {
    Facts splenectomisedAndTransfused = adult().procedure("Splenectomy", "2015-03-01", coded("splenectomy"))
        .procedure("Red blood cell transfusion", "2019-06-01", coded("red-cell-transfusion"))
        .procedure("Therapeutic plasma exchange", "2020-02-01", coded("plasma-exchange"));
    for (String sentence : List.of("Splenectomy after randomization", "Transfusion after randomization",
        "Plasma exchange after screening", "Splenectomy following enrollment")) {
      assertThat(exclusion(sentence, splenectomisedAndTransfused)).as(sentence + ": done years ago (had been MET)")
          .isNotEqualTo(Truth.MET);
    }
    Facts eculizumabLastMonth = adult().medication("Eculizumab", "2026-04-15", "2026-05-01", ExposureStatus.COMPLETED,
        coded("eculizumab"));
    assertThat(exclusion("Eculizumab within 3 months before randomization", eculizumabLastMonth))
        .as("a window before randomization is still read").isEqualTo(Truth.MET);
  }

  @Test
  void anAgeGroupAfterTheUpperLimitOfNormalWrittenOutIsAGroupToo() {
    Facts child = Facts.patient("c").born("2018-01-01").sex(Sex.MALE).lab("creatinine", 0.5, "mg/dL", "2026-05-20")
        .lab("alt", 20, "U/L", "2026-05-20").lab("bilirubin-total", 0.4, "mg/dL", "2026-05-20");
    for (String sentence : List.of("Creatinine ≤ 1.5 times the upper limit of normal for age 12 years and older",
        "ALT ≤ 3 times the upper limit of normal (ULN) for patients 12 years and older",
        "Total bilirubin ≤ 1.5 times the institutional upper limit of normal in patients aged 18 years or older")) {
      assertThat(inclusion(sentence, child)).as(sentence + ": a child of 8 (had been NOT_MET)").isEqualTo(Truth.MET);
    }
  }
}
