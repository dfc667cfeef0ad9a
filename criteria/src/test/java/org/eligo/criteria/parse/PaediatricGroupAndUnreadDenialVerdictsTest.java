package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** A fresh-eyes review of §50's paediatric groups and §52's denial before a limit (§53). */
class PaediatricGroupAndUnreadDenialVerdictsTest {

  @Test
  void aPaediatricGroupWhoseAgesAreInBracketsBindsItsOwnRequirementOnly() {
    Facts adultWoman = Facts.patient("w").born("1990-01-01").sex(Sex.FEMALE).lab("body-weight", 60, "kg",
        "2026-05-20");
    Facts lightTeenager = Facts.patient("t").born("2012-01-01").sex(Sex.MALE).lab("body-weight", 35, "kg",
        "2026-05-20");
    for (String sentence : List.of("Adolescents (12-17 years) must weigh ≥ 40 kg",
        "Adolescents (aged 12 to 17 years) must weigh at least 40 kg",
        "Adolescents (≥ 12 and < 18 years) must have a body weight ≥ 40 kg")) {
      assertThat(inclusion(sentence, adultWoman)).as(sentence + ": an adult of 36 (had been NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, lightTeenager)).as(sentence + ": a boy of 14 weighing 35 kg")
          .isEqualTo(Truth.NOT_MET);
    }
    assertThat(inclusion("Pediatric patients (2 to 11 years) must weigh at least 10 kg", adultWoman))
        .as("an adult of 36").isEqualTo(Truth.MET);
  }

  @Test
  void aDenialOnlyPartlyReadBeforeAnAgeIsAskedAndTheAgeRequired() {
    Facts man = adult().condition("Essential hypertension", ClinicalStatus.ACTIVE, "2015-01-01", null,
        coded("hypertension")).lab("ecog", 1, "{score}", "2026-05-20");
    Facts child = Facts.patient("c").born("2016-01-01").sex(Sex.FEMALE).condition("Essential hypertension",
        ClinicalStatus.ACTIVE, "2015-01-01", null, coded("hypertension"));
    for (String sentence : List.of("No active bleeding, age ≥ 18 years, ECOG 0-1",
        "No active bleeding, age ≥ 18 years", "No significant bleeding history, age 18 years or older",
        "No serious concurrent illness, age ≥ 18")) {
      assertThat(inclusion(sentence, man)).as(sentence + ": a man of 56 (had been NOT_MET or MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, child)).as(sentence + ": a girl of 10").isEqualTo(Truth.NOT_MET);
    }
  }
}
