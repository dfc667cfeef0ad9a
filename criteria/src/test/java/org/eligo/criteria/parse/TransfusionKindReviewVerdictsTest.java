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
 * §72's transfusion counts reviewed (DECISIONS §77): a record that lists a transfusion without saying what was given
 * ("Blood transfusion") neither fails a red-cell or platelet dependence nor meets a red-cell or platelet independence;
 * it is asked.
 */
class TransfusionKindReviewVerdictsTest {
  /** A transfusion two weeks before the evaluation date, its kind not given. */
  static Facts unnamedTransfusion() {
    return withProcedures().procedure("Blood transfusion", "2026-05-18", coded("transfusion"));
  }

  @Test
  void aTransfusionOfUnnamedKindInTheWindowIsAskedNotFailedUnderADependence() {
    for (String sentence : List.of(
        "RBC transfusion dependence (≥ 4 units in the 8 weeks prior)",
        "Red blood cell transfusion-dependent, defined as ≥ 2 units of packed red blood cells within 8 weeks prior"
            + " to enrollment",
        "At least 1 RBC transfusion in the 16 weeks before enrollment",
        "Platelet transfusion dependence, defined as ≥ 2 platelet transfusions within the past 8 weeks")) {
      assertThat(compiled(inclusion(sentence), unnamedTransfusion()).get("inc-1"))
          .as("a transfusion 2 weeks ago, kind not given: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), withProcedures()).get("inc-1"))
          .as("procedures on record, no transfusion: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aTransfusionOfUnnamedKindInTheWindowIsAskedUnderAnIndependenceAndTheOtherKindIsNot() {
    Facts platelets = withProcedures().procedure("Platelet transfusion", "2026-05-18", coded("platelet-transfusion"));
    Facts redCells = withProcedures().procedure("Packed red cell transfusion", "2026-05-18",
        coded("red-cell-transfusion"));
    for (String sentence : List.of("RBC transfusion-independent for ≥ 8 weeks",
        "Red cell transfusion independence for at least 8 weeks",
        "Red blood cell transfusion independence for the last 12 weeks")) {
      assertThat(compiled(inclusion(sentence), unnamedTransfusion()).get("inc-1"))
          .as("a transfusion 2 weeks ago, kind not given: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), platelets).get("inc-1"))
          .as("platelets only: %s", sentence).isEqualTo(Truth.MET);
      assertThat(compiled(inclusion(sentence), redCells).get("inc-1"))
          .as("red cells 2 weeks ago: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), withProcedures()).get("inc-1"))
          .as("no transfusion: %s", sentence).isEqualTo(Truth.MET);
    }
    String platelet = "Platelet transfusion independence for ≥ 8 weeks before enrollment";
    assertThat(compiled(inclusion(platelet), unnamedTransfusion()).get("inc-1")).isEqualTo(Truth.UNKNOWN);
    assertThat(compiled(inclusion(platelet), redCells).get("inc-1")).as("red cells only").isEqualTo(Truth.MET);
    assertThat(compiled(inclusion(platelet), platelets).get("inc-1")).isEqualTo(Truth.NOT_MET);
  }
}
