package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §91: a bare group word before "must" ("Adolescents must weigh at least 40 kg", "Infants must …") had dropped the
 * group and held the limit on everyone; a group named by "older/younger than" was asked though its ages were written.
 */
class BareGroupRequirementVerdictsTest {

  private static Facts weighing(String born, double kg) {
    return Facts.patient("p").sex(Sex.FEMALE).born(born).lab("body-weight", kg, "kg", "2026-05-20");
  }

  @Test
  void anAdolescentsLimitBindsAdolescentsOnly() {
    for (String sentence : List.of("Adolescents must weigh at least 40 kg",
        "Adolescent patients must have a body weight ≥ 40 kg",
        "Adolescents should have a body weight of at least 40 kg",
        "Adolescents (12 to 17 years) must weigh ≥ 40 kg")) {
      assertThat(inclusion(sentence, weighing("1986-01-01", 38))).as(sentence + ": a woman of 40 at 38 kg (was NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, weighing("2012-01-01", 38))).as(sentence + ": a girl of 14 at 38 kg")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, weighing("2012-01-01", 45))).as(sentence + ": a girl of 14 at 45 kg")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, Facts.patient("p").lab("body-weight", 38, "kg", "2026-05-20")))
          .as(sentence + ": no birth date, 38 kg").isEqualTo(Truth.UNKNOWN);
    }
    // an age where the usages differ (ICH E11: up to 16-18; WHO: 10-19) is asked, never failed
    assertThat(inclusion("Adolescents must weigh at least 40 kg", weighing("2008-01-01", 38)))
        .as("a woman of 18 at 38 kg").isEqualTo(Truth.UNKNOWN);
    assertThat(exclusion("Adolescents must weigh at least 40 kg", weighing("1986-01-01", 38)))
        .as("exclusion list: a woman of 40 at 38 kg").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void anInfantsLimitBindsInfantsOnly() {
    for (String sentence : List.of("Infants must weigh at least 5 kg", "Infants must have a body weight ≥ 5 kg",
        "Infants should have a body weight of at least 5 kg")) {
      assertThat(inclusion(sentence, weighing("2020-01-01", 4))).as(sentence + ": a child of 6 at 4 kg (was NOT_MET)")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, weighing("2026-01-01", 4))).as(sentence + ": a baby of 5 months at 4 kg")
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aGroupNamedOlderOrYoungerThanAnAgeIsThatAgeNotAQuestion() {
    Facts old = Facts.patient("p").sex(Sex.MALE).born("1950-01-01").lab("hemoglobin", 85, "g/L", "2026-05-20");
    Facts sixty = Facts.patient("p").sex(Sex.MALE).born("1966-01-01").lab("hemoglobin", 85, "g/L", "2026-05-20");
    Facts young = Facts.patient("p").sex(Sex.MALE).born("1990-01-01").lab("hemoglobin", 85, "g/L", "2026-05-20");
    for (String sentence : List.of("Patients older than 60 must have hemoglobin ≥ 9 g/dL",
        "Patients older than 60 years must have a hemoglobin of at least 9 g/dL",
        "Subjects older than 60 years of age should have hemoglobin ≥ 9 g/dL")) {
      assertThat(inclusion(sentence, old)).as(sentence + ": a man of 76 at 8.5 g/dL").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, young)).as(sentence + ": a man of 36 at 8.5 g/dL (was UNKNOWN)")
          .isEqualTo(Truth.MET);
    }
    assertThat(inclusion("Patients older than 60 must have hemoglobin ≥ 9 g/dL", sixty))
        .as("a man of 60 is not older than 60").isEqualTo(Truth.MET);
    assertThat(inclusion("Patients younger than 18 must weigh at least 40 kg", weighing("1986-01-01", 38)))
        .as("a woman of 40 at 38 kg").isEqualTo(Truth.MET);
  }

  @Test
  void endToEndUnderTheInclusionHeading() {
    String text = """
        Inclusion Criteria:

        * Age ≥ 12 years
        * Adolescents must weigh at least 40 kg

        Exclusion Criteria:

        * Pregnancy
        """;
    assertThat(compiled(text, weighing("1986-01-01", 38)).get("inc-2")).as("a woman of 40 at 38 kg")
        .isEqualTo(Truth.MET);
  }
}
