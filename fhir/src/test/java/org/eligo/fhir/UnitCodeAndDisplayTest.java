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
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * A lab result whose quantity carries a UCUM code and a displayed unit that say different things (a local unit mapped
 * to the wrong UCUM code): the record does not say which is right, so the value decides nothing (DECISIONS 90).
 */
class UnitCodeAndDisplayTest {

  private static String bundle(String... observations) {
    return """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1968-09-30",
          "gender": "male"}}, %s]}""".formatted(String.join(",", observations));
  }

  /** A final result as a lab interface sends it: LOINC code, date, and a quantity with unit, system and code. */
  private static String result(String id, String loinc, String date, double value, String unit, String code,
                               String range) {
    return """
        {"fullUrl": "urn:uuid:%s", "resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
           "code": "laboratory"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]},
         "subject": {"reference": "urn:uuid:p1"}, "effectiveDateTime": "%s",
         "valueQuantity": {"value": %s, "unit": "%s", "system": "http://unitsofmeasure.org", "code": "%s"}%s}}"""
        .formatted(id, id, loinc, date, value, unit, code, range == null ? "" : ", \"referenceRange\": [" + range + "]");
  }

  private static Truth verdict(Rule rule, String json) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static Rule atLeast(String measure, double value, String unit) {
    return new MeasurementRule(measure, measure, Comparator.GE, value, false, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
  }

  private static Rule timesUln(String measure, double times, String unit) {
    return new MeasurementRule(measure, measure, Comparator.LE, times, true, unit,
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
  }

  /**
   * "Platelet count ≥ 50 × 10⁹/L" and "ANC ≥ 1.0 × 10⁹/L" against counts displayed in thousands per microlitre but
   * coded per microlitre: read by the code, 150 was 0.15 ×10⁹/L and the patient was excluded. Now the result is not
   * used, and an older low count does not decide in its place.
   */
  @Test
  void aCountWhoseCodeAndDisplayedUnitDisagreeDecidesNothing() {
    String plt = bundle(result("plt", "777-3", "2026-02-20", 150, "K/uL", "/uL", null));
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), plt)).isEqualTo(Truth.UNKNOWN);
    // since DECISIONS 93 the code's reading, 0.15 x 10^9/L, is below any platelet count and is reported as such
    assertThat(read(plt).diagnostics(Severity.ERROR)).anySatisfy(d -> assertThat(d.message())
        .contains("150 /uL is 0.1500 10*9/L, outside the plausible range").contains("not used"));
    String anc = bundle(result("anc", "751-8", "2026-02-18", 2.1, "x10E3/uL", "/uL", null));
    assertThat(verdict(atLeast("anc", 1.0, "10*9/L"), anc)).isEqualTo(Truth.UNKNOWN);
    String wbc = bundle(result("old", "6690-2", "2025-12-01", 1.1, "10*9/L", "10*9/L", null),
        result("new", "6690-2", "2026-02-18", 4200, "cells/uL", "10*3/uL", null));
    assertThat(verdict(atLeast("wbc", 3.0, "10*9/L"), wbc)).as("the older low count does not decide")
        .isEqualTo(Truth.UNKNOWN);
    // a code and a displayed unit that agree, however spelt, still decide
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle(result("plt", "777-3", "2026-02-20", 150, "K/uL",
        "10*3/uL", null)))).isEqualTo(Truth.MET);
    assertThat(verdict(atLeast("platelets", 50, "10*9/L"), bundle(result("plt", "777-3", "2026-02-20", 30, "x10E3/uL",
        "10*3/uL", null)))).isEqualTo(Truth.NOT_MET);
  }

  /**
   * "Total bilirubin ≤ 1.5 × ULN" with a normal bilirubin whose range's upper limit is displayed in mg/dL but coded in
   * µmol/L: read by the code, the ULN was 0.07 mg/dL and every patient failed. The limit is left out: the criterion
   * asks.
   */
  @Test
  void aReferenceLimitWhoseCodeAndDisplayedUnitDisagreeIsNoUpperLimit() {
    String range = """
        {"low": {"value": 0.2, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "mg/dL"},
         "high": {"value": 1.2, "unit": "mg/dL", "system": "http://unitsofmeasure.org", "code": "umol/L"}}""";
    String json = bundle(result("bili", "1975-2", "2026-02-20", 0.8, "mg/dL", "mg/dL", range));
    assertThat(verdict(timesUln("bilirubin-total", 1.5, "mg/dL"), json)).isEqualTo(Truth.UNKNOWN);
    assertThat(read(json).diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message())
        .contains("the limit is left out"));
    String alt = """
        {"high": {"value": 56, "unit": "U/L", "system": "http://unitsofmeasure.org", "code": "U/L"}}""";
    assertThat(verdict(timesUln("alt", 2.5, "U/L"), bundle(result("alt", "1742-6", "2026-02-20", 40, "U/L", "U/L",
        alt)))).as("a range whose code and unit agree still decides").isEqualTo(Truth.MET);
  }
}
