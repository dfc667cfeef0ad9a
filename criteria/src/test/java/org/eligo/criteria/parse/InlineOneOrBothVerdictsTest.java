package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.inclusion;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.neither;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.oneLow;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.only;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.rituximab;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.splenectomy;
import static org.eligo.criteria.parse.CountedListsReviewVerdictsTest.twoLow;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.junit.jupiter.api.Test;

/**
 * §83 reviewed (DECISIONS §84): "One or both of: a, b" written inline, not over sub-items, is any of its items; read
 * as a comma list, both were required and a patient with one low count was failed.
 */
class InlineOneOrBothVerdictsTest {
  @Test
  void oneOrBothWrittenInlineIsMetByEitherItem() {
    for (String text : List.of(
        inclusion("One or both of: hemoglobin < 10 g/dL, platelet count < 100 x 10^9/L"),
        inclusion("Either or both of: hemoglobin < 10 g/dL; platelets < 100 x 10^9/L"),
        inclusion("Patients with one or both of the following: hemoglobin < 10 g/dL, platelet count < 100 x 10^9/L"),
        inclusion("Patients must have one or both of: hemoglobin < 10 g/dL and platelets < 100 x 10^9/L"))) {
      // oneLow: only the hemoglobin is low
      assertThat(only(compiled(text, oneLow()), text)).as("one low: %s", text).isEqualTo(Truth.MET);
      assertThat(only(compiled(text, twoLow()), text)).as("both low: %s", text).isEqualTo(Truth.MET);
    }
  }

  @Test
  void oneOrBothInTheExclusionListExcludesOnEitherItem() {
    for (String text : List.of(
        "One or both of: prior rituximab, prior splenectomy",
        "Either or both of: prior rituximab; prior splenectomy",
        "Patients with one or both of the following: prior rituximab, prior splenectomy",
        "Previously treated with one or both of: rituximab, splenectomy")) {
      assertThat(exclusion(text, rituximab(neither()))).as("rituximab alone: %s", text).isEqualTo(Truth.MET);
      assertThat(exclusion(text, splenectomy(neither()))).as("splenectomy alone: %s", text).isEqualTo(Truth.MET);
      assertThat(exclusion(text, neither())).as("neither: %s", text).isEqualTo(Truth.NOT_MET);
    }
  }
}
