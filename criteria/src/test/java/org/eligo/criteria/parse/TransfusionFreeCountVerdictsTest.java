package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.HematologyDefinitionsVerdictsTest.withProcedures;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A count limit whose transfusion-free window is written "(no platelet transfusion within 7 days …)" or "with no RBC
 * transfusion in the 14 days …" (DECISIONS 87): the "no" inside the sentence left it unread, so every patient was
 * asked, even one never transfused. Now it reads as "without transfusion": a count measured in the window after a
 * transfusion is asked, one without a transfusion decides. Evaluated 2026-06-01; every patient has aplastic anemia
 * and a marrow biopsy on record.
 */
class TransfusionFreeCountVerdictsTest {
  static Facts platelets(double count) {
    return withProcedures().lab("platelets", count, "10*9/L", "2026-05-29");
  }

  static Facts hemoglobin(double gPerL) {
    return withProcedures().lab("hemoglobin", gPerL, "g/L", "2026-05-29");
  }

  @Test
  void aPlateletLimitWithNoTransfusionInItsWindowIsRead() {
    for (String sentence : List.of(
        "Platelet count ≥ 20 × 10^9/L (no platelet transfusion within 7 days prior to the count)",
        "Platelets ≥ 20,000/µL with no platelet transfusions within the past 7 days",
        "Platelet count ≥ 20 x 10^9/L, no platelet transfusion in the previous 7 days")) {
      assertThat(inclusion(sentence, platelets(45))).as("never transfused: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, platelets(45).procedure("Platelet transfusion", "2026-05-28",
          coded("platelet-transfusion")))).as("45 the day after platelets: %s", sentence).isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, platelets(12))).as("a count of 12: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aHemoglobinLimitWithNoRedCellTransfusionInItsWindowIsRead() {
    for (String sentence : List.of(
        "Hemoglobin ≥ 9 g/dL with no RBC transfusion in the 14 days prior to screening",
        "Hemoglobin ≥ 9 g/dL (no red blood cell transfusion within 2 weeks)",
        "Haemoglobin ≥ 9 g/dL, with no packed red blood cell transfusion in the previous 14 days")) {
      assertThat(inclusion(sentence, hemoglobin(96))).as("never transfused: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, hemoglobin(96).procedure("Red blood cell transfusion", "2026-05-25",
          coded("red-cell-transfusion")))).as("96 g/L four days after red cells: %s", sentence)
          .isEqualTo(Truth.UNKNOWN);
      assertThat(inclusion(sentence, hemoglobin(75))).as("75 g/L: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
  }
}
