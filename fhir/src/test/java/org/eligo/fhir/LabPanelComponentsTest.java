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
 * Lab systems that send a panel (a blood count, a metabolic panel) as one Observation with its results as components
 * rather than as Observations of their own (DECISIONS 90): each result is the patient's, dated as the panel.
 */
class LabPanelComponentsTest {

  private static String bundle(String... entries) {
    return """
        {"resourceType": "Bundle", "type": "collection", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1975-11-02",
          "gender": "female"}}, %s]}""".formatted(String.join(",", entries));
  }

  private static String quantity(double value, String unit) {
    return "{\"value\": " + value + ", \"unit\": \"" + unit + "\", \"system\": \"http://unitsofmeasure.org\", "
        + "\"code\": \"" + unit + "\"}";
  }

  /** An Observation of its own, as most labs send each result. */
  private static String result(String id, String loinc, String date, double value, String unit) {
    return """
        {"fullUrl": "urn:uuid:%s", "resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]}, "subject": {"reference": "urn:uuid:p1"},
         "effectiveDateTime": "%s", "valueQuantity": %s}}""".formatted(id, id, loinc, date, quantity(value, unit));
  }

  /** A panel whose results are components: {@code components} are (LOINC, value, UCUM unit) triples. */
  private static String panel(String id, String loinc, String text, String date, Object... components) {
    StringBuilder parts = new StringBuilder();
    for (int i = 0; i < components.length; i += 3) {
      if (i > 0) parts.append(", ");
      parts.append("{\"code\": {\"coding\": [{\"system\": \"http://loinc.org\", \"code\": \"").append(components[i])
          .append("\"}]}, \"valueQuantity\": ").append(quantity((Double) components[i + 1], (String) components[i + 2]))
          .append("}");
    }
    return """
        {"fullUrl": "urn:uuid:%s", "resource": {"resourceType": "Observation", "id": "%s", "status": "final",
         "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category",
           "code": "laboratory"}]}],
         "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}], "text": "%s"},
         "subject": {"reference": "urn:uuid:p1"}, "effectiveDateTime": "%s", "component": [%s]}}"""
        .formatted(id, id, loinc, text, date, parts);
  }

  private static Rule limit(String measure, Comparator comparator, double value, String unit) {
    return new MeasurementRule(measure, measure, comparator, value, false, unit, MeasurementRule.DEFAULT_RECENCY_DAYS,
        null);
  }

  private static Truth verdict(Rule rule, String json) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(read(json).facts()),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  /**
   * "Platelet count ≥ 50 × 10⁹/L" for a patient whose count of 30 in December has recovered to 210 in the blood count
   * of February, sent as a CBC panel's components: the December count decided and she was excluded.
   */
  @Test
  void aBloodCountPanelsComponentsAreThePatientsNewestResults() {
    String json = bundle(result("old", "777-3", "2025-12-10", 30, "10*3/uL"),
        panel("cbc", "58410-2", "CBC panel - Blood by Automated count", "2026-02-20",
            "6690-2", 6.1, "10*3/uL", "718-7", 11.8, "g/dL", "777-3", 210.0, "10*3/uL"));
    assertThat(verdict(limit("platelets", Comparator.GE, 50, "10*9/L"), json)).isEqualTo(Truth.MET);
    assertThat(verdict(limit("hemoglobin", Comparator.GE, 90, "g/L"), json)).isEqualTo(Truth.MET);
    assertThat(verdict(limit("wbc", Comparator.GE, 3, "10*9/L"), json)).isEqualTo(Truth.MET);
    assertThat(verdict(limit("platelets", Comparator.GE, 250, "10*9/L"), json)).as("210, the newest")
        .isEqualTo(Truth.NOT_MET);
  }

