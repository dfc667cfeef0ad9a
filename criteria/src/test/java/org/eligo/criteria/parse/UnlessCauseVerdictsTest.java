package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * §91: an exclusion on a limit "unless due to" a disease the record can name is met only when the limit is met and the
 * record shows no such disease; with the disease the exception may hold and the patient is asked. Before, every
 * patient over the limit was asked, the cause never looked up; the exception never makes a patient worse off.
 */
class UnlessCauseVerdictsTest {

  private static Facts withHemoglobin(Facts f, double gPerL) {
    return f.lab("hemoglobin", gPerL, "g/L", "2026-05-20");
  }

  private static Facts hypertensive() {
    return adult().condition("Hypertension", ClinicalStatus.ACTIVE, "2020-01-01", null, coded("hypertension"));
  }

  private static Facts withAiha() {
    return adult().condition("Warm autoimmune hemolytic anemia", ClinicalStatus.ACTIVE, "2025-01-01", null,
        coded("autoimmune-hemolytic-anemia"));
  }

  @Test
  void aLimitUnlessDueToANamedDiseaseExcludesOnlyWithoutIt() {
    for (String sentence : List.of("Hemoglobin < 8 g/dL unless due to AIHA",
        "Hemoglobin < 8 g/dL, unless clearly due to autoimmune hemolytic anemia",
        "Hemoglobin < 8.0 g/dL unless attributed to autoimmune hemolytic anemia")) {
      assertThat(exclusion(sentence, withHemoglobin(hypertensive(), 70))).as(sentence + ": 7 g/dL, no AIHA on a "
          + "condition list (was UNKNOWN)").isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, withHemoglobin(withAiha(), 70))).as(sentence + ": 7 g/dL with AIHA")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(exclusion(sentence, withHemoglobin(hypertensive(), 110))).as(sentence + ": 11 g/dL")
          .isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, withHemoglobin(adult(), 70))).as(sentence + ": 7 g/dL, no condition list")
          .isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void aCauseTheRecordCannotNameStaysAsked() {
    Facts low = adult().lab("anc", 0.5, "10*9/L", "2026-05-20").condition("Hypertension", ClinicalStatus.ACTIVE,
        "2020-01-01", null, coded("hypertension"));
    for (String sentence : List.of("ANC < 1.0 × 10^9/L unless due to marrow involvement by disease",
        "ANC < 1.0 × 10^9/L, unless considered by the investigator to be due to bone marrow infiltration",
        "Neutrophils < 1.0 × 10^9/L unless related to the underlying disease")) {
      assertThat(exclusion(sentence, low)).as(sentence).isEqualTo(Truth.UNKNOWN);
    }
  }
}
