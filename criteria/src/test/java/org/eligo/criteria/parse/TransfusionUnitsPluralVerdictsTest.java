package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.withProcedures;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Units of red cells written in the plural, "RBCs" or "pRBCs" (DECISIONS 87), read as §72 reads "RBC": a transfusion of
 * red cells in the window and a question for the units (the record holds transfusions, not units), failed only when
 * the record lists procedures and no transfusion in the window. Unread, the sentence was asked of every patient.
 * Evaluated 2026-06-01; every patient has aplastic anemia and a marrow biopsy on record.
 */
class TransfusionUnitsPluralVerdictsTest {
  static final Facts RED_CELLS_TWO_WEEKS_AGO = withProcedures().procedure("Red blood cell transfusion", "2026-05-18",
      coded("red-cell-transfusion"));
  static final Facts RED_CELLS_A_YEAR_AGO = withProcedures().procedure("Red blood cell transfusion", "2025-05-18",
      coded("red-cell-transfusion"));

  @Test
  void unitsOfRbcsInAWindowAreAskedForTheUnitsAndFailedWithoutATransfusion() {
    for (String sentence : List.of("Requiring ≥ 4 units of RBCs in the 8 weeks before randomisation",
        "Transfusion dependent, defined as at least 2 units of RBCs in the 8 weeks before screening",
        "Received ≥ 2 units of pRBCs within 8 weeks prior to study entry")) {
      assertThat(inclusion(sentence, RED_CELLS_TWO_WEEKS_AGO)).as("one transfusion: the units asked: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, RED_CELLS_A_YEAR_AGO)).as("none in the window: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, withProcedures())).as("never transfused: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, withProcedures())).as("excluded list, never transfused: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, RED_CELLS_TWO_WEEKS_AGO)).as("excluded list, one transfusion: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }
}
