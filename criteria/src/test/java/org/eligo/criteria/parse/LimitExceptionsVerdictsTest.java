package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §99: exceptions read by {@link LimitExceptions}. An exception that names a lab, not people ("Laboratory values
 * (except hemoglobin): …") exempts the limits on that lab, for everyone or for the group it names, and holds the
 * others; a group with an exception after it ("Children with ITP unless in remission must …") keeps its own words.
 */
class LimitExceptionsVerdictsTest {

  private static Facts counts(Facts f, double anc, double platelets, double hemoglobin) {
    return f.lab("anc", anc, "10*9/L", "2026-05-20").lab("platelets", platelets, "10*9/L", "2026-05-20")
        .lab("hemoglobin", hemoglobin * 10, "g/L", "2026-05-20");
  }

  private static Facts organs(Facts f, double bilirubin, double creatinine, double alt) {
    return f.lab("bilirubin-total", bilirubin, "mg/dL", "2026-05-20", 1.2)
        .lab("creatinine", creatinine, "mg/dL", "2026-05-20", 1.1).lab("alt", alt, "U/L", "2026-05-20", 40.0);
  }

  private static Facts with(Facts f, String text, String concept) {
    return f.condition(text, ClinicalStatus.ACTIVE, "2020-01-01", null, coded(concept));
  }

  @Test
  void aLabAnExceptionNamesIsExemptedAndTheOtherLimitsDecide() {
    for (String sentence : List.of(
        "Laboratory values (except hemoglobin): ANC ≥ 1.0 × 10^9/L, platelets ≥ 75 × 10^9/L, hemoglobin ≥ 8 g/dL",
        "Adequate bone marrow function, other than hemoglobin: ANC ≥ 1.0 × 10^9/L; platelets ≥ 75 × 10^9/L; "
            + "hemoglobin ≥ 9 g/dL",
        "Hematologic function (excluding Hb): ANC ≥ 1.0 × 10^9/L and platelets ≥ 75 × 10^9/L",
        "Blood counts, with the exception of hemoglobin: ANC ≥ 1.0 × 10^9/L; platelet count ≥ 75 × 10^9/L")) {
      assertThat(inclusion(sentence, counts(adult(), 0.8, 100, 12))).as(sentence + ": ANC 0.8 (was UNKNOWN, asked "
          + "whether the exception applied to the patient)").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, counts(adult(), 1.5, 100, 7))).as(sentence + ": hemoglobin 7, exempted (was "
          + "UNKNOWN)").isEqualTo(Truth.MET);
    }
    for (String sentence : List.of(
        "Laboratory values (except hemoglobin): ANC < 1.0 × 10^9/L, platelets < 75 × 10^9/L, or hemoglobin < 8 g/dL",
        "Abnormal blood counts, other than hemoglobin: ANC < 1.0 × 10^9/L or platelets < 75 × 10^9/L",
        "Cytopenias (excluding Hb): ANC < 1.0 × 10^9/L or hemoglobin < 8 g/dL")) {
      assertThat(exclusion(sentence, counts(adult(), 0.8, 100, 12))).as(sentence + ": ANC 0.8 (was UNKNOWN)")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, counts(adult(), 1.5, 100, 7))).as(sentence + ": hemoglobin 7, exempted")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aLabExceptedForAGroupIsNeverHeldOnThatGroupAndTheOtherLimitsStillDecide() {
    for (String sentence : List.of(
        "Adequate organ function (bilirubin excepted in Gilbert's syndrome): total bilirubin ≤ 1.5 × ULN; creatinine "
            + "≤ 1.5 × ULN",
        "Liver and kidney function (except bilirubin for patients with Gilbert's syndrome): total bilirubin ≤ 1.5 × "
            + "ULN and creatinine ≤ 1.5 × ULN",
        "Organ function, except for bilirubin in subjects with Gilbert syndrome: total bilirubin ≤ 1.5 × ULN; serum "
            + "creatinine ≤ 1.5 × ULN")) {
      assertThat(inclusion(sentence, organs(adult(), 1.0, 3.0, 30))).as(sentence + ": creatinine 3 × ULN (was UNKNOWN)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, organs(adult(), 3.0, 1.0, 30))).as(sentence + ": bilirubin 2.5 × ULN, Gilbert's "
          + "asked, never failed").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, organs(adult(), 1.0, 1.0, 30))).as(sentence + ": within the limits")
          .isEqualTo(Truth.MET);
    }
    String thalassemia = "Adequate marrow function, with the exception of hemoglobin for patients with thalassemia: "
        + "ANC ≥ 1.5 × 10^9/L; hemoglobin ≥ 9 g/dL";
    assertThat(inclusion(thalassemia, counts(with(adult(), "Beta thalassemia", "thalassemia"), 2.0, 100, 8)))
        .as("thalassemia, hemoglobin 8: exempted").isEqualTo(Truth.MET);
    assertThat(inclusion(thalassemia, counts(with(adult(), "ITP", "immune-thrombocytopenia"), 2.0, 100, 8)))
        .as("no thalassemia, hemoglobin 8").isEqualTo(Truth.NOT_MET);
    String exclusionSentence = "Abnormal organ function (bilirubin excepted in Gilbert's syndrome): total bilirubin > "
        + "1.5 × ULN or creatinine > 1.5 × ULN";
    assertThat(exclusion(exclusionSentence, organs(adult(), 1.0, 3.0, 30))).as("creatinine 3 × ULN (was UNKNOWN)")
        .isEqualTo(Truth.MET);
    assertThat(exclusion(exclusionSentence, organs(adult(), 3.0, 1.0, 30))).as("bilirubin high: never excluded")
        .isEqualTo(Truth.UNKNOWN);
  }

  private static Facts child(String concept, String text) {
    return with(Facts.patient("c").born("2018-01-01").sex(org.eligo.core.patient.Sex.FEMALE), text, concept)
        .lab("platelets", 20, "10*9/L", "2026-05-20").lab("hemoglobin", 80, "g/L", "2026-05-20");
  }

  private static Facts grownUp(String concept, String text) {
    return with(adult(), text, concept).lab("platelets", 20, "10*9/L", "2026-05-20")
        .lab("hemoglobin", 80, "g/L", "2026-05-20");
  }

  @Test
  void aGroupWithAnExceptionAfterItKeepsItsAgeAndAsksTheException() {
    for (String[] c : List.of(
        new String[] {"Children with ITP unless in remission must have platelets ≥ 30 × 10^9/L",
            "immune-thrombocytopenia", "ITP"},
        new String[] {"Children with ITP, except those in remission, should have a platelet count ≥ 30 × 10^9/L",
            "immune-thrombocytopenia", "ITP"},
        new String[] {"Adolescents with AIHA, unless in complete remission, must have hemoglobin ≥ 10 g/dL",
            "autoimmune-hemolytic-anemia", "Autoimmune hemolytic anemia"})) {
      Facts adult = grownUp(c[1], c[2]);
      Facts young = c[0].startsWith("Children") ? child(c[1], c[2])
          : with(Facts.patient("t").born("2012-01-01").sex(org.eligo.core.patient.Sex.FEMALE), c[2], c[1])
              .lab("hemoglobin", 80, "g/L", "2026-05-20");
      assertThat(inclusion(c[0], adult)).as(c[0] + ": an adult with the disease is outside the group (was NOT_MET or asked)")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(c[0], adult)).as(c[0] + ": an adult with the disease is not excluded (was asked)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(c[0], young)).as(c[0] + ": in the group under the limit, the remission asked")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(c[0], young)).as(c[0] + ": never excluded, the remission asked").isEqualTo(Truth.UNKNOWN);
    }
    String aiha = "Patients with AIHA, unless in complete remission, must have hemoglobin ≥ 10 g/dL";
    assertThat(inclusion(aiha, grownUp("immune-thrombocytopenia", "ITP"))).as("no AIHA").isEqualTo(Truth.MET);
    assertThat(exclusion(aiha, grownUp("autoimmune-hemolytic-anemia", "AIHA"))).as("AIHA, hemoglobin 8: asked")
        .isEqualTo(Truth.UNKNOWN);
  }

  private static Truth under(String list, String heading, List<String> items, Facts patient) {
    StringBuilder text = new StringBuilder(list + " Criteria:\n\n* " + heading + "\n");
    for (String item : items) text.append("  * ").append(item).append("\n");
    java.util.Map<String, Truth> truths = ParsedVerdictsTest.compiled(text.toString(), patient);
    assertThat(truths).as(heading + ": one criterion").hasSize(1);
    return truths.values().iterator().next();
  }

  private static Facts inr(String drug, double value) {
    return adult().medication(drug, "2025-01-01", null,
        org.eligo.core.patient.MedicationExposure.ExposureStatus.ACTIVE, coded(drug.toLowerCase(java.util.Locale.ROOT)))
        .lab("inr", value, "{INR}", "2026-05-20");
  }

  @Test
  void anExceptionHeadingOverLimitsIsReadAsTheExceptionBeforeThem() {
    for (String heading : List.of("Except in patients with marrow involvement by disease:",
        "Blood counts, except in subjects with marrow involvement:",
        "Hematologic function (unless due to bone marrow infiltration):")) {
      List<String> items = List.of("Absolute neutrophil count ≥ 1.0 × 10^9/L; and", "Platelets ≥ 75 × 10^9/L");
      assertThat(under("Inclusion", heading, items, counts(adult(), 1.5, 100, 12))).as(heading + ": counts within "
          + "(was UNKNOWN: the heading was unparsed and its limits never read)").isEqualTo(Truth.MET);
      assertThat(under("Inclusion", heading, items, counts(adult(), 0.8, 100, 12))).as(heading + ": ANC 0.8, the "
          + "exception asked, never failed").isEqualTo(Truth.UNKNOWN);
    }
    for (String heading : List.of("Coagulation, except for patients on warfarin:",
        "Except in patients receiving warfarin:", "Coagulation parameters (except patients taking warfarin):")) {
      assertThat(under("Inclusion", heading, List.of("INR ≤ 1.5"), inr("Aspirin", 2.5))).as(heading
          + ": INR 2.5 off warfarin (was UNKNOWN)").isEqualTo(Truth.NOT_MET);
      assertThat(under("Inclusion", heading, List.of("INR ≤ 1.5"), inr("Warfarin", 2.5))).as(heading
          + ": INR 2.5 on warfarin").isEqualTo(Truth.MET);
    }
    for (String heading : List.of("Except in patients with marrow involvement by lymphoma:",
        "Cytopenias, except in subjects with bone marrow involvement:")) {
      List<String> items = List.of("ANC < 1.0 × 10^9/L", "Platelets < 75 × 10^9/L");
      assertThat(under("Exclusion", heading, items, counts(adult(), 1.5, 100, 12))).as(heading + ": counts within "
          + "(was UNKNOWN)").isEqualTo(Truth.NOT_MET);
      assertThat(under("Exclusion", heading, items, counts(adult(), 1.5, 50, 12))).as(heading + ": platelets 50 alone, "
          + "never excluded: the exception asked").isEqualTo(Truth.UNKNOWN);
    }
    assertThat(under("Exclusion", "Except for patients receiving warfarin:", List.of("INR > 1.5"), inr("Aspirin", 2.5)))
        .as("INR 2.5 off warfarin (was UNKNOWN)").isEqualTo(Truth.MET);
  }

  private static Facts hemoglobinAt(String born, double gPerL) {
    return Facts.patient("h").born(born).sex(org.eligo.core.patient.Sex.FEMALE)
        .lab("hemoglobin", gPerL, "g/L", "2026-05-20");
  }

  @Test
  void groupsListedWithSemicolonsAreEachHeldToTheirOwnLimit() {
    for (String sentence : List.of("Hemoglobin: adults ≥ 9 g/dL; children ≥ 8 g/dL; infants ≥ 7 g/dL",
        "Hemoglobin ≥ 9 g/dL for adults; ≥ 8 g/dL for children; ≥ 7 g/dL for infants",
        "Adults ≥ 18 years: Hb ≥ 9 g/dL; children 2-17 years: Hb ≥ 8 g/dL; infants < 2 years: Hb ≥ 7 g/dL",
        "Hemoglobin ≥ 9 g/dL in adults; ≥ 8 g/dL in children")) {
      assertThat(inclusion(sentence, hemoglobinAt("2018-01-01", 85))).as(sentence + ": a child of 8 at 8.5 g/dL "
          + "(was UNKNOWN)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, hemoglobinAt("1970-01-01", 85))).as(sentence + ": an adult at 8.5 g/dL (was "
          + "UNKNOWN)").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hemoglobinAt("1970-01-01", 95))).as(sentence + ": an adult at 9.5 g/dL")
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("Hemoglobin: adults < 9 g/dL; children < 8 g/dL; infants < 7 g/dL",
        "Hemoglobin < 9 g/dL for adults; < 8 g/dL for children; < 7 g/dL for infants",
        "Adults ≥ 18 years: Hb < 9 g/dL; children 2-17 years: Hb < 8 g/dL")) {
      assertThat(exclusion(sentence, hemoglobinAt("2018-01-01", 85))).as(sentence + ": a child of 8 at 8.5 g/dL is "
          + "not excluded (was UNKNOWN)").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, hemoglobinAt("1970-01-01", 85))).as(sentence + ": an adult at 8.5 g/dL (was "
          + "UNKNOWN)").isEqualTo(Truth.MET);
    }
    // a patient the record cannot place in a group (17: an adult or not, an adolescent or not) is asked, never failed
    String weights = "Body weight: adults ≥ 50 kg; adolescents ≥ 40 kg";
    assertThat(inclusion(weights, Facts.patient("w").born("2009-01-01").sex(org.eligo.core.patient.Sex.MALE)
        .lab("body-weight", 45, "kg", "2026-05-20"))).as(weights + ": a boy of 17 at 45 kg").isEqualTo(Truth.UNKNOWN);
    assertThat(inclusion(weights, Facts.patient("w").born("1980-01-01").sex(org.eligo.core.patient.Sex.MALE)
        .lab("body-weight", 45, "kg", "2026-05-20"))).as(weights + ": a man of 46 at 45 kg").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aGroupNamedByAnAgeWordAndADiseaseKeepsBoth() {
    for (String[] c : List.of(
        new String[] {"Children with ITP must have platelets ≥ 30 × 10^9/L", "immune-thrombocytopenia", "ITP"},
        new String[] {"Children with ITP need to have a platelet count ≥ 30 × 10^9/L", "immune-thrombocytopenia",
            "ITP"},
        new String[] {"Adolescents with AIHA should have hemoglobin ≥ 10 g/dL", "autoimmune-hemolytic-anemia",
            "AIHA"})) {
      Facts adult = grownUp(c[1], c[2]);
      Facts young = c[0].startsWith("Children") ? child(c[1], c[2])
          : with(Facts.patient("t").born("2012-01-01").sex(org.eligo.core.patient.Sex.FEMALE), c[2], c[1])
              .lab("hemoglobin", 80, "g/L", "2026-05-20");
      assertThat(inclusion(c[0], adult)).as(c[0] + ": an adult with the disease is outside the group")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(c[0], adult)).as(c[0] + ": an adult with the disease is not excluded")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(c[0], young)).as(c[0] + ": in the group, under the limit").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(c[0], young)).as(c[0] + ": in the group, under the limit").isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("Children with ITP must have platelets ≥ 30 × 10^9/L",
        "Children with ITP should have a platelet count of at least 30 × 10^9/L",
        "Adolescents with ITP need to have platelets ≥ 30 × 10^9/L")) {
      Facts meets = with(Facts.patient("c").born(sentence.startsWith("Children") ? "2018-01-01" : "2012-01-01")
          .sex(org.eligo.core.patient.Sex.FEMALE), "ITP", "immune-thrombocytopenia")
          .lab("platelets", 50, "10*9/L", "2026-05-20");
      assertThat(exclusion(sentence, meets)).as(sentence + ": a child with ITP at 50 meets the requirement (was MET: "
          + "read as all of the group, the disease and the limit, she was excluded)").isEqualTo(Truth.NOT_MET);
    }
  }
}
