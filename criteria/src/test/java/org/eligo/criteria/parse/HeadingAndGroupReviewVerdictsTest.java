package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.only;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.subItems;
import static org.eligo.criteria.parse.DefinitionHeadingVerdictsTest.record;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.Sex;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * The §88 and §89 amendments reviewed: a heading of examples over limits that names neither signs of a disorder nor an
 * adequate function, and a limit for everyone followed by a bare group's own limit on the same line.
 */
class HeadingAndGroupReviewVerdictsTest {

  @Test
  void aHeadingOfExamplesThatMayListRequirementsIsNeverMetOnOneLimitAlone() {
    // ANC 0.3 × 10^9/L, platelets 150 × 10^9/L, hemoglobin 12 g/dL: fails the neutrophils every such list asks
    Facts neutropenic = record().lab("anc", 0.3, "10*9/L", "2026-05-20").lab("platelets", 150, "10*9/L", "2026-05-20")
        .lab("hemoglobin", 120, "g/L", "2026-05-20");
    Facts clean = record().lab("anc", 2.5, "10*9/L", "2026-05-20").lab("platelets", 150, "10*9/L", "2026-05-20")
        .lab("hemoglobin", 120, "g/L", "2026-05-20");
    for (String text : List.of(
        subItems("Screening laboratory results, including:", "Absolute neutrophil count ≥ 1.0 × 10^9/L",
            "Platelet count ≥ 75 × 10^9/L"),
        subItems("Hematologic parameters at screening, such as:", "Hemoglobin ≥ 9 g/dL", "ANC ≥ 1.5 × 10^9/L"),
        subItems("Evidence of adequate bone marrow reserve, including:", "ANC ≥ 1.0 × 10^9/L",
            "Platelets ≥ 100 × 10^9/L"),
        subItems("Blood counts within 14 days before enrolment, e.g.:", "Platelets ≥ 100 × 10^9/L",
            "Neutrophils ≥ 1.0 × 10^9/L"))) {
      assertThat(only(compiled(text, neutropenic), text)).as("ANC 0.3 (was MET on the other limit): %s", text)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(only(compiled(text, clean), text)).as("every limit met: %s", text).isEqualTo(Truth.MET);
    }
  }

  private static Facts aged(String born) {
    return Facts.patient("p").sex(Sex.MALE).born(born);
  }

  @Test
  void aLimitForEveryoneThenABareGroupsOwnLimitNeverFailsAMemberOfTheGroup() {
    // a boy of 10 (as of 2026) who meets the children's limit and not the one written first
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL; children: hemoglobin ≥ 8 g/dL",
        aged("2016-01-01").lab("hemoglobin", 85, "g/L", "2026-05-20"))).isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Platelet count ≥ 75 × 10^9/L. Children: platelet count ≥ 50 × 10^9/L",
        aged("2016-01-01").lab("platelets", 60, "10*9/L", "2026-05-20"))).isNotEqualTo(Truth.NOT_MET);
    // guards (these two held before the change too): " / " was read as "or", and in the exclusion list as all of
    assertThat(inclusion("Body weight ≥ 50 kg / Adolescents: body weight ≥ 40 kg",
        aged("2011-01-01").lab("body-weight", 45, "kg", "2026-05-20"))).isNotEqualTo(Truth.NOT_MET);
    assertThat(exclusion("Total bilirubin > 1.5 × ULN. Children: total bilirubin > 3 × ULN",
        aged("2016-01-01").lab("bilirubin-total", 2.0, "mg/dL", "2026-05-20", 1.0))).isNotEqualTo(Truth.MET);
  }
}
