package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.exclusion;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.inclusion;
import static org.eligo.criteria.parse.AntiglobulinTestVerdictsTest.waiha;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Hemolysis markers relative to the lab's own limits of normal (DECISIONS §86): a limit below the lower limit of
 * normal is decided by the result's reference range and asked without one (never a guessed range); "Evidence of
 * hemolysis: a, b, or c" is any of its markers.
 */
class HemolysisMarkersVerdictsTest {

  /** Haptoglobin 5 mg/dL, the lab's range 30-200: below its lower limit; LDH normal. */
  static Facts haptoglobinLow() {
    return waiha().labRange("haptoglobin", 5, "mg/dL", "2026-05-10", 30.0, 200.0)
        .labRange("ldh", 200, "U/L", "2026-05-10", 120.0, 250.0);
  }

  /** Haptoglobin 5 mg/dL with no reference range, LDH normal. */
  static Facts haptoglobinLowNoRange() {
    return waiha().lab("haptoglobin", 5, "mg/dL", "2026-05-10").labRange("ldh", 200, "U/L", "2026-05-10", 120.0,
        250.0);
  }

  /** Haptoglobin and LDH normal, reticulocytes normal. */
  static Facts noHemolysis() {
    return waiha().labRange("haptoglobin", 100, "mg/dL", "2026-05-10", 30.0, 200.0)
        .labRange("ldh", 200, "U/L", "2026-05-10", 120.0, 250.0)
        .labRange("arc", 50, "10*9/L", "2026-05-10", 25.0, 100.0);
  }

  /** Only LDH high (450, ULN 250); haptoglobin normal. */
  static Facts ldhHighOnly() {
    return waiha().labRange("haptoglobin", 100, "mg/dL", "2026-05-10", 30.0, 200.0)
        .labRange("ldh", 450, "U/L", "2026-05-10", 120.0, 250.0)
        .labRange("arc", 50, "10*9/L", "2026-05-10", 25.0, 100.0);
  }

  @Test
  void aLimitBelowTheLowerLimitOfNormalIsTheLabsOwnAndAskedWithoutOne() {
    for (String sentence : List.of("Haptoglobin < LLN", "Haptoglobin below the lower limit of normal",
        "Serum haptoglobin less than the institutional lower limit of normal", "Haptoglobin < 1 x LLN")) {
      assertThat(compiled(inclusion(sentence), haptoglobinLow()).get("inc-1")).as("5 mg/dL, LLN 30: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), noHemolysis()).get("inc-1")).as("100 mg/dL, LLN 30: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), haptoglobinLowNoRange()).get("inc-1")).as("no range: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), waiha()).get("inc-1")).as("no haptoglobin: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(exclusion(sentence), noHemolysis()).get("exc-1")).as("excluded? normal: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void evidenceOfHemolysisIsAnyOfItsMarkers() {
    for (String sentence : List.of(
        "Evidence of hemolysis: LDH > ULN, haptoglobin < LLN, or reticulocyte count > ULN",
        "Laboratory evidence of hemolysis (haptoglobin below the lower limit of normal or LDH above the upper limit"
            + " of normal)",
        "Evidence of hemolysis: LDH > ULN or haptoglobin < LLN",
        "Hemolysis as evidenced by LDH > ULN or haptoglobin < LLN")) {
      assertThat(compiled(inclusion(sentence), ldhHighOnly()).get("inc-1")).as("LDH high alone: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), haptoglobinLow()).get("inc-1")).as("haptoglobin low alone: %s",
          sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), noHemolysis()).get("inc-1")).as("all normal: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), haptoglobinLowNoRange()).get("inc-1"))
          .as("low haptoglobin without a range, LDH normal: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void evidenceOfHemolysisOverItsMarkersListedBelowNeverNeedsEachMarker() {
    // each marker read as a criterion of its own, a patient with a high LDH and a normal haptoglobin was INELIGIBLE
    for (String heading : List.of("Laboratory evidence of hemolysis:", "Evidence of active hemolysis, defined as:",
        "Biochemical evidence of ongoing hemolysis:")) {
      String text = "Inclusion Criteria:\n\n* " + heading + "\n  * LDH > ULN\n  * Haptoglobin < LLN\n"
          + "  * Reticulocyte count > ULN\n\nExclusion Criteria:\n\n* Pregnancy\n";
      assertThat(compiled(text, ldhHighOnly()).entrySet().stream()
          .filter(e -> e.getKey().startsWith("inc-")).map(java.util.Map.Entry::getValue))
          .as("LDH high alone: %s", heading).doesNotContain(Truth.NOT_MET);
      assertThat(compiled(text, noHemolysis()).entrySet().stream()
          .filter(e -> e.getKey().startsWith("inc-")).map(java.util.Map.Entry::getValue))
          .as("all normal: %s", heading).contains(Truth.NOT_MET);
    }
  }
}
