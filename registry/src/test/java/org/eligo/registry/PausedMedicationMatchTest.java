package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.testkit.Code.text;

import java.time.LocalDate;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.TrialResult;
import org.eligo.core.eval.Verdict;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * A prescription on hold (paused, FHIR status {@code on-hold}) against an exclusion on current use, from registry text
 * to verdict: whether the patient takes it now is asked, never assumed; an active prescription still excludes.
 */
class PausedMedicationMatchTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final HapiPatientReader READER = new HapiPatientReader(TerminologyAdapter.bundled());
  static final CriteriaSet TRIAL = CriteriaCompiler.standard().parse("NCT99990003", """
      Inclusion Criteria:

      * Age 18 years or older

      Exclusion Criteria:

      * Current treatment with tacrolimus
      """);

  static TrialResult evaluate(String status) {
    return evaluate(status, null);
  }

  static TrialResult evaluate(String status, String end) {
    FhirPatientBuilder record = FhirPatientBuilder.patient("p1").born("1975-06-01").female()
        .medicationRequest(text("Tacrolimus 1 mg capsule"), null, "2025-11-01", end, status);
    return TrialEvaluator.evaluate(TRIAL, PatientIndex.of(READER.read(record.bundleJson(), AS_OF).facts()),
        new EvaluationContext(AS_OF));
  }

  @Test
  void aPrescriptionOnHoldLeavesCurrentUseAskedWhileAnActiveOneExcludes() {
    assertThat(evaluate("on-hold").verdict()).as("paused: taken now or not is asked").isEqualTo(Verdict.NEEDS_INFO);
    assertThat(evaluate("active").verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(evaluate("stopped", "2026-01-15").verdict()).isEqualTo(Verdict.ELIGIBLE);
  }
}
