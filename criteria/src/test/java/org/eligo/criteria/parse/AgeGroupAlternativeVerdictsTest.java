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
 * §95: a second limit after "or" for an age group ("ANC ≥ 1.5, or ≥ 1.0 × 10^9/L for patients older than 70 years")
 * asked every patient between the limits whether he was in the group, though his age was on record.
 */
class AgeGroupAlternativeVerdictsTest {

  private static Facts anc(String born, double value) {
    return Facts.patient("p").sex(Sex.MALE).born(born).lab("anc", value, "10*9/L", "2026-05-20");
  }

  private static Facts clearance(String born, double value) {
    return Facts.patient("p").sex(Sex.MALE).born(born).lab("creatinine-clearance", value, "mL/min", "2026-05-20");
  }

  @Test
  void anAgeGroupsOwnLimitIsReadFromTheAge() {
    for (String sentence : List.of("ANC ≥ 1.5, or ≥ 1.0 × 10^9/L for patients older than 70 years",
        "ANC ≥ 1.5 × 10^9/L, or ≥ 1.0 × 10^9/L in patients over 70",
        "Absolute neutrophil count ≥ 1.5 × 10^9/L, or ≥ 1.0 × 10^9/L for patients aged 70 years or older")) {
      assertThat(inclusion(sentence, anc("1950-01-01", 1.2))).as(sentence + ": a man of 76 at 1.2 (was UNKNOWN)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, anc("1980-01-01", 1.2))).as(sentence + ": a man of 46 at 1.2 (was UNKNOWN)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, anc("1950-01-01", 0.8))).as(sentence + ": a man of 76 at 0.8")
          .isEqualTo(Truth.NOT_MET);
      // a man of 70 and some months is older than 70 years: never failed on a reading of the group narrower than
      // the words
      assertThat(inclusion(sentence, anc("1956-03-01", 1.2))).as(sentence + ": a man of 70 at 1.2")
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("Creatinine clearance ≥ 60 mL/min, or ≥ 45 mL/min for patients aged 70 or over",
        "Creatinine clearance ≥ 60 mL/min, or ≥ 45 mL/min in patients ≥ 70 years",
        "Creatinine clearance ≥ 60, or ≥ 45 mL/min for patients 70 years of age or older")) {
      assertThat(inclusion(sentence, clearance("1950-01-01", 50))).as(sentence + ": a man of 76 at 50 (was UNKNOWN)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, clearance("1980-01-01", 50))).as(sentence + ": a man of 46 at 50 (was UNKNOWN)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, Facts.patient("p").lab("creatinine-clearance", 50, "mL/min", "2026-05-20")))
          .as(sentence + ": no birth date, 50").isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void inTheExclusionsAnAgeGroupsLooserLimitRelaxesTheFirstForThatGroup() {
    for (String sentence : List.of("Creatinine clearance < 60 mL/min, or < 45 mL/min for patients aged 70 or over",
        "Creatinine clearance < 60 mL/min, or < 45 mL/min in patients older than 70 years")) {
      assertThat(exclusion(sentence, clearance("1950-01-01", 50))).as(sentence + ": a man of 76 at 50 (was UNKNOWN)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, clearance("1980-01-01", 50))).as(sentence + ": a man of 46 at 50 (was UNKNOWN)")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, clearance("1980-01-01", 40))).as(sentence + ": a man of 46 at 40")
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void anAgeWordBeforeADiseaseIsNotDropped() {
    // §95 review: "for children with ITP" read as "with ITP" held an adult with ITP to the children's limit
    Facts adultWithItp = Facts.patient("p").sex(Sex.FEMALE).born("1980-01-01")
        .lab("platelets", 40, "10*9/L", "2026-05-20")
        .condition("ITP", org.eligo.core.patient.ClinicalStatus.ACTIVE, "2020-01-01", null,
            ParsedVerdictsTest.coded("immune-thrombocytopenia"));
    for (String sentence : List.of("Platelet count < 30 × 10^9/L, or < 50 × 10^9/L for children with ITP",
        "Platelets < 30 × 10^9/L, or < 50 × 10^9/L in children with immune thrombocytopenia",
        "Platelet count < 30 × 10^9/L, or < 50 × 10^9/L for adolescents with ITP")) {
      assertThat(exclusion(sentence, adultWithItp)).as(sentence + ": a woman of 46 with ITP at 40")
          .isNotEqualTo(Truth.MET);
    }
  }
}
