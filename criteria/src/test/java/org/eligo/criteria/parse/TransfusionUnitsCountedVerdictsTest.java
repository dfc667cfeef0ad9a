package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.exclusion;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.inclusion;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.withProcedures;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * Transfusion burden counted from the record (DECISIONS 92), evaluated as of 2026-06-01: units where an entry gives
 * them ("PRBC 2 units"), one for an entry that gives none (and then a count that comes up short is asked, never
 * failed), entries on distinct days for a count of transfusions or episodes. Before, every count above one was asked
 * of every transfused patient, and never met.
 */
class TransfusionUnitsCountedVerdictsTest {
  private static final String[] RED = coded("red-cell-transfusion");

  private static Truth inc(String sentence, Facts patient) {
    return compiled(inclusion(sentence), patient).get("inc-1");
  }

  @Test
  void unitsOfRedCellsAreSummedFromTheRecord() {
    for (String sentence : List.of("Transfusion-dependent: ≥ 4 units of RBC in the 8 weeks before randomisation",
        "RBC transfusion dependence, defined as at least 4 units of red blood cells within 8 weeks prior to screening",
        "Requiring ≥ 4 units of RBCs in the 8 weeks before randomisation")) {
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-04-20", 2, RED))).as("2 + 2 units in the window: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)
          .administeredUnits("PRBC 2 units", "2026-03-01", 2, RED)))
          .as("1 unit in the window, 2 before it: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)
          .procedureUnits("Transfusion of packed red blood cells", "2026-05-01", null, RED)))
          .as("1 unit and a transfusion of unknown size: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .procedureUnits("PRBC transfusion 2 units", "2026-05-10", 2, RED)))
          .as("the same 2 units may be written twice on one day: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inc(sentence, withProcedures())).as("never transfused: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void transfusionsOrEpisodesAreEntriesOnDistinctDays() {
    for (String sentence : List.of(
        "Transfusion dependence defined as ≥ 2 RBC transfusion episodes in the previous 12 weeks",
        "At least 2 red blood cell transfusions within the past 12 weeks",
        "≥ 2 RBC transfusions during the 12 weeks before enrollment")) {
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-04-01", 1, RED))).as("two days with red cells: %s", sentence)
          .isEqualTo(Truth.MET);
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)))
          .as("one unit, once: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inc(sentence, withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)))
          .as("two units on one day may be one episode: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inc(sentence, withProcedures().procedureUnits("Packed red cell transfusion", "2026-05-10", null,
          RED))).as("one transfusion of unknown size: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aBurdenInTheExclusionListExcludesOnlyOnUnitsTheRecordProves() {
    for (String sentence : List.of("Received ≥ 6 units of packed red cells within 24 weeks",
        "A minimum of 6 units of packed red blood cells received within 24 weeks prior to randomization",
        "History of more than 5 units of RBC transfusion within the last 24 weeks")) {
      Facts four = withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-03-10", 2, RED);
      assertThat(compiled(exclusion(sentence), four.administeredUnits("PRBC 2 units", "2026-01-10", 2, RED))
          .get("exc-1")).as("6 units in 24 weeks: %s", sentence).isEqualTo(Truth.MET);
      Facts short4 = withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-03-10", 2, RED);
      assertThat(compiled(exclusion(sentence), short4).get("exc-1")).as("4 units: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(exclusion(sentence), withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .procedureUnits("Red cell transfusion", "2026-04-10", null, RED)).get("exc-1"))
          .as("2 units and one of unknown size: %s", sentence).isEqualTo(Truth.UNKNOWN);
    }
  }
}
