package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.eligo.core.eval.CriterionResult;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.fhir.testkit.Code;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Blood pressure from registry text to verdict: the criterion parsed from its sentence, the patient read from a FHIR
 * Bundle whose blood pressure is a panel with systolic and diastolic components, the trial evaluated as matching
 * does.
 */
class BloodPressureEndToEndTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 2, 1);
  private static final CriteriaCompiler COMPILER = CriteriaCompiler.standard();

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1970-04-12").male();
  }

  private static TrialResult evaluate(String exclusion, FhirPatientBuilder patient) {
    CriteriaSet criteria = COMPILER.parse("NCT00000001", "Exclusion Criteria:\n\n* " + exclusion + "\n");
    var facts = new HapiPatientReader(TerminologyAdapter.bundled()).read(patient.bundleJson(), AS_OF).facts();
    return TrialEvaluator.evaluate(criteria, PatientIndex.of(facts), new EvaluationContext(AS_OF));
  }

  private static CriterionResult only(TrialResult result) {
    assertThat(result.criteria()).hasSize(1);
    return result.criteria().getFirst();
  }

  @Test
  void aSystolicReadingInAPanelAboveTheLimitMeetsTheExclusionWithTheReadingAsEvidence() {
    TrialResult result = evaluate("Systolic blood pressure > 160 mmHg",
        adult().bloodPressure(172.0, 95.0, "mm[Hg]", "2026-01-10").id("bp-1"));
    CriterionResult c = only(result);
    assertThat(c.status()).isEqualTo(Truth.MET);
    assertThat(c.evidence()).singleElement().satisfies(e -> {
      assertThat(e.description()).isEqualTo("systolic blood pressure 172 mm[Hg]");
      assertThat(e.date()).isEqualTo(LocalDate.of(2026, 1, 10));
      assertThat(e.resource()).isEqualTo("Observation/bp-1");
    });
    assertThat(result.verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void aReadingBelowTheLimitDoesNotExclude() {
    TrialResult result = evaluate("Systolic blood pressure > 160 mmHg",
        adult().bloodPressure(152.0, 95.0, "mmHg", "2026-01-10"));
    assertThat(only(result).status()).isEqualTo(Truth.NOT_MET);
    assertThat(only(result).evidence()).singleElement()
        .satisfies(e -> assertThat(e.description()).isEqualTo("systolic blood pressure 152 mm[Hg] (152 mmHg)"));
    assertThat(result.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void withoutABloodPressureReadingTheExclusionStaysOpen() {
    TrialResult result = evaluate("Systolic blood pressure > 160 mmHg",
        adult().lab("hemoglobin", 13.5, "g/dL", "2026-01-10"));
    assertThat(only(result).status()).isEqualTo(Truth.UNKNOWN);
    assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    assertThat(result.questions()).containsExactly("Most recent systolic blood pressure?");
  }

  @Test
  void aReadingOlderThanTheLabsRecencyWindowLeavesItOpen() {
    TrialResult result = evaluate("Systolic blood pressure > 160 mmHg",
        adult().bloodPressure(172.0, 95.0, "mm[Hg]", "2025-10-01"));
    assertThat(only(result).status()).isEqualTo(Truth.UNKNOWN);
    assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_INFO);
    assertThat(result.questions()).singleElement().asString()
        .contains("systolic blood pressure from the last 90 days").contains("2025-10-01");
  }

  @Test
  void aPairInAnExclusionIsMetByTheDiastolicReadingAlone() {
    TrialResult result = evaluate("Blood pressure ≥ 160/100 mmHg",
        adult().bloodPressure(150.0, 104.0, "mm[Hg]", "2026-01-10"));
    assertThat(only(result).status()).isEqualTo(Truth.MET);
    assertThat(only(result).evidence()).extracting(e -> e.description())
        .contains("diastolic blood pressure 104 mm[Hg]");
  }

  @Test
  void oneHighReadingNeverShowsHypertensionUncontrolledDespiteTreatmentAndALowOneRulesItOut() {
    String exclusion = "Uncontrolled hypertension (≥ 160/100 despite treatment)";
    FhirPatientBuilder hypertensive = adult().condition(Code.icd10("I10"), "Essential hypertension", "2020-01-01");
    CriterionResult high = only(evaluate(exclusion, hypertensive.bloodPressure(172.0, 104.0, "mm[Hg]", "2026-01-10")));
    assertThat(high.status()).isEqualTo(Truth.UNKNOWN);
    assertThat(high.evidence()).extracting(e -> e.description()).contains("systolic blood pressure 172 mm[Hg]");
    assertThat(high.questions()).isNotEmpty();

    FhirPatientBuilder controlled = adult().condition(Code.icd10("I10"), "Essential hypertension", "2020-01-01")
        .bloodPressure(132.0, 84.0, "mm[Hg]", "2026-01-10");
    assertThat(only(evaluate(exclusion, controlled)).status()).isEqualTo(Truth.NOT_MET);
  }
}
