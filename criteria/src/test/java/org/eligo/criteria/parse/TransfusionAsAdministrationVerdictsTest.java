package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.inclusion;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.withProcedures;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.compiled;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §77 reviewed (DECISIONS §83): red cells given as a MedicationAdministration of a blood product ("Packed red blood
 * cells 1 unit") are a red-cell transfusion. Read from procedures alone, a record listing other procedures failed a
 * transfusion dependence and met a transfusion independence.
 */
class TransfusionAsAdministrationVerdictsTest {
  /** Procedures on record (none a transfusion) and packed red cells administered two weeks before evaluation. */
  static Facts redCellsAdministered(ExposureStatus status) {
    return withProcedures().medication("Packed red blood cells 1 unit", "2026-05-18", "2026-05-18", status,
        coded("red-cell-transfusion"));
  }

  @Test
  void redCellsGivenAsAMedicationAdministrationAreATransfusion() {
    Facts given = redCellsAdministered(ExposureStatus.COMPLETED);
    for (String sentence : List.of("At least 1 RBC transfusion in the 16 weeks before enrollment",
        "Received a red blood cell transfusion within the last 8 weeks",
        "Red cell transfusion within 12 weeks prior to screening")) {
      assertThat(compiled(inclusion(sentence), given).get("inc-1")).as("red cells given 2 weeks ago: %s", sentence)
          .isEqualTo(Truth.MET);
    }
    for (String sentence : List.of("RBC transfusion-independent for ≥ 8 weeks",
        "Red cell transfusion independence for at least 8 weeks",
        "Red blood cell transfusion independence for the last 12 weeks")) {
      assertThat(compiled(inclusion(sentence), given).get("inc-1")).as("red cells given 2 weeks ago: %s", sentence)
          .isEqualTo(Truth.NOT_MET);
      assertThat(compiled(inclusion(sentence), redCellsAdministered(ExposureStatus.INTENDED)).get("inc-1"))
          .as("red cells only planned: %s", sentence).isEqualTo(Truth.MET);
    }
    String dependence = "RBC transfusion dependence (≥ 4 units in the 8 weeks prior)";
    assertThat(compiled(inclusion(dependence), given).get("inc-1")).as("the units are asked, never failed")
        .isEqualTo(Truth.UNKNOWN);
  }
}
