package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
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

/**
 * §99 review: where the readings of {@link LimitExceptions} and the ";" group lists failed or excluded a patient the
 * sentence does not: two listed groups a patient is in at once, a lab excepted from limits joined by "and", a lead that
 * names whom the limits bind, and a measure's family cut too wide.
 */
class LimitExceptionsReviewVerdictsTest {

  private static Facts hemoglobin(String born, double gPerDl) {
    return Facts.patient("h").born(born).sex(Sex.FEMALE).lab("hemoglobin", gPerDl * 10, "g/L", "2026-05-20");
  }

  @Test
  void aPatientInTwoListedGroupsIsNeverFailedOnTheLimitTheOtherGroupRelaxes() {
    for (String sentence : List.of("Hemoglobin ≥ 10 g/dL for adults; ≥ 9 g/dL for patients ≥ 65 years",
        "Hemoglobin: adults ≥ 10 g/dL; patients ≥ 65 years ≥ 9 g/dL",
        "Hemoglobin ≥ 10 g/dL for adults; ≥ 9 g/dL for patients aged 65 years or older")) {
      assertThat(inclusion(sentence, hemoglobin("1955-01-01", 9.5))).as(sentence + ": a woman of 71 at 9.5 g/dL, "
          + "within the limit written for her age, asked which applies (was NOT_MET)").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, hemoglobin("1955-01-01", 8.5))).as(sentence + ": 71 at 8.5 g/dL fails both")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hemoglobin("1985-01-01", 9.5))).as(sentence + ": 41 at 9.5 g/dL, an adult only")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hemoglobin("1985-01-01", 10.5))).as(sentence + ": 41 at 10.5 g/dL")
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("Hemoglobin < 10 g/dL for adults; < 9 g/dL for patients ≥ 65 years",
        "Hemoglobin: adults < 10 g/dL; patients ≥ 65 years < 9 g/dL",
        "Hemoglobin < 10 g/dL for adults; < 9 g/dL for patients aged 65 years or older")) {
      assertThat(exclusion(sentence, hemoglobin("1955-01-01", 9.5))).as(sentence + ": a woman of 71 at 9.5 g/dL is "
          + "not excluded on the adults' limit alone (was MET)").isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, hemoglobin("1955-01-01", 8.5))).as(sentence + ": 71 at 8.5 g/dL, over both")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, hemoglobin("1985-01-01", 9.5))).as(sentence + ": 41 at 9.5 g/dL")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, hemoglobin("1985-01-01", 10.5))).as(sentence + ": 41 at 10.5 g/dL")
          .isEqualTo(Truth.NOT_MET);
    }
    // each group named first with its own limit (§88's reading), the same
    for (String sentence : List.of("Adults ≥ 18 years: Hb ≥ 10 g/dL; patients ≥ 65 years: Hb ≥ 9 g/dL",
        "In adults: hemoglobin ≥ 10 g/dL; in patients aged 65 or older: hemoglobin ≥ 9 g/dL",
        "For adults, hemoglobin ≥ 10 g/dL; for patients older than 65 years, hemoglobin ≥ 9 g/dL")) {
      assertThat(inclusion(sentence, hemoglobin("1955-01-01", 9.5))).as(sentence + ": a woman of 71 at 9.5 g/dL "
          + "(was NOT_MET)").isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, hemoglobin("1955-01-01", 8.5))).as(sentence + ": 71 at 8.5 g/dL")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, hemoglobin("1985-01-01", 9.5))).as(sentence + ": 41 at 9.5 g/dL")
          .isEqualTo(Truth.NOT_MET);
    }
    String elderly = "Adults ≥ 18 years: Hb < 10 g/dL; patients ≥ 65 years: Hb < 9 g/dL";
    assertThat(exclusion(elderly, hemoglobin("1955-01-01", 9.5))).as(elderly + ": 71 at 9.5 g/dL (was MET)")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion(elderly, hemoglobin("1955-01-01", 8.5))).as(elderly + ": 71 at 8.5 g/dL")
        .isEqualTo(Truth.MET);
    // groups that hold no one in common are still decided on their own limits
    assertThat(inclusion("Hemoglobin: adults ≥ 9 g/dL; children ≥ 8 g/dL", hemoglobin("2018-01-01", 8.5)))
        .as("a child of 8 at 8.5 g/dL").isEqualTo(Truth.MET);
    assertThat(exclusion("Hemoglobin < 9 g/dL for adults; < 8 g/dL for children", hemoglobin("1985-01-01", 8.5)))
        .as("an adult at 8.5 g/dL").isEqualTo(Truth.MET);
    assertThat(exclusion("In men: hemoglobin < 12 g/dL; in women: hemoglobin < 11 g/dL", hemoglobin("1985-01-01",
        10.5))).as("a woman at 10.5 g/dL").isEqualTo(Truth.MET);
  }

  private static Facts counts(double hemoglobinGPerDl, double platelets, double anc) {
    return Facts.patient("c").born("1970-01-01").sex(Sex.MALE)
        .lab("hemoglobin", hemoglobinGPerDl * 10, "g/L", "2026-05-20").lab("platelets", platelets, "10*9/L", "2026-05-20")
        .lab("anc", anc, "10*9/L", "2026-05-20");
  }

  @Test
  void aLabExceptedFromLimitsJoinedByAndNeverExcludesOnTheOtherLimitAlone() {
    for (String sentence : List.of(
        "Laboratory abnormalities (except hemoglobin): hemoglobin < 8 g/dL and platelets < 50 × 10^9/L",
        "Cytopenias, other than hemoglobin: hemoglobin < 8 g/dL and platelets < 50 × 10^9/L",
        "Abnormal blood counts (excluding Hb): Hb < 8 g/dL and platelet count < 50 × 10^9/L")) {
      assertThat(exclusion(sentence, counts(12, 40, 2))).as(sentence + ": platelets 40 with hemoglobin 12 meets only "
          + "half of the \"and\" (was MET: the hemoglobin limit dropped, the platelets excluded alone)")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aLabExceptionIsNotAnotherLabOfASimilarName() {
    for (String sentence : List.of("Laboratory values (except hemoglobin S): hemoglobin ≥ 7 g/dL, ANC ≥ 1.0 × 10^9/L",
        "Hematologic function, other than HbF: hemoglobin ≥ 7 g/dL; ANC ≥ 1.0 × 10^9/L",
        "Blood counts (except fetal hemoglobin): hemoglobin ≥ 7 g/dL and ANC ≥ 1.0 × 10^9/L")) {
      assertThat(inclusion(sentence, counts(5.5, 100, 2))).as(sentence + ": hemoglobin 5.5 g/dL, the total "
          + "hemoglobin is not the excepted fraction (was MET or asked)").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, counts(8, 100, 2))).as(sentence + ": within both").isEqualTo(Truth.MET);
    }
  }

  private static Facts withDisease(Facts f, String text, String concept) {
    return f.condition(text, ClinicalStatus.ACTIVE, "2020-01-01", null, coded(concept))
        .medication("Prednisone", "2025-01-01", null, ExposureStatus.ACTIVE, coded("prednisone"));
  }

  @Test
  void aLeadThatNamesWhomTheLimitsBindIsNeverDropped() {
    Facts aplastic = withDisease(Facts.patient("a").born("1970-01-01").sex(Sex.MALE), "Aplastic anemia",
        "aplastic-anemia").lab("platelets", 20, "10*9/L", "2026-05-20");
    for (String sentence : List.of("For subjects with ITP (except those who are splenectomized): platelets ≥ 30 × "
            + "10^9/L",
        "For patients with ITP, except those on eltrombopag: platelets ≥ 30 × 10^9/L",
        "In patients with ITP (unless receiving eltrombopag): platelet count ≥ 30 × 10^9/L")) {
      assertThat(inclusion(sentence, aplastic)).as(sentence + ": a man with aplastic anemia, no ITP, at 20 × 10^9/L "
          + "(was NOT_MET: the ITP was dropped)").isNotEqualTo(Truth.NOT_MET);
    }
    java.util.Map<String, Truth> heading = ParsedVerdictsTest.compiled("Inclusion Criteria:\n\n* For patients with "
        + "ITP, except those on eltrombopag:\n  * Platelets ≥ 30 × 10^9/L\n", aplastic);
    assertThat(heading.values()).as("the same as a heading over the limit").containsExactly(Truth.MET);
    // the group bound by the limits, read where the record names it: outside it the limits bind no one
    Facts adultOffWarfarin = withDisease(Facts.patient("o").born("1970-01-01").sex(Sex.MALE), "ITP",
        "immune-thrombocytopenia").lab("inr", 3.5, "{INR}", "2026-05-20").lab("anc", 0.8, "10*9/L", "2026-05-20");
    for (String sentence : List.of("Patients on warfarin, except those with mechanical heart valves: INR ≤ 3.0",
        "Children, except those with marrow involvement: ANC ≥ 1.0 × 10^9/L",
        "For patients with aplastic anemia (unless receiving eltrombopag): ANC ≥ 1.0 × 10^9/L")) {
      assertThat(inclusion(sentence, adultOffWarfarin)).as(sentence + ": a man of 56 with ITP, off warfarin, INR 3.5, "
          + "ANC 0.8, outside the group").isEqualTo(Truth.MET);
    }
    assertThat(inclusion("For patients with ITP, except those on eltrombopag: platelets ≥ 30 × 10^9/L", withDisease(
        Facts.patient("t").born("1970-01-01").sex(Sex.MALE), "ITP", "immune-thrombocytopenia").lab("platelets", 20,
        "10*9/L", "2026-05-20"))).as("ITP, off eltrombopag, at 20 × 10^9/L: the limit binds him").isEqualTo(Truth.NOT_MET);

    Facts itp = withDisease(Facts.patient("i").born("1970-01-01").sex(Sex.FEMALE), "ITP", "immune-thrombocytopenia")
        .lab("platelets", 8, "10*9/L", "2026-05-20");
    for (String sentence : List.of("Patients with aplastic anemia (except those on eltrombopag): platelets < 10 × "
            + "10^9/L",
        "In patients with aplastic anemia, except those on eltrombopag: platelets < 10 × 10^9/L",
        "For subjects with AA (except those receiving eltrombopag): platelet count < 10 × 10^9/L")) {
      assertThat(exclusion(sentence, itp)).as(sentence + ": a woman with ITP, no aplastic anemia, at 8 × 10^9/L (was "
          + "MET: excluded on the limit alone)").isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, withDisease(Facts.patient("s").born("1970-01-01").sex(Sex.FEMALE),
          "Severe aplastic anemia", "aplastic-anemia").lab("platelets", 8, "10*9/L", "2026-05-20")))
          .as(sentence + ": aplastic anemia, off eltrombopag, at 8 × 10^9/L").isEqualTo(Truth.MET);
    }
    // people named without anything that sets them apart are everyone: the limit binds all but the exception
    for (String sentence : List.of("All patients, except those on warfarin: INR ≤ 1.5",
        "For all subjects, except those on warfarin: INR ≤ 1.5")) {
      assertThat(inclusion(sentence, adultOffWarfarin)).as(sentence + ": off warfarin at INR 3.5")
          .isEqualTo(Truth.NOT_MET);
    }
    String women = "Women, except those with thalassemia trait: hemoglobin < 10 g/dL";
    assertThat(exclusion(women, Facts.patient("m").born("1970-01-01").sex(Sex.MALE)
        .lab("hemoglobin", 90, "g/L", "2026-05-20"))).as(women + ": a man at 9 g/dL (was MET)")
        .isNotEqualTo(Truth.MET);
  }
}
