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
 * Plasma is a stated kind of transfusion (DECISIONS 92), as of 2026-06-01: under a red-cell or platelet criterion it
 * is neither counted nor asked about (it was asked as "a transfusion without saying what was given"); under a
 * criterion on any transfusion it counts.
 */
class PlasmaUnderRedCellRulesVerdictsTest {
  /** Procedures on record and fresh frozen plasma given three weeks ago. */
  private static Facts plasma() {
    return withProcedures().administeredUnits("Fresh frozen plasma 2 units", "2026-05-11", 2,
        coded("plasma-transfusion"));
  }

  @Test
  void plasmaIsNoRedCellsOrPlateletsAndIsNotAskedAbout() {
    for (String sentence : List.of("At least 1 RBC transfusion in the 16 weeks before enrollment",
        "Received a red blood cell transfusion within the last 8 weeks",
        "Transfusion-dependent: ≥ 2 units of RBC in the last 8 weeks")) {
      assertThat(compiled(inclusion(sentence), plasma()).get("inc-1")).as("plasma only: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("No red blood cell transfusion within 4 weeks before screening",
        "RBC transfusion-independent for ≥ 8 weeks", "Platelet transfusion-free for at least 4 weeks")) {
      assertThat(compiled(inclusion(sentence), plasma()).get("inc-1")).as("plasma only: %s", sentence)
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("Platelet transfusion within 7 days prior to screening",
        "Red blood cell transfusion within 4 weeks prior to Day 1")) {
      assertThat(compiled(exclusion(sentence), plasma()).get("exc-1")).as("plasma only: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void plasmaIsATransfusionOfBloodProducts() {
    assertThat(compiled(exclusion("Blood transfusion within 4 weeks prior to screening"), plasma()).get("exc-1"))
        .as("plasma 3 weeks ago").isEqualTo(Truth.MET);
    assertThat(compiled(inclusion("Transfusion-independent for at least 8 weeks"), plasma()).get("inc-1"))
        .as("no kind named: asked, never failed").isEqualTo(Truth.UNKNOWN);
  }
}
