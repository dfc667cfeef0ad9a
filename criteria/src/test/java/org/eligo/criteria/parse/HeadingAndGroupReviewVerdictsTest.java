package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.only;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.subItems;
import static org.eligo.criteria.parse.DefinitionHeadingVerdictsTest.record;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
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
}
