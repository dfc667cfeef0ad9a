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
 * §89 amended: an inclusion heading that gives examples or says one will do ("Evidence of hemolysis, such as:") over
 * items that hold lab limits was read item by item, each required: a patient with a raised LDH and a normal
 * haptoglobin failed. It is one criterion, any of its items; a heading that lists what adequate organ function needs
 * still holds each limit.
 */
class DefinitionHeadingLimitsVerdictsTest {
  /** LDH 400 U/L (ULN 250), haptoglobin 120 mg/dL: one marker of hemolysis, not the other. */
  static Facts ldhOnly() {
    return record().lab("ldh", 400, "U/L", "2026-05-20", 250.0).lab("haptoglobin", 120, "mg/dL", "2026-05-20");
  }

  /** LDH 180 U/L (ULN 250), haptoglobin 120 mg/dL: no marker of hemolysis. */
  static Facts neither() {
    return record().lab("ldh", 180, "U/L", "2026-05-20", 250.0).lab("haptoglobin", 120, "mg/dL", "2026-05-20");
  }

  @Test
  void aHeadingOfExamplesOverLimitsIsMetByOneAndNeverFailsAPatient() {
    for (String text : List.of(
        subItems("Evidence of hemolysis, such as:", "LDH > ULN", "Haptoglobin < 25 mg/dL"),
        subItems("Laboratory evidence of ongoing hemolysis, including:", "Lactate dehydrogenase (LDH) ≥ 1.5 × ULN",
            "Haptoglobin < 25 mg/dL"),
        subItems("Hemolysis markers at screening, e.g.:", "LDH > 1.5 x ULN", "Haptoglobin below 25 mg/dL"),
        subItems("Abnormal laboratory values consistent with hemolysis, including but not limited to:",
            "LDH > ULN", "Haptoglobin < 25 mg/dL"))) {
      assertThat(only(compiled(text, ldhOnly()), text)).as("LDH raised, haptoglobin normal: %s", text)
          .isEqualTo(Truth.MET);
      // examples only: a marker the list does not name may show the hemolysis, so none met is asked
      assertThat(only(compiled(text, neither()), text)).as("no marker listed: %s", text).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aHeadingThatSaysOneWillDoOverLimitsFailsOnlyWhenEachIsRuledOut() {
    for (String text : List.of(
        subItems("At least one of the following, defined as:", "LDH > 1.5 x ULN", "Haptoglobin < 25 mg/dL"),
        subItems("One or more laboratory signs of hemolysis, as defined by:", "LDH > ULN", "Haptoglobin < 25 mg/dL"),
        subItems("Active hemolysis, defined as any of:", "LDH ≥ 1.5 × ULN", "Haptoglobin < 25 mg/dL"))) {
      assertThat(only(compiled(text, ldhOnly()), text)).as("LDH raised, haptoglobin normal: %s", text)
          .isEqualTo(Truth.MET);
      assertThat(only(compiled(text, neither()), text)).as("both normal: %s", text).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void limitsAnAdequateFunctionNeedsStillEachHold() {
    Facts highAlt = record().lab("alt", 160, "U/L", "2026-05-20", 40.0).lab("creatinine", 0.9, "mg/dL",
        "2026-05-20", 1.2);
    for (String text : List.of(
        subItems("Adequate organ function, defined as:", "ALT ≤ 3 × ULN", "Creatinine ≤ 1.5 × ULN"),
        subItems("Adequate hepatic and renal function, including:", "ALT ≤ 3 × ULN", "Creatinine ≤ 1.5 × ULN"),
        subItems("Laboratory values at screening, such as:", "ALT ≤ 3 × ULN", "Creatinine ≤ 1.5 × ULN"))) {
      assertThat(compiled(text, highAlt)).as("ALT 4 × ULN: %s", text).containsValue(Truth.NOT_MET);
    }
  }
}
