package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import java.util.Map;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §91: "within the following limits/ranges/parameters" bounds values, it is no time window; the limits it lists are
 * all required. Inline, "including" had made them alternatives and the sentence unparsed; as a heading over bullets,
 * each limit was asked "in the time the heading gives".
 */
class WithinLimitsVerdictsTest {

  private static Facts counts(double anc, double platelets) {
    return adult().lab("anc", anc, "10*9/L", "2026-05-20").lab("platelets", platelets, "10*9/L", "2026-05-20");
  }

  @Test
  void inlineLimitsWithinTheFollowingBoundsAreAllRequired() {
    for (String sentence : List.of(
        "Blood counts within the following limits, including: ANC ≥ 1.0 × 10^9/L; platelets ≥ 50 × 10^9/L",
        "Adequate bone marrow function within the following parameters: ANC ≥ 1.0 × 10^9/L, platelet count ≥ 50 × 10^9/L",
        "Laboratory values within the following ranges: absolute neutrophil count ≥ 1.0 × 10^9/L; platelets ≥ 50 × 10^9/L")) {
      assertThat(inclusion(sentence, counts(1.5, 80))).as(sentence + ": both met (was UNKNOWN)").isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, counts(0.5, 80))).as(sentence + ": ANC 0.5").isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, adult().lab("anc", 1.5, "10*9/L", "2026-05-20")))
          .as(sentence + ": no platelet count").isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aHeadingWithinTheFollowingLimitsIsNoTimeWindow() {
    for (String heading : List.of("Organ function within the following limits:",
        "Laboratory values within the following ranges, including:",
        "Adequate hematologic function, within the protocol-specified parameters:")) {
      String text = "Inclusion Criteria:\n\n* " + heading + "\n  * ANC ≥ 1.0 × 10^9/L\n  * Platelets ≥ 50 × 10^9/L\n\n"
          + "Exclusion Criteria:\n\n* Pregnancy\n";
      Map<String, Truth> met = compiled(text, counts(1.5, 80));
      assertThat(met.entrySet().stream().filter(e -> e.getKey().startsWith("inc-"))
          .allMatch(e -> e.getValue() == Truth.MET)).as(heading + ": both met (each was asked) " + met).isTrue();
      Map<String, Truth> low = compiled(text, counts(0.5, 80));
      assertThat(low.containsValue(Truth.NOT_MET)).as(heading + ": ANC 0.5 " + low).isTrue();
    }
  }
}
