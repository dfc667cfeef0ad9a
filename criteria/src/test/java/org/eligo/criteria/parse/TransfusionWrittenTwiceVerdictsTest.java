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
 * One transfusion written twice never counts twice towards a burden (DECISIONS 92, review), evaluated as of
 * 2026-06-01: the same administration from two feeds, a statement beside the administration, a procedure dated by the
 * end of a transfusion that ran past midnight beside the administration dated by its start. Such a record excluded a
 * patient given 2 units under "Received ≥ 4 units of packed red cells within 8 weeks", and one transfusion under "≥ 2
 * RBC transfusions"; it is now asked. Transfusions on days apart still count, and so do daily ones.
 */
class TransfusionWrittenTwiceVerdictsTest {
  private static final String[] RED = coded("red-cell-transfusion");
  private static final String[] PLATELETS = coded("platelet-transfusion");

  private static Truth exc(String sentence, Facts patient) {
    return compiled(exclusion(sentence), patient).get("exc-1");
  }

  @Test
  void unitsWrittenTwiceNeverExcludeOnABurdenOfUnits() {
    for (String sentence : List.of("Received ≥ 4 units of packed red cells within 8 weeks",
        "Received more than 3 units of red blood cells in the 8 weeks before screening",
        "History of at least 4 units of red blood cells within the 8 weeks prior to randomization")) {
      assertThat(exc(sentence, withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)))
          .as("the same administration of 2 units from two feeds: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exc(sentence, withProcedures().administeredUnits("Packed red blood cells", "2026-05-10", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)))
          .as("a statement beside the administration: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exc(sentence, withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .procedureUnits("PRBC transfusion 2 units", "2026-05-11", 2, RED)))
          .as("a transfusion past midnight, its procedure dated by its end: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exc(sentence, withProcedures().administeredUnits("PRBC 2 units", "2026-05-10", 2, RED)
          .administeredUnits("PRBC 2 units", "2026-05-03", 2, RED)))
          .as("2 units a week apart, twice: %s", sentence).isEqualTo(Truth.MET);
      assertThat(exc(sentence, withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-05-11", 1, RED).administeredUnits("PRBC 1 unit", "2026-05-12", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-05-13", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-05-14", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-05-15", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-05-16", 1, RED)))
          .as("a unit a day for seven days: %s", sentence).isEqualTo(Truth.MET);
    }
  }

  @Test
  void oneTransfusionWrittenOnTwoDaysIsNoSecondTransfusion() {
    for (String sentence : List.of("≥ 2 RBC transfusions during the 12 weeks before enrollment",
        "More than 1 RBC transfusion episode in the 12 weeks",
        "Transfusion dependence defined as ≥ 2 RBC transfusion episodes in the previous 12 weeks")) {
      Facts pastMidnight = withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)
          .procedureUnits("Red blood cell transfusion", "2026-05-11", null, RED);
      assertThat(exc(sentence, pastMidnight)).as("excluded on one transfusion: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(compiled(inclusion(sentence), pastMidnight).get("inc-1"))
          .as("failed or met on one transfusion: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exc(sentence, withProcedures().administeredUnits("PRBC 1 unit", "2026-05-10", 1, RED)
          .administeredUnits("PRBC 1 unit", "2026-04-10", 1, RED))).as("two transfusions a month apart: %s", sentence)
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("More than 2 platelet transfusions within the past 4 weeks",
        "Received ≥ 3 platelet transfusions in the 4 weeks prior to enrollment",
        "At least 3 platelet transfusions during the 4 weeks before screening")) {
      Facts daily = withProcedures();
      for (String day : List.of("2026-05-20", "2026-05-21", "2026-05-22", "2026-05-23", "2026-05-24")) {
        daily.administeredUnits("Apheresis platelets 1 unit", day, 1, PLATELETS);
      }
      assertThat(exc(sentence, daily)).as("platelets daily for five days: %s", sentence).isEqualTo(Truth.MET);
      Facts two = withProcedures().administeredUnits("Apheresis platelets", "2026-05-20", 1, PLATELETS)
          .administeredUnits("Apheresis platelets", "2026-05-21", 1, PLATELETS)
          .administeredUnits("Apheresis platelets", "2026-05-22", 1, PLATELETS)
          .administeredUnits("Apheresis platelets", "2026-05-23", 1, PLATELETS);
      assertThat(exc(sentence, two)).as("four days in a row may be two transfusions past midnight: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }
}
