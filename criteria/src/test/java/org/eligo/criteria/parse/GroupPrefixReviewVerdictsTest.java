package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/** §88 reviewed: "adults" and "children" written before a limit without their ages. */
class GroupPrefixReviewVerdictsTest {

  private static Facts person(String born, double hemoglobinGramsPerLitre) {
    Facts f = Facts.patient("p").sex(Sex.MALE).lab("hemoglobin", hemoglobinGramsPerLitre, "g/L", "2026-05-20");
    return born == null ? f : f.born(born);
  }

  @Test
  void adultsWithoutTheirAgesAreThoseOf18OrMoreAsClinicalTrialsGovCountsThem() {
    for (String sentence : List.of("In adults, hemoglobin < 9 g/dL", "For adult patients: Hb < 9 g/dL",
        "Among adults, haemoglobin below 9 g/dL")) {
      assertThat(exclusion(sentence, person("1986-01-01", 85))).as(sentence + ": a man of 40 at 8.5 (was asked)")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, person("1986-01-01", 125))).as(sentence + ": a man of 40 at 12.5")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, person("2012-01-01", 85))).as(sentence + ": a boy of 14 at 8.5")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, person("2009-01-01", 85))).as(sentence + ": 17, adult in some regions")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, person(null, 85))).as(sentence + ": age not in the record")
          .isEqualTo(Truth.UNKNOWN);
    }
    for (String sentence : List.of("For adults: hemoglobin ≥ 9 g/dL", "In adult participants, Hb ≥ 9 g/dL",
        "In adults: Hb ≥ 9 g/dL; in children: Hb ≥ 8 g/dL")) {
      assertThat(inclusion(sentence, person("1986-01-01", 85))).as(sentence + ": a man of 40 at 8.5 (was asked)")
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, person("1986-01-01", 95))).as(sentence + ": a man of 40 at 9.5")
          .isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, person(null, 85))).as(sentence + ": age not in the record")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void childrenWithoutTheirAgesAreThoseOf2To11AndAnAdolescentIsAsked() {
    for (String sentence : List.of("For children, hemoglobin < 8 g/dL", "In children: Hb < 8 g/dL",
        "In adults: Hb < 9 g/dL; in children: Hb < 8 g/dL")) {
      assertThat(exclusion(sentence, person("2018-01-01", 75))).as(sentence + ": a boy of 8 at 7.5 (was asked)")
          .isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, person("2011-01-01", 75))).as(sentence + ": 15, a child or an adolescent")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, person("2018-01-01", 85))).as(sentence + ": a boy of 8 at 8.5")
          .isEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("For children, hemoglobin < 8 g/dL", person("1986-01-01", 75)))
        .as("a man of 40 at 7.5 is no child").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("In children: hemoglobin ≥ 8 g/dL", person("2018-01-01", 75)))
        .as("a boy of 8 at 7.5 (was asked)").isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("In children: hemoglobin ≥ 8 g/dL", person("2011-01-01", 75)))
        .as("15 at 7.5: a child or an adolescent").isEqualTo(Truth.UNKNOWN);
  }
}