  /** "Serum creatinine ≤ 1.5 mg/dL" and "ALT ≤ 100 U/L" answered from a metabolic panel's components. */
  @Test
  void aMetabolicPanelsComponentsAreRead() {
    String json = bundle(panel("cmp", "24323-8", "Comprehensive metabolic 2000 panel - Serum or Plasma",
        "2026-02-12", "2160-0", 2.4, "mg/dL", "1742-6", 35.0, "U/L"));
    assertThat(verdict(limit("creatinine", Comparator.LE, 1.5, "mg/dL"), json)).isEqualTo(Truth.NOT_MET);
    assertThat(verdict(limit("alt", Comparator.LE, 100, "U/L"), json)).isEqualTo(Truth.MET);
  }

  /**
   * A result coded with the measure itself whose number the lab put in a component: it was "missing" and the older
   * count of 20 decided "Platelet count ≥ 30 × 10⁹/L".
   */
  @Test
  void aResultGivenOnlyInAComponentOfItsOwnCodeIsRead() {
    String json = bundle(result("old", "777-3", "2025-11-03", 20, "10*3/uL"),
        panel("plt", "777-3", "Platelets", "2026-02-25", "777-3", 95.0, "10*3/uL"));
    assertThat(verdict(limit("platelets", Comparator.GE, 30, "10*9/L"), json)).isEqualTo(Truth.MET);
  }

  /**
   * "AST and ALT ≤ 2.5 × ULN" and "Total bilirubin ≤ 1.5 × ULN" against a metabolic panel whose components carry their
   * own normal ranges: the limits are each component's, as for a result of its own.
   */
  @Test
  void aPanelComponentsOwnReferenceRangeGivesItsUpperLimitOfNormal() {
    String json = bundle("""
        {"fullUrl": "urn:uuid:cmp", "resource": {"resourceType": "Observation", "id": "cmp", "status": "final",
         "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8"}]},
         "subject": {"reference": "urn:uuid:p1"}, "effectiveDateTime": "2026-02-12",
         "component": [
          {"code": {"coding": [{"system": "http://loinc.org", "code": "1742-6"}]}, "valueQuantity": %s,
           "referenceRange": [{"low": %s, "high": %s}]},
          {"code": {"coding": [{"system": "http://loinc.org", "code": "1975-2"}]}, "valueQuantity": %s,
           "referenceRange": [{"high": %s}]}]}}""".formatted(quantity(160, "U/L"), quantity(7, "U/L"),
        quantity(56, "U/L"), quantity(0.9, "mg/dL"), quantity(1.2, "mg/dL")));
    Rule alt = new MeasurementRule("alt", "alt", Comparator.LE, 2.5, true, "U/L", MeasurementRule.DEFAULT_RECENCY_DAYS,
        null);
    Rule bilirubin = new MeasurementRule("bilirubin-total", "bilirubin-total", Comparator.LE, 1.5, true, "mg/dL",
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
    assertThat(verdict(alt, json)).as("160 U/L against 2.5 × 56").isEqualTo(Truth.NOT_MET);
    assertThat(verdict(bilirubin, json)).as("0.9 mg/dL against 1.5 × 1.2").isEqualTo(Truth.MET);
  }

  /**
   * A blood count panel still preliminary: its results may change, so they decide nothing, and an older count of 30
   * does not decide in their place either ("Platelet count ≥ 50 × 10⁹/L" is asked), as for a preliminary result of its
   * own.
   */
  @Test
  void aPreliminaryPanelSetsOlderResultsOfItsComponentsAside() {
    String json = bundle(result("old", "777-3", "2025-12-10", 30, "10*3/uL"),
        panel("cbc", "58410-2", "CBC panel - Blood by Automated count", "2026-02-20", "777-3", 210.0, "10*3/uL")
            .replace("\"status\": \"final\"", "\"status\": \"preliminary\""));
    assertThat(verdict(limit("platelets", Comparator.GE, 50, "10*9/L"), json)).isEqualTo(Truth.UNKNOWN);
  }
}
