package org.eligo.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.eligo.fhir.PatientReadResult;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * A lab result the record gives only as a bound ("CRP &lt;5 mg/L", FHIR valueQuantity.comparator), from registry text
 * to verdict: it settles the criteria every result it allows settles alike, and leaves the others open.
 */
class BoundedLabValueMatchTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final HapiPatientReader READER = new HapiPatientReader(TerminologyAdapter.bundled());
  static final CriteriaSet TRIAL = CriteriaCompiler.standard().parse("NCT99990003", """
      Inclusion Criteria:

      * Age 18 years or older
      * CRP < 10 mg/L
      * Total bilirubin ≤ 1.5 × ULN
      """);

  static TrialResult evaluate(FhirPatientBuilder record) {
    PatientReadResult read = READER.read(record.bundleJson(), AS_OF);
    return TrialEvaluator.evaluate(TRIAL, PatientIndex.of(read.facts()), new EvaluationContext(AS_OF));
  }

  static CriterionResult criterion(TrialResult result, String text) {
    return result.criteria().stream().filter(c -> c.criterion().text().contains(text)).findFirst().orElseThrow();
  }

  /** An adult whose CRP and bilirubin are given as bounds. */
  static FhirPatientBuilder adult(String crpComparator, double crp, String bilirubinComparator, double bilirubin) {
    return FhirPatientBuilder.patient("p1").born("1975-06-01").female()
        .lab("crp", crp, "mg/L", "2026-02-20").id("crp-1")
        .with(o -> o.withObject("valueQuantity").put("comparator", crpComparator))
        .lab("bilirubin-total", bilirubin, "umol/L", "2026-02-20")
        .with(o -> o.withObject("valueQuantity").put("comparator", bilirubinComparator))
        .with(o -> o.putArray("referenceRange").addObject().putObject("high").put("value", 21)
            .put("unit", "umol/L").put("system", "http://unitsofmeasure.org").put("code", "umol/L"));
  }

  @Test
  void boundsInsideTheCriteriasRangesMakeThePatientEligible() {
    TrialResult result = evaluate(adult("<", 5, "<", 17));
    CriterionResult crp = criterion(result, "CRP");
    assertThat(crp.status()).isEqualTo(Truth.MET);
    assertThat(crp.evidence()).singleElement().satisfies(e -> {
      assertThat(e.description()).isEqualTo("C-reactive protein (CRP) <5 mg/L");
      assertThat(e.resource()).isEqualTo("Observation/crp-1");
      assertThat(e.comparator()).isEqualTo("<");
    });
    assertThat(criterion(result, "bilirubin").status()).isEqualTo(Truth.MET);
    assertThat(result.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aBoundReachingAcrossTheThresholdAsksForTheExactValueNeverExcludes() {
    TrialResult result = evaluate(adult("<", 20, "<", 17));
    CriterionResult crp = criterion(result, "CRP");
    assertThat(crp.status()).isEqualTo(Truth.UNKNOWN);
    assertThat(crp.questions()).singleElement().asString().contains("was reported as <20 mg/L");
    assertThat(result.verdict()).isEqualTo(Verdict.NEEDS_INFO);
  }

  @Test
  void aBoundBeyondTheThresholdExcludes() {
    TrialResult result = evaluate(adult(">=", 10, "<", 17));
    assertThat(criterion(result, "CRP").status()).isEqualTo(Truth.NOT_MET);
    assertThat(result.verdict()).isEqualTo(Verdict.INELIGIBLE);
  }

  @Test
  void theMatchJsonSaysTheEvidenceIsABound() {
    TrialResult result = evaluate(adult("<", 5, "<", 17));
    ObjectNode json = org.eligo.registry.match.MatchJsonAccess.criterion(criterion(result, "CRP"));
    assertThat(json.get("evidence").get(0).get("comparator").asText()).isEqualTo("<");
    assertThat(json.get("evidence").get(0).get("value").asDouble()).isEqualTo(5.0);
  }
}
