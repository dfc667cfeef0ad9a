package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * A quantity whose comparator R4 does not define ("ad", added in R5; "=<"; "≤"): the reader failed on it, left the
 * whole result out, and an older result decided in its place (DECISIONS 90). It is now a result that cannot be read.
 */
class UnreadComparatorTest {

  private static String bundle(String comparator) {
    return """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
         {"fullUrl": "urn:uuid:p1", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1990-10-10",
          "gender": "female"}},
         {"fullUrl": "urn:uuid:old", "resource": {"resourceType": "Observation", "id": "old", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "751-8"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2025-12-20", "valueQuantity": {"value": 0.4, "unit": "10*3/uL",
          "system": "http://unitsofmeasure.org", "code": "10*3/uL"}}},
         {"fullUrl": "urn:uuid:new", "resource": {"resourceType": "Observation", "id": "new", "status": "final",
          "code": {"coding": [{"system": "http://loinc.org", "code": "751-8"}]}, "subject": {"reference": "urn:uuid:p1"},
          "effectiveDateTime": "2026-02-20", "valueQuantity": {"value": 1.5, "comparator": "%s", "unit": "10*3/uL",
          "system": "http://unitsofmeasure.org", "code": "10*3/uL"}}}]}""".formatted(comparator);
  }

  /** "ANC ≥ 1.0 × 10⁹/L": December's 0.4 excluded a patient whose February result the reader could not parse. */
  @Test
  void aComparatorR4DoesNotDefineLeavesTheMeasureAsked() {
    MeasurementRule anc = new MeasurementRule("anc", "anc", Comparator.GE, 1.0, false, "10*9/L",
        MeasurementRule.DEFAULT_RECENCY_DAYS, null);
    for (String comparator : new String[] {"ad", "=<", "≥"}) {
      PatientReadResult read = read(bundle(comparator));
      assertThat(RuleEvaluator.evaluate(anc, PatientIndex.of(read.facts()), new EvaluationContext(Readers.AS_OF, true))
          .truth()).as(comparator).isEqualTo(Truth.UNKNOWN);
      assertThat(read.diagnostics(Severity.ERROR)).as(comparator)
          .noneSatisfy(d -> assertThat(d.message()).contains("Exception"));
    }
  }

  /** "Detectable HCV RNA": a viral load of 250,000 in December, then one written with an undefined comparator. */
  @Test
  void aViralLoadWithAComparatorR4DoesNotDefineLeavesTheLatestResultOpen() {
    org.eligo.fhir.testkit.Code hcvRna = org.eligo.fhir.testkit.Code.loinc("11011-4");
    org.eligo.fhir.testkit.FhirPatientBuilder record = org.eligo.fhir.testkit.FhirPatientBuilder.patient("p1")
        .born("1970-04-12").male().lab(hcvRna, 250000, "IU/mL", "2025-12-10")
        .observation(hcvRna, "2026-02-10", o -> o.putObject("valueQuantity").put("value", 15).put("comparator", "ad")
            .put("unit", "IU/mL").put("system", "http://unitsofmeasure.org").put("code", "[IU]/mL"));
    PatientReadResult read = read(record.bundleJson());
    assertThat(RuleEvaluator.evaluate(ViralLoadRecordsTest.DETECTABLE_HCV_RNA, PatientIndex.of(read.facts()),
        new EvaluationContext(Readers.AS_OF)).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(read.diagnostics(Severity.ERROR)).noneSatisfy(d -> assertThat(d.message()).contains("Exception"));
  }
}
