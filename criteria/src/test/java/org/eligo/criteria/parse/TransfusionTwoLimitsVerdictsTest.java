package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.inclusion;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.withProcedures;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A sentence with two transfusion limits is never read as its first alone (DECISIONS 92, review), evaluated as of
 * 2026-06-01. "Platelet transfusion-free for at least 2 weeks, and RBC transfusion-free for at least 8 weeks" was read
 * as no transfusion in 2 weeks, so a patient given red cells 4 weeks ago met it; "≥ 2 units of RBC in the 8 weeks or
 * ≥ 4 units of RBC in the 16 weeks" was read as its first count, so a patient with 4 units 10 and 12 weeks ago failed
 * it.
 */
class TransfusionTwoLimitsVerdictsTest {
  private static final String[] RED = coded("red-cell-transfusion");

  private static Truth inc(String sentence, Facts patient) {
    return compiled(inclusion(sentence), patient).get("inc-1");
  }

  @Test
  void twoIndependencesAreNotTheFirstAlone() {
    for (String sentence : List.of(
        "Platelet transfusion-free for at least 2 weeks, and RBC transfusion-free for at least 8 weeks",
        "Platelet transfusion-independent for at least 2 weeks and RBC transfusion-independent for at least 8 weeks",
        "Transfusion-free for 2 weeks and red blood cell transfusion independent for the last 8 weeks")) {
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 2 units", "2026-05-04", 2, RED)))
          .as("red cells 4 weeks ago: %s", sentence).isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aSecondCountIsNotDropped() {
    for (String sentence : List.of(
        "Transfusion dependence: ≥ 2 units of RBC in the 8 weeks or ≥ 4 units of RBC in the 16 weeks before enrollment",
        "At least 2 units of red blood cells within 8 weeks, or at least 4 units within 16 weeks",
        "Requiring ≥ 2 RBC transfusions in the 8 weeks or ≥ 3 RBC transfusions in the 16 weeks prior to randomization")) {
      Facts earlier = withProcedures().administeredUnits("PRBC 2 units", "2026-03-23", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-03-09", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-02-23", 2, RED);
      assertThat(inc(sentence, earlier)).as("6 units 10 to 14 weeks ago: %s", sentence)
          .isNotEqualTo(Truth.NOT_MET);
    }
  }
}
