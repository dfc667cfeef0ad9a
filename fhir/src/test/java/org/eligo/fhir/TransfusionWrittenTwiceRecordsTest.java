package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * One transfusion written twice in a FHIR record never proves two (DECISIONS 92, review): the same
 * MedicationAdministration in the bundle twice, a MedicationStatement beside it, a Procedure whose performedPeriod
 * ends past midnight beside the administration dated by its start. Each proved 4 units of 2 and two transfusions of
 * one, and so excluded under "Received ≥ 4 units of packed red cells within 8 weeks". As of 2026-03-01.
 */
class TransfusionWrittenTwiceRecordsTest {
  private static final String PATIENT = "urn:uuid:3b2a1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d";
  private static final ProcedureRule FOUR_UNITS = new ProcedureRule(Set.of("red-cell-transfusion"),
      TimeWindow.within(56), "red blood cell transfusion", 4, true);
  private static final ProcedureRule TWO_TRANSFUSIONS = new ProcedureRule(Set.of("red-cell-transfusion"),
      TimeWindow.within(56), "red blood cell transfusion", 2, false);

  private static PatientFacts record(String... entries) {
    StringBuilder all = new StringBuilder("""
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1958-09-30",
         "gender": "female"}},
        {"resource": {"resourceType": "Procedure", "id": "bm", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "Bone marrow biopsy"},
         "performedDateTime": "2025-06-03"}}""".formatted(PATIENT, PATIENT));
    for (String e : entries) all.append(",\n").append(e);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static String given(String type, String id, String name, String effective) {
    return """
        {"resource": {"resourceType": "%s", "id": "%s", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "%s"}, "effective%s}}"""
        .formatted(type, id, PATIENT, name, effective);
  }

  private static Truth truth(ProcedureRule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void oneTransfusionWrittenTwiceIsAskedNeverCountedTwice() {
    String administration = given("MedicationAdministration", "a1", "PRBC 2 units",
        "DateTime\": \"2026-02-10T22:00:00Z\"");
    PatientFacts[] twice = {
        record(administration, administration),
        record(administration, given("MedicationStatement", "s1", "Packed red blood cells 2 units",
            "DateTime\": \"2026-02-10\"")),
        record(administration, """
            {"resource": {"resourceType": "Procedure", "id": "x1", "status": "completed",
             "subject": {"reference": "%s"}, "code": {"text": "PRBC transfusion 2 units"},
             "performedPeriod": {"start": "2026-02-10T22:00:00Z", "end": "2026-02-11T01:30:00Z"}}}"""
            .formatted(PATIENT))};
    for (PatientFacts facts : twice) {
      assertThat(truth(FOUR_UNITS, facts)).as("2 units written twice: %s", facts.medications())
          .isEqualTo(Truth.UNKNOWN);
      assertThat(truth(TWO_TRANSFUSIONS, facts)).as("one transfusion written twice: %s", facts.medications())
          .isEqualTo(Truth.UNKNOWN);
    }
    PatientFacts twoTransfusions = record(administration, given("MedicationAdministration", "a2", "PRBC 2 units",
        "DateTime\": \"2026-01-20\""));
    assertThat(truth(FOUR_UNITS, twoTransfusions)).as("2 units three weeks apart, twice").isEqualTo(Truth.MET);
    assertThat(truth(TWO_TRANSFUSIONS, twoTransfusions)).as("two transfusions three weeks apart")
        .isEqualTo(Truth.MET);
  }
}
