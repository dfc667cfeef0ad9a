package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import org.eligo.core.logic.Truth;
import org.junit.jupiter.api.Test;

/**
 * The test kit's lab results are facts as a reader gives them, in the measure's canonical unit (DECISIONS 93). A test
 * that wrote "hemoglobin 8.5 g/dL" held 8.5 g/L, a patient far below every limit, and could pass while testing
 * nothing it says: such a result is now refused where it is written.
 */
class TestKitUnitsTest {

  @Test
  void aLabResultInAnotherUnitThanItsMeasuresIsRefused() {
    assertThatThrownBy(() -> adult().lab("hemoglobin", 8.5, "g/dL", "2026-05-20"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("g/L");
    assertThatThrownBy(() -> adult().lab("creatinine", 160, "umol/L", "2026-05-20", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mg/dL");
    assertThatThrownBy(() -> adult().labRange("anc", 800, "/uL", "2026-05-20", 1500.0, 8000.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10*9/L");
    assertThatThrownBy(() -> adult().labBound("platelets", "<", 20, "K/uL", "2026-05-20", null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10*9/L");
  }

  /** In the canonical unit, "Hemoglobin ≥ 9 g/dL" reads a hemoglobin of 85 g/L as the 8.5 g/dL it is. */
  @Test
  void aLabResultInItsMeasuresUnitMeansWhatItSays() {
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL", adult().lab("hemoglobin", 85, "g/L", "2026-05-20")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Hemoglobin ≥ 9 g/dL", adult().lab("hemoglobin", 95, "g/L", "2026-05-20")))
        .isEqualTo(Truth.MET);
    assertThat(inclusion("Serum creatinine ≤ 1.5 mg/dL", adult().lab("creatinine", 1.1, "mg/dL", "2026-05-20")))
        .isEqualTo(Truth.MET);
  }
}
