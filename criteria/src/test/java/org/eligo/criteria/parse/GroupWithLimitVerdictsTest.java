package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §95: an age group then the limit it is held to, without "must" ("Adolescents weighing less than 40 kg", "Children
 * under 6 years with a weight below 10 kg"): read whole the group was dropped, and a woman of 40 at 38 kg was excluded.
 */
class GroupWithLimitVerdictsTest {

  private static Facts weighing(String born, double kg) {
    return Facts.patient("p").sex(Sex.FEMALE).born(born).lab("body-weight", kg, "kg", "2026-05-20");
  }

  @Test
  void anAdolescentsWeightInTheExclusionsExcludesNoAdult() {
    for (String sentence : List.of("Adolescents weighing less than 40 kg", "Adolescents who weigh < 40 kg",
        "Adolescent patients with a body weight below 40 kg")) {
      assertThat(exclusion(sentence, weighing("1986-01-01", 38))).as(sentence + ": a woman of 40 at 38 kg (was MET)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, weighing("2012-01-01", 38))).as(sentence + ": a girl of 14 at 38 kg")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, weighing("2012-01-01", 45))).as(sentence + ": a girl of 14 at 45 kg")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, Facts.patient("p").lab("body-weight", 38, "kg", "2026-05-20")))
          .as(sentence + ": no birth date, 38 kg").isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aGroupWithItsAgesWrittenIsThoseAges() {
    for (String sentence : List.of("Children under 6 years with a weight below 10 kg",
        "Children younger than 6 years weighing less than 10 kg", "Children (< 6 years) with body weight < 10 kg")) {
      assertThat(exclusion(sentence, weighing("2024-01-01", 9))).as(sentence + ": a child of 2 at 9 kg")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, weighing("2016-01-01", 9))).as(sentence + ": a child of 10 at 9 kg (was UNKNOWN)")
          .isEqualTo(Truth.NOT_MET);
    }
    Facts elderly = Facts.patient("p").sex(Sex.MALE).born("1950-01-01").lab("creatinine-clearance", 25, "mL/min",
        "2026-05-20");
    Facts younger = Facts.patient("p").sex(Sex.MALE).born("1970-01-01").lab("creatinine-clearance", 25, "mL/min",
        "2026-05-20");
    for (String sentence : List.of("Patients aged ≥ 65 years with creatinine clearance < 30 mL/min",
        "Adults aged 65 years or older with creatinine clearance < 30 mL/min")) {
      assertThat(exclusion(sentence, elderly)).as(sentence + ": a man of 76 at 25 mL/min").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, younger)).as(sentence + ": a man of 56 at 25 mL/min").isEqualTo(Truth.NOT_MET);
    }
    // a group word without ages every usage agrees on is asked, never dropped
    assertThat(exclusion("Elderly patients with creatinine clearance < 30 mL/min", younger))
        .as("elderly: a man of 56 at 25 mL/min").isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void anAdolescentsWeightInTheInclusionsFailsNoAdult() {
    for (String sentence : List.of("Adolescents weighing at least 40 kg", "Adolescents with a body weight ≥ 40 kg",
        "Adolescents aged 12 to 17 years weighing ≥ 40 kg")) {
      assertThat(inclusion(sentence, weighing("1986-01-01", 38))).as(sentence + ": a woman of 40 at 38 kg (was NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, weighing("2012-01-01", 38))).as(sentence + ": a girl of 14 at 38 kg")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, weighing("2012-01-01", 45))).as(sentence + ": a girl of 14 at 45 kg")
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void anotherGroupsLimitAfterTheFirstIsNotTheFirstGroups() {
    // §95 review: read as the adolescents' limit, the adults' 50 kg failed a girl of 14 at 45 kg
    for (String sentence : List.of("Adolescents weighing at least 40 kg and adults weighing at least 50 kg",
        "Adolescents weighing ≥ 40 kg, adults weighing ≥ 50 kg",
        "Children aged 2 to 11 years weighing at least 10 kg and adolescents weighing at least 30 kg")) {
      assertThat(inclusion(sentence, weighing("2012-01-01", 45))).as(sentence + ": a girl of 14 at 45 kg")
          .isNotEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, weighing("2012-01-01", 25))).as(sentence + ": a girl of 14 at 25 kg")
          .isEqualTo(Truth.NOT_MET);
    }
    // a group read otherwise is asked: a child of 6 at 20 kg was failed on the age of the patients "aged 12 or older"
    String other = "Children with a body weight ≥ 10 kg and patients aged 12 years or older with a body weight ≥ 30 kg";
    assertThat(inclusion(other, weighing("2020-01-01", 20))).as(other + ": a girl of 6 at 20 kg")
        .isEqualTo(Truth.UNKNOWN);
    for (String sentence : List.of("Adolescents weighing less than 40 kg and adults weighing less than 50 kg",
        "Children weighing less than 15 kg, and adolescents weighing less than 40 kg")) {
      assertThat(exclusion(sentence, weighing("2012-01-01", 38))).as(sentence + ": a girl of 14 at 38 kg")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, weighing("2012-01-01", 45))).as(sentence + ": a girl of 14 at 45 kg")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void anAgeGroupWithADiseaseInTheExclusionsExcludesNoAdult() {
    // §95 review: read whole, the group was dropped and every patient with the disease was excluded
    Facts adultWithItp = Facts.patient("p").sex(Sex.FEMALE).born("1980-01-01").condition("ITP",
        org.eligo.core.patient.ClinicalStatus.ACTIVE, "2020-01-01", null,
        ParsedVerdictsTest.coded("immune-thrombocytopenia"));
    Facts childWithItp = Facts.patient("p").sex(Sex.FEMALE).born("2018-01-01").condition("ITP",
        org.eligo.core.patient.ClinicalStatus.ACTIVE, "2020-01-01", null,
        ParsedVerdictsTest.coded("immune-thrombocytopenia"));
    for (String sentence : List.of("Children with ITP", "Children with ITP or aplastic anemia",
        "Paediatric patients with chronic immune thrombocytopenia")) {
      // "paediatric patients" has no ages every usage agrees on: asked, never the adult excluded
      assertThat(exclusion(sentence, adultWithItp)).as(sentence + ": a woman of 46 with ITP (was MET)")
          .isNotEqualTo(Truth.MET);
      assertThat(exclusion(sentence, childWithItp)).as(sentence + ": a girl of 8 with ITP")
          .isNotEqualTo(Truth.NOT_MET);
    }
    Facts adultWithDiabetes = Facts.patient("p").sex(Sex.MALE).born("1980-01-01").condition("Diabetes",
        org.eligo.core.patient.ClinicalStatus.ACTIVE, "2015-01-01", null, ParsedVerdictsTest.coded("diabetes-mellitus"));
    assertThat(exclusion("Adolescents with diabetes mellitus", adultWithDiabetes))
        .as("adolescents with diabetes: a man of 46 with diabetes").isEqualTo(Truth.NOT_MET);
    // §95 review: an "or" between the group's limits dropped the group, and a woman of 40 at 38 kg was excluded
    String either = "Adolescents weighing less than 40 kg or with a BMI < 16 kg/m2";
    assertThat(exclusion(either, weighing("1986-01-01", 38))).as(either + ": a woman of 40 at 38 kg (was MET)")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion(either, weighing("2012-01-01", 38))).as(either + ": a girl of 14 at 38 kg")
        .isEqualTo(Truth.MET);
    // the inclusion list reads the disease as before
    assertThat(inclusion("Children with ITP", adultWithItp)).as("inclusion: a woman of 46 with ITP")
        .isNotEqualTo(Truth.NOT_MET);
  }
}
