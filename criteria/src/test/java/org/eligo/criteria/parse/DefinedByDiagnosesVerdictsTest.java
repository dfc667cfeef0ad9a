package org.eligo.criteria.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.criteria.parse.ParsedVerdictsTest.adult;
import static org.eligo.criteria.parse.ParsedVerdictsTest.coded;
import static org.eligo.criteria.parse.ParsedVerdictsTest.exclusion;
import static org.eligo.criteria.parse.ParsedVerdictsTest.inclusion;

import java.util.List;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.testkit.Facts;
import org.junit.jupiter.api.Test;

/**
 * A disease defined by diseases (DECISIONS 89): "Diagnosis of Evans syndrome, defined as the presence of AIHA and ITP"
 * required the two beside the syndrome, so a patient whose record codes Evans syndrome alone was INELIGIBLE.
 */
class DefinedByDiagnosesVerdictsTest {
  static Facts with(Facts f, String text, String concept) {
    return f.condition(text, ClinicalStatus.ACTIVE, "2021-01-01", null, coded(concept));
  }

  static Facts record() {
    return with(adult(), "Essential hypertension", "hypertension");
  }

  @Test
  void theDiseaseOnRecordOrWhatDefinesItMeetsTheDefinition() {
    Facts evans = with(record(), "Evans syndrome", "evans-syndrome");
    Facts both = with(with(record(), "Warm autoimmune hemolytic anemia", "warm-autoimmune-hemolytic-anemia"),
        "Immune thrombocytopenia", "primary-immune-thrombocytopenia");
    Facts itpOnly = with(record(), "Immune thrombocytopenia", "primary-immune-thrombocytopenia");
    for (String sentence : List.of("Diagnosis of Evans syndrome, defined as the presence of AIHA and ITP",
        "Evans syndrome (defined as AIHA and ITP)",
        "Evans syndrome, defined by the coexistence of autoimmune hemolytic anemia and immune thrombocytopenia")) {
      assertThat(inclusion(sentence, evans)).as("coded as the syndrome: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, both)).as("coded as its two parts: %s", sentence).isEqualTo(Truth.MET);
      assertThat(inclusion(sentence, itpOnly)).as("ITP alone: %s", sentence).isEqualTo(Truth.NOT_MET);
      assertThat(exclusion(sentence, evans)).as("excluded on the syndrome: %s", sentence).isEqualTo(Truth.MET);
      assertThat(exclusion(sentence, itpOnly)).as("not on ITP alone: %s", sentence).isEqualTo(Truth.NOT_MET);
    }
    Facts hus = with(record(), "Hemolytic uremic syndrome", "hemolytic-uremic-syndrome");
    assertThat(inclusion("Thrombotic microangiopathy, defined as TTP or HUS", hus)).isEqualTo(Truth.MET);
    assertThat(inclusion("Thrombotic microangiopathy, defined as TTP or HUS", itpOnly)).isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aDefinitionByLimitsAfterTheDiagnosisIsItsEvidence() {
    Facts pnh = adult().condition("Paroxysmal nocturnal hemoglobinuria", ClinicalStatus.ACTIVE, "2019-01-01", null,
        coded("paroxysmal-nocturnal-hemoglobinuria")).lab("pnh-clone-granulocytes", 6, "%", "2026-05-01");
    assertThat(inclusion("Diagnosis of PNH, defined as PNH granulocyte clone ≥ 10%", pnh)).isEqualTo(Truth.UNKNOWN);
    // without "diagnosis", a disease defined by a limit is the limit now
    Facts normal = adult().lab("hemoglobin", 125, "g/L", "2026-05-20");
    assertThat(inclusion("Anemia, defined as hemoglobin < 10 g/dL", normal)).isEqualTo(Truth.NOT_MET);
    assertThat(inclusion("Anemia defined by hemoglobin < 10 g/dL", normal)).isEqualTo(Truth.NOT_MET);
  }
}
