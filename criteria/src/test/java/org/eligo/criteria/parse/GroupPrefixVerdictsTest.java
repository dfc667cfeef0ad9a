package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** A limit whose group is written before it, as a prefix or a heading of the sentence (§88). */
class GroupPrefixVerdictsTest {

  private static Facts person(String born, Sex sex) {
    return Facts.patient("p").born(born).sex(sex).condition("Immune thrombocytopenia", ClinicalStatus.ACTIVE,
        "2024-01-01", null, coded("immune-thrombocytopenia"));
  }

  @Test
  void aGroupWrittenBeforeALimitInTheExclusionsExcludesNoOneOutsideIt() {
    // read whole, the group was dropped ("In adults," read nothing) or made an alternative ("65 or older"): a girl of
    // 14 with 8.5 g/dL and every patient of 70 were excluded
    Facts girl = person("2012-01-01", Sex.FEMALE).lab("hemoglobin", 85, "g/L", "2026-05-20")
        .lab("creatinine-clearance", 90, "mL/min", "2026-05-20");
    for (String sentence : List.of("In adults, hemoglobin < 9 g/dL", "For adult patients: Hb < 9 g/dL",
        "Among adults, hemoglobin below 9 g/dL")) {
      assertThat(exclusion(sentence, girl)).as(sentence + ": a girl of 14 with 8.5 g/dL (was MET)")
          .isNotEqualTo(Truth.MET);
    }
    Facts old = person("1956-01-01", Sex.MALE).lab("creatinine-clearance", 60, "mL/min", "2026-05-20");
    Facts oldFailing = person("1956-01-01", Sex.MALE).lab("creatinine-clearance", 20, "mL/min", "2026-05-20");
    Facts young = person("1990-01-01", Sex.MALE).lab("creatinine-clearance", 20, "mL/min", "2026-05-20");
    for (String sentence : List.of("In patients aged 65 or older, creatinine clearance < 30 mL/min",
        "For participants aged ≥ 65: creatinine clearance < 30 mL/min",
        "Patients aged 65 years or older: creatinine clearance < 30 mL/min")) {
      assertThat(exclusion(sentence, old)).as(sentence + ": a man of 70 with 60 mL/min (was MET)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, young)).as(sentence + ": a man of 36 with 20 mL/min")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, oldFailing)).as(sentence + ": a man of 70 with 20 mL/min")
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void anAgeGroupWrittenAsAHeadingWithItsAgesInBracketsBindsOnlyThatGroup() {
    // "Pediatric patients (12 to 17 years): body weight ≥ 40 kg" was all of the ages and the weight: every adult failed
    Facts adultWoman = person("1990-01-01", Sex.FEMALE).lab("body-weight", 38, "kg", "2026-05-20")
        .lab("ecog", 3, "{score}", "2026-05-20");
    Facts lightTeenager = person("2012-01-01", Sex.MALE).lab("body-weight", 35, "kg", "2026-05-20");
    Facts teenager = person("2012-01-01", Sex.MALE).lab("body-weight", 45, "kg", "2026-05-20");
    for (String sentence : List.of("Pediatric patients (12 to 17 years): body weight ≥ 40 kg",
        "Adolescents (12-17 years): weight at least 40 kg",
        "Paediatric participants aged 12 to 17 years: body weight ≥ 40 kg")) {
      assertThat(inclusion(sentence, adultWoman)).as(sentence + ": a woman of 36 of 38 kg (was NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, lightTeenager)).as(sentence + ": a boy of 14 of 35 kg")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, teenager)).as(sentence + ": a boy of 14 of 45 kg").isEqualTo(Truth.MET);
    }
    // read whole these were asked of everyone; now a child is outside the adults' limit and an adult held to it
    Facts boy = person("2016-01-01", Sex.MALE).lab("ecog", 3, "{score}", "2026-05-20");
    for (String sentence : List.of("Adults (≥ 18 years): ECOG 0–2", "Adults ≥ 18 years: ECOG ≤ 2",
        "For patients aged 18 years or older: ECOG performance status 0-2")) {
      assertThat(inclusion(sentence, boy)).as(sentence + ": a boy of 10").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, adultWoman)).as(sentence + ": a woman of 36 with ECOG 3")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void eachGroupWrittenBeforeItsOwnLimitIsHeldToItsOwnLimitOnly() {
    // was unparsed ("requirements for several groups of patients")
    Facts girl = person("2016-01-01", Sex.FEMALE).lab("hemoglobin", 85, "g/L", "2026-05-20")
        .lab("lansky", 60, "{score}", "2026-05-20");
    Facts man = person("1980-01-01", Sex.MALE).lab("hemoglobin", 85, "g/L", "2026-05-20")
        .lab("ecog", 1, "{score}", "2026-05-20");
    assertThat(inclusion("Children (< 18 years): Lansky ≥ 50; adults (≥ 18 years): ECOG 0-2", girl))
        .as("a girl of 10 with Lansky 60").isEqualTo(Truth.MET);
    assertThat(inclusion("Children (< 18 years): Lansky ≥ 50; adults (≥ 18 years): ECOG 0-2", man))
        .as("a man of 46 with ECOG 1").isEqualTo(Truth.MET);
    assertThat(inclusion("For patients aged ≥ 18 years: Hb ≥ 9 g/dL. For patients < 18 years: Hb ≥ 8 g/dL", girl))
        .as("a girl of 10 with 8.5 g/dL").isEqualTo(Truth.MET);
    assertThat(inclusion("For patients aged ≥ 18 years: Hb ≥ 9 g/dL. For patients < 18 years: Hb ≥ 8 g/dL", man))
        .as("a man of 46 with 8.5 g/dL").isEqualTo(Truth.NOT_MET);
    // groups the record cannot name are asked, never failed on the other group's limit
    for (String sentence : List.of("In adults: Hb ≥ 9 g/dL; in children: Hb ≥ 8 g/dL",
        "In adults, hemoglobin ≥ 9 g/dL, and in children, hemoglobin ≥ 8 g/dL")) {
      assertThat(inclusion(sentence, girl)).as(sentence + ": a girl of 10 with 8.5 g/dL").isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("In adults: Hb < 9 g/dL; in children: Hb < 8 g/dL", girl)).as("a girl of 10 with 8.5 g/dL")
        .isNotEqualTo(Truth.MET);
    // groups named by a disease: the record's diagnosis says which limit binds the patient
    String diseases = "For patients with ITP: platelet count < 30 x 10^9/L; for patients with TTP: ADAMTS13 activity"
        + " < 10%";
    assertThat(inclusion(diseases, person("1980-01-01", Sex.MALE).lab("platelets", 20, "10*9/L", "2026-05-20")))
        .as("an ITP patient with 20 x 10^9/L (was asked)").isEqualTo(Truth.MET);
    assertThat(inclusion(diseases, person("1980-01-01", Sex.MALE).lab("platelets", 80, "10*9/L", "2026-05-20")))
        .as("an ITP patient with 80 x 10^9/L").isEqualTo(Truth.NOT_MET);
    Facts well = person("1980-01-01", Sex.MALE).lab("hemoglobin", 130, "g/L", "2026-05-20");
    assertThat(exclusion("In adults: Hb < 9 g/dL; in children: Hb < 8 g/dL", well)).as("a man with 13 g/dL")
        .isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aSexOrReproductiveGroupWrittenBeforeItsLimitBindsOnlyThatGroup() {
    // each sex held to its own limit (was unparsed: "requirements for several groups of patients")
    Facts woman = person("1980-01-01", Sex.FEMALE).lab("hemoglobin", 125, "g/L", "2026-05-20");
    Facts man = person("1980-01-01", Sex.MALE).lab("hemoglobin", 125, "g/L", "2026-05-20");
    for (String sentence : List.of("For men: hemoglobin ≥ 13 g/dL; for women: hemoglobin ≥ 12 g/dL",
        "In male patients, Hb ≥ 13 g/dL; in female patients, Hb ≥ 12 g/dL",
        "For males: hemoglobin ≥ 13 g/dL, and for females: hemoglobin ≥ 12 g/dL")) {
      assertThat(inclusion(sentence, woman)).as(sentence + ": a woman with 12.5 g/dL").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, man)).as(sentence + ": a man with 12.5 g/dL").isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("For men: hemoglobin < 13 g/dL; for women: hemoglobin < 12 g/dL", woman))
        .as("a woman with 12.5 g/dL").isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("For men: hemoglobin < 13 g/dL; for women: hemoglobin < 12 g/dL", man))
        .as("a man with 12.5 g/dL").isEqualTo(Truth.MET);
    // a pregnancy limit for women who can be pregnant still excludes a pregnant woman, never a man
    Facts pregnant = person("1994-01-01", Sex.FEMALE).coded("pregnancy-status", "pregnant", "2026-05-25");
    for (String sentence : List.of("In women of childbearing potential: positive pregnancy test",
        "For women of childbearing potential: positive serum or urine pregnancy test")) {
      assertThat(exclusion(sentence, pregnant)).as(sentence + ": a pregnant woman").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, man)).as(sentence + ": a man").isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aGroupThatGoesOnPastItsCommaUpToAColonIsAskedNotReadAsTheLimit() {
    // "hypertension or both" after the group's comma was read as the limit: a diabetic with hypertension and an HbA1c
    // of 7% was excluded
    Facts diabetic = Facts.patient("d").born("1970-01-01").sex(Sex.MALE)
        .condition("Type 2 diabetes mellitus", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("diabetes-mellitus"))
        .condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"))
        .lab("hba1c", 7, "%", "2026-05-20");
    for (String sentence : List.of("In patients with diabetes, hypertension or both: HbA1c > 10%",
        "Among patients with diabetes, hypertension, or both: HbA1c > 10%",
        "For patients with diabetes, hypertension or both: HbA1c above 10%")) {
      assertThat(exclusion(sentence, diabetic)).as(sentence + ": HbA1c 7% (was MET)").isNotEqualTo(Truth.MET);
    }
  }
}
