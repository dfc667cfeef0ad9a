package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Rule;
import org.junit.jupiter.api.Test;

/**
 * Results a lab system sends as text with a comparator or an abnormal flag (DECISIONS 90): "&lt;0.2 mg/dL" is a bound,
 * "5.8 g/dL (L)" the value 5.8 g/dL. Both were "needs a number", so every limit of the measure was asked.
 */
class ResultsAsTextTest {

  private static String bundle(String loinc, String text) {
    return """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1958-01-23",
          "gender": "male"}},
         {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "id": "o1", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2026-02-24T09:15:00-06:00", "valueString": "%s"}}]}""".formatted(loinc, text);
  }

  private static Truth verdict(String measure, Comparator comparator, double value, String unit, String json) {
    Rule rule = new MeasurementRule(measure, measure, comparator, value, false, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  /** "Total bilirubin ≤ 1.5 mg/dL", "eGFR ≥ 30 mL/min/1.73 m²", "CRP < 10 mg/L" against results below or above a bound. */
  @Test
  void aComparatorWrittenBeforeTheNumberIsABound() {
    assertThat(verdict("bilirubin-total", Comparator.LE, 1.5, "mg/dL", bundle("1975-2", "<0.2 mg/dL")))
        .isEqualTo(Truth.MET);
    assertThat(verdict("egfr", Comparator.GE, 30, "mL/min/{1.73_m2}", bundle("33914-3", ">60 mL/min/1.73m2")))
        .isEqualTo(Truth.MET);
    assertThat(verdict("egfr", Comparator.GE, 90, "mL/min/{1.73_m2}", bundle("33914-3", "> 60 mL/min/1.73m2")))
        .as("above 60 may or may not be 90 or more").isEqualTo(Truth.UNKNOWN);
    assertThat(verdict("crp", Comparator.LT, 10, "mg/L", bundle("1988-5", "<5.0 mg/L"))).isEqualTo(Truth.MET);
    assertThat(verdict("platelets", Comparator.GE, 50, "10*9/L", bundle("777-3", "≤ 20 K/uL")))
        .isEqualTo(Truth.NOT_MET);
    // a bound without its unit stays unread, as a bare number does
    assertThat(verdict("egfr", Comparator.GE, 30, "mL/min/{1.73_m2}", bundle("33914-3", ">60")))
        .isEqualTo(Truth.UNKNOWN);
  }

  /** "Hemoglobin ≥ 9 g/dL" (90 g/L), "Platelet count ≥ 100 × 10⁹/L", "INR ≤ 1.5" against values followed by a flag. */
  @Test
  void anAbnormalFlagAfterTheValueIsLeftOut() {
    assertThat(verdict("hemoglobin", Comparator.GE, 90, "g/L", bundle("718-7", "5.8 g/dL (L)")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(verdict("platelets", Comparator.GE, 100, "10*9/L", bundle("777-3", "412 K/uL H")))
        .isEqualTo(Truth.MET);
    assertThat(verdict("platelets", Comparator.GE, 100, "10*9/L", bundle("777-3", "38 x10E3/uL [LL]")))
        .isEqualTo(Truth.NOT_MET);
    assertThat(verdict("inr", Comparator.LE, 1.5, "{INR}", bundle("6301-6", "1.3 (H)"))).isEqualTo(Truth.MET);
    assertThat(verdict("anc", Comparator.GE, 1.0, "10*9/L", bundle("751-8", "0.4 10*3/uL *")))
        .isEqualTo(Truth.NOT_MET);
    // a flagged number without a unit stays unread for a count
    assertThat(verdict("platelets", Comparator.GE, 100, "10*9/L", bundle("777-3", "5.0 (H)")))
        .isEqualTo(Truth.UNKNOWN);
  }
}
