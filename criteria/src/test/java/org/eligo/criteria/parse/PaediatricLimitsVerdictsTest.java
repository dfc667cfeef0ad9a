package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** Paediatric trials' limits: the ULN for age, "2 to &lt; 18 years", an age group's weight (§41). The date is 2026-06-01. */
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
}
