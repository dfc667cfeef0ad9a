package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A measure's name with a word that makes it another quantity (DECISIONS 100 review): another specimen ("red cell
 * magnesium", "urine calcium"), a fraction ("Calcium (ionized)", "free calcium"), a subset of the cells counted
 * ("B-lymphocytes"). Since §100 a serum calcium or magnesium in mmol/L (LOINC 2000-8, 2601-3) is read, so a European
 * record's normal values met such limits read as the serum value.
 */
class AnotherSpecimenVerdictsTest {

  /** Total calcium 2.35 mmol/L (9.42 mg/dL), magnesium 0.85 mmol/L (2.07 mg/dL): normal, as a 2000-8/2601-3 record reads. */
  static Facts normalElectrolytes() {
    return adult().lab("calcium", 9.42, "mg/dL", "2026-05-20").lab("magnesium", 2.07, "mg/dL", "2026-05-20");
  }

  @Test
  void anIonizedOrFreeCalciumLimitIsNotTheTotalCalcium() {
    // read as total calcium > 5.2 mg/dL, every patient with a normal calcium was excluded
    for (String sentence : List.of("Calcium (ionized) > 1.3 mmol/L", "Calcium (ionised) > 5.6 mg/dL",
        "Calcium (free) > 1.35 mmol/L", "Serum calcium (ionized fraction) ≥ 1.4 mmol/L")) {
      assertThat(exclusion(sentence, normalElectrolytes())).as(sentence).isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aRedCellMagnesiumLimitIsNotTheSerumMagnesium() {
    // red cell magnesium (about 2 mmol/L) is higher than serum magnesium: read as serum, a normal patient was failed
    for (String sentence : List.of("Red cell magnesium ≥ 1.6 mmol/L", "RBC magnesium ≥ 4.0 mg/dL",
        "Erythrocyte magnesium ≥ 1.65 mmol/L")) {
      assertThat(inclusion(sentence, normalElectrolytes())).as(sentence).isNotEqualTo(Truth.NOT_MET);
    }
    assertThat(exclusion("Magnesium (red blood cell) < 1.5 mmol/L", normalElectrolytes()))
        .as("read as serum magnesium < 3.6 mg/dL it excluded everyone").isNotEqualTo(Truth.MET);
  }

  @Test
  void aCountOfASubsetOfLymphocytesIsNotTheLymphocyteCount() {
    // a CLL patient with 6.0 × 10^9/L lymphocytes, of which fewer than 5 may be clonal B cells
    Facts lymphocytosis = adult().lab("lymphocytes", 6.0, "10*9/L", "2026-05-20");
    for (String sentence : List.of("B-lymphocytes < 5 x 10^9/L", "Circulating clonal B lymphocytes < 5 x 10^9/L",
        "CD8+ T-lymphocyte count ≤ 2 x 10^9/L")) {
      assertThat(inclusion(sentence, lymphocytosis)).as(sentence).isNotEqualTo(Truth.NOT_MET);
    }
  }

  @Test
  void aRedCellValueIsNotTheGranulocyteOrSerumValue() {
    Facts pnh = adult().lab("pnh-clone-granulocytes", 5, "%", "2026-05-20").lab("folate", 10, "ng/mL", "2026-05-20");
    assertThat(inclusion("Red cell PNH clone ≥ 10%", pnh)).as("the granulocyte clone is another clone")
        .isNotEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Red cell folate ≥ 150 ng/mL", pnh)).as("red cell folate is not serum folate")
        .isNotEqualTo(Truth.NOT_MET);
  }

  @Test
  void theMeasureItselfIsStillRead() {
    Facts high = adult().lab("calcium", 12.8, "mg/dL", "2026-05-20").lab("magnesium", 0.97, "mg/dL", "2026-05-20")
        .lab("lymphocytes", 0.3, "10*9/L", "2026-05-20").lab("hemoglobin", 85, "g/L", "2026-05-20");
    assertThat(inclusion("Serum calcium (corrected for albumin) ≤ 12 mg/dL", high)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Adequate organ function defined as: calcium ≤ 2.9 mmol/L, magnesium ≥ 0.5 mmol/L", high))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Absolute lymphocyte count (ALC) >= 0.5 x 10^9/L", high)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL (without red blood cell transfusion within 7 days)", high))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin (without RBC transfusion) ≥ 9 g/dL", high)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Creatinine clearance ≥ 60 mL/min (24-hour urine collection or Cockcroft-Gault)",
        adult().lab("creatinine-clearance", 45, "mL/min", "2026-05-20"))).isEqualTo(Truth.NOT_MET);
  }
}
