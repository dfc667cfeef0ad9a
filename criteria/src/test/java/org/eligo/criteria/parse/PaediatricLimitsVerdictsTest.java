package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** Paediatric trials' limits: the ULN for age, "2 to &lt; 18 years", an age group's weight (§46). The date is 2026-06-01. */
class PaediatricLimitsVerdictsTest {
  private static Facts child(double creatinine, double alt) {
    return Facts.patient("c").born("2016-03-01").sex(Sex.FEMALE)
        .lab("creatinine", creatinine, "mg/dL", "2026-05-20", 0.7).lab("alt", alt, "U/L", "2026-05-20", 40.0)
        .lab("bilirubin-total", 0.4, "mg/dL", "2026-05-20", 1.0);
  }

  @Test
  void aLimitOnTheUpperLimitOfNormalForAgeIsTheLaboratorysOwn() {
    for (String sentence : List.of("Serum creatinine ≤ 1.5 × ULN for age", "ALT ≤ 3 × upper limit of normal for age",
        "Total bilirubin ≤ 1.5 times the ULN for age and sex", "Creatinine ≤ 1.5 x institutional ULN for age")) {
      assertThat(inclusion(sentence, child(0.5, 30))).as(sentence + ": within the child's range (had been UNKNOWN)")
          .isEqualTo(Truth.MET);
    }
    assertThat(inclusion("Serum creatinine ≤ 1.5 × ULN for age", child(1.4, 30))).as("twice the child's ULN")
        .isEqualTo(Truth.NOT_MET);
    assertThat(exclusion("ALT > 5 × ULN for age", child(0.5, 240))).as("six times the ULN").isEqualTo(Truth.MET);
  }

  @Test
  void anUpperAgeWrittenWithLessThanIsNotReached() {
    Facts tenYears = Facts.patient("t").born("2016-03-01").sex(Sex.FEMALE);
    Facts eighteen = Facts.patient("e").born("2008-01-15").sex(Sex.MALE);
    for (String sentence : List.of("Aged 2 to < 18 years", "Age ≥ 2 to < 18 years", "Patients aged 1 month to < 18 years",
        "Pediatric patients 2 to less than 18 years of age")) {
      assertThat(inclusion(sentence, tenYears)).as(sentence + ": ten years old (had been UNKNOWN)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, eighteen)).as(sentence + ": eighteen").isEqualTo(Truth.NOT_MET);
    }
    Facts fiveMonths = Facts.patient("i").born("2025-12-20").sex(Sex.MALE);
    assertThat(inclusion("Infants aged 1 to 24 months", fiveMonths)).as("five months (had been UNKNOWN)")
        .isEqualTo(Truth.MET);
    assertThat(inclusion("Infants aged 1 to 24 months", tenYears)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aWeightRequiredOfAnAgeGroupBindsThatGroupOnly() {
    Facts lightInfant = Facts.patient("i").born("2025-12-20").sex(Sex.MALE).lab("body-weight", 5.2, "kg", "2026-05-25");
    Facts tenYears = Facts.patient("t").born("2016-03-01").sex(Sex.FEMALE).lab("body-weight", 28, "kg", "2026-05-25");
    String infants = "Patients < 12 months of age must weigh at least 6 kg";
    assertThat(inclusion(infants, lightInfant)).as("5.2 kg at five months (had been UNKNOWN)").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(infants, tenYears)).as("not an infant").isEqualTo(Truth.MET);
    String minors = "Participants aged < 18 years must weigh ≥ 40 kg";
    assertThat(inclusion(minors, tenYears)).as("28 kg at ten").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion(minors, Facts.patient("a").born("1980-01-01").sex(Sex.MALE))).as("an adult, weight unknown")
        .isEqualTo(Truth.MET);
  }
}
