package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.Map;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A heading that offers its items as alternatives ("Patients must have one of the following:") is one criterion met by
 * any item: read as separate criteria, a patient anaemic but with normal platelets failed the platelet item and was
 * excluded from a trial that admits them.
 */
class OneOfTheFollowingVerdictsTest {
  /** Anaemic (Hb 9 g/dL, in the measure's canonical g/L), platelets normal (250 × 10^9/L). */
  static Facts anaemicOnly() {
    return adult().lab("hemoglobin", 90, "g/L", "2026-05-20").lab("platelets", 250, "10*9/L", "2026-05-20");
  }

  /** Neither (Hb 14 g/dL, platelets 250 × 10^9/L). */
  static Facts neither() {
    return adult().lab("hemoglobin", 140, "g/L", "2026-05-20").lab("platelets", 250, "10*9/L", "2026-05-20");
  }

  static void assertOneCriterionMetByEitherItem(String heading, String marker) {
    String text = "Inclusion Criteria:\n\n* " + heading + "\n  " + marker + " Hemoglobin < 10 g/dL\n  " + marker
        + " Platelet count < 30,000/µL\n\nExclusion Criteria:\n\n* Pregnancy\n";
    Map<String, Truth> anaemic = compiled(text, anaemicOnly());
    assertThat(anaemic).as(heading).containsKey("inc-1").doesNotContainKeys("inc-1.1", "inc-1.2");
    assertThat(anaemic.get("inc-1")).as(heading + ": an anaemic patient meets it").isEqualTo(Truth.MET);
    assertThat(compiled(text, neither()).get("inc-1")).as(heading + ": a patient with neither").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void oneOfTheFollowingIsAnyOfItsItems() {
    assertOneCriterionMetByEitherItem("Patients must have one of the following:", "*");
    assertOneCriterionMetByEitherItem("Must meet one of the following criteria:", "-");
    assertOneCriterionMetByEitherItem("Presence of one of the following:", "*");
    assertOneCriterionMetByEitherItem("Cytopenia, defined as one of the following laboratory findings:", "a.");
    assertOneCriterionMetByEitherItem("Only one of the following is required:", "*");
  }

  @Test
  void eitherInBracketsAndOneOfTheseCriteriaAreAlternatives() {
    assertOneCriterionMetByEitherItem("Disease status (either):", "*");
    assertOneCriterionMetByEitherItem("Meeting one of these criteria:", "*");
    assertOneCriterionMetByEitherItem("Fulfils one of the below criteria:", "-");
  }

  @Test
  void noneOfTheFollowingStaysADenialOfEveryItem() {
    String text = "Inclusion Criteria:\n\n* None of the following:\n  * Hemoglobin < 10 g/dL\n"
        + "  * Platelet count < 30,000/µL\n";
    assertThat(compiled(text, anaemicOnly()).get("inc-1")).as("anaemic: one of the denied items holds")
        .isEqualTo(Truth.NOT_MET);
    assertThat(compiled(text, neither()).get("inc-1")).isEqualTo(Truth.MET);
  }
}
