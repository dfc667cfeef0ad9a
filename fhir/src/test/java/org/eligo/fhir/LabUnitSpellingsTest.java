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
 * Counts in thousands per cubic millimetre or microlitre as US lab systems display them without a UCUM code
 * ("thou/mm3", "TH/uL", "Thousand/uL", "per mm3"): they were "neither UCUM nor a lab spelling Eligo knows", so
 * every count limit was asked (DECISIONS 90).
 */
class LabUnitSpellingsTest {

  private static String bundle(String loinc, double value, String unit) {
    return """
        {"resourceType": "Bundle", "type": "collection", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1981-07-14",
          "gender": "female"}},
         {"fullUrl": "urn:uuid:o1", "resource": {"resourceType": "Observation", "id": "o1", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2026-02-20", "valueQuantity": {"value": %s, "unit": "%s"}}}]}"""
        .formatted(loinc, value, unit);
  }

  private static Truth verdict(Rule rule, String json) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static Rule atLeast(String measure, double value) {
    return new MeasurementRule(measure, measure, Comparator.GE, value, false, "10*9/L",
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
  }

  @Test
  void countsInThousandsAsLabSystemsSpellThemAreRead() {
    for (String unit : new String[] {"thou/mm3", "TH/uL", "Thousand/uL", "THOU/CUMM", "th/mm3"}) {
      assertThat(verdict(atLeast("platelets", 100), bundle("777-3", 150, unit))).as(unit).isEqualTo(Truth.MET);
      assertThat(verdict(atLeast("platelets", 100), bundle("777-3", 45, unit))).as(unit).isEqualTo(Truth.NOT_MET);
    }
    assertThat(verdict(atLeast("anc", 1.0), bundle("751-8", 1.8, "thou/mm3"))).isEqualTo(Truth.MET);
    assertThat(verdict(atLeast("anc", 1.0), bundle("751-8", 1800, "per mm3"))).isEqualTo(Truth.MET);
    assertThat(verdict(atLeast("anc", 1.0), bundle("751-8", 700, "per mm3"))).isEqualTo(Truth.NOT_MET);
  }
}
