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
 * A red-cell or platelet transfusion named alone in a criterion ("RBC transfusion within the previous 12 weeks", "No
 * red blood cell transfusion within 4 weeks before screening") and a record that lists a transfusion four days ago
 * without its kind ("Blood transfusion"): read as the kind alone, the patient failed the first and met the second
 * (DECISIONS 87). Every patient here has aplastic anemia and a marrow biopsy on record (evaluated 2026-06-01).
 */
class TransfusionNamedAloneVerdictsTest {
  static Facts transfused(String name, String concept) {
    return withProcedures().procedure(name, "2026-05-28", coded(concept));
  }

  static final Facts UNNAMED = transfused("Blood transfusion", "transfusion");
  static final Facts RED_CELLS = transfused("Red blood cell transfusion", "red-cell-transfusion");
  static final Facts PLATELETS = transfused("Platelet transfusion", "platelet-transfusion");
  static final Facts NONE = withProcedures();

  @Test
  void aTransfusionOfNoStatedKindMayBeTheRedCellsAnInclusionAsksFor() {
    for (String sentence : List.of("RBC transfusion within the previous 12 weeks",
        "Received a red blood cell transfusion within the last 8 weeks",
        "Red cell transfusion within 12 weeks prior to screening",
        "Packed red blood cell transfusion in the past 3 months")) {
      assertThat(inclusion(sentence, UNNAMED)).as("an unnamed transfusion: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, RED_CELLS)).as("red cells: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, NONE)).as("no transfusion: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, PLATELETS)).as("platelets are asked, never failed: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aDenialOfRedCellsIsAskedOfAnUnnamedTransfusionAndMetByPlateletsAlone() {
    for (String sentence : List.of("No red blood cell transfusion within 4 weeks before screening",
        "No RBC transfusions in the 28 days prior to the first dose",
        "No red cell transfusion during the 4 weeks before randomization")) {
      assertThat(inclusion(sentence, UNNAMED)).as("an unnamed transfusion: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, RED_CELLS)).as("red cells: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(inclusion(sentence, PLATELETS)).as("platelets alone: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, NONE)).as("no transfusion: %s", sentence).isEqualTo(Truth.MET);
    }
  }

  @Test
  void anExclusionOfOneKindIsAskedOfAnUnnamedTransfusion() {
    for (String sentence : List.of("Red blood cell transfusion within 4 weeks before screening",
        "Received RBC transfusion in the past 28 days",
        "Red cell transfusion within 30 days prior to enrollment")) {
      assertThat(exclusion(sentence, UNNAMED)).as("an unnamed transfusion: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, RED_CELLS)).as("red cells: %s", sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, PLATELETS)).as("platelets alone: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
    for (String sentence : List.of("Platelet transfusion within 7 days prior to screening",
        "Received a platelet transfusion within the past 7 days",
        "Platelet transfusions in the 10 days before the first dose")) {
      assertThat(exclusion(sentence, UNNAMED)).as("an unnamed transfusion: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, PLATELETS)).as("platelets: %s", sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, RED_CELLS)).as("red cells alone: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, NONE)).as("no transfusion: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }
}
