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
 * The units of a transfusion read from FHIR records (DECISIONS 92): a MedicationAdministration's dose in units, a
 * statement's dose quantity, a name that says them ("PRBC 2 units", "pRBCs x2"). A volume, or a name and a dose that
 * disagree, give no size: the entry counts as one unit and a count that comes up short is asked. Every record lists a
 * bone marrow biopsy. Evaluated as of {@link Readers#AS_OF} (2026-03-01).
 */
class TransfusionUnitsRecordsTest {
  private static final String PATIENT = "urn:uuid:7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  /** "Transfusion-dependent: ≥ 4 units of RBC in the 8 weeks before randomisation", as the parser reads it. */
  private static final ProcedureRule FOUR_UNITS_8_WEEKS = new ProcedureRule(Set.of("red-cell-transfusion"),
      TimeWindow.within(56), "red blood cell transfusion", 4, true);

  private static PatientFacts record(String... entries) {
    StringBuilder all = new StringBuilder("""
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1960-02-11",
         "gender": "male"}},
        {"resource": {"resourceType": "Procedure", "id": "bm", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "Bone marrow biopsy"},
         "performedDateTime": "2025-06-03"}}""".formatted(PATIENT, PATIENT));
    for (String e : entries) all.append(",\n").append(e);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  /** A MedicationAdministration named {@code name}, with a dose (JSON, or null for none). */
  private static String administered(String id, String name, String day, String dose) {
    return """
        {"resource": {"resourceType": "MedicationAdministration", "id": "%s", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "%s"}, "effectiveDateTime": "%s"%s}}"""
        .formatted(id, PATIENT, name, day, dose == null ? "" : ", \"dosage\": {\"dose\": " + dose + "}");
  }

  private static String procedure(String id, String name, String day) {
    return """
        {"resource": {"resourceType": "Procedure", "id": "%s", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "%s"}, "performedDateTime": "%s"}}"""
        .formatted(id, PATIENT, name, day);
  }

  private static Truth truth(PatientFacts facts) {
    return RuleEvaluator.evaluate(FOUR_UNITS_8_WEEKS, PatientIndex.of(facts),
        new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void unitsGivenByTheDoseOrTheNameAreCounted() {
    String twoU = "{\"value\": 2, \"unit\": \"U\"}";
    String twoUnits = "{\"value\": 2, \"unit\": \"units\", \"system\": \"http://unitsofmeasure.org\", "
        + "\"code\": \"{unit}\"}";
    String[][] fourUnits = {
        {administered("a1", "Packed red blood cells", "2026-02-10", twoU),
            administered("a2", "Packed red blood cells", "2026-01-20", twoU)},
        {administered("a1", "PRBC", "2026-02-10", twoUnits), administered("a2", "PRBC", "2026-01-20", twoUnits)},
        {administered("a1", "PRBC 2 units", "2026-02-10", null),
            administered("a2", "Red Blood Cells, Leukocytes Reduced, 2 units", "2026-01-20", null)},
        {procedure("p1", "pRBCs x2", "2026-02-10"), procedure("p2", "PRBC transfusion 2 units", "2026-01-20")},
        {administered("a1", "RBC 1 unit", "2026-02-20", null), administered("a2", "RBC 1 unit", "2026-02-10", null),
            administered("a3", "RBC 1 unit", "2026-01-25", null), procedure("p1", "RBC transfusion 1 unit",
            "2026-01-10")}};
    for (String[] entries : fourUnits) {
      assertThat(truth(record(entries))).as("4 units in 8 weeks: %s", String.join(" / ", entries))
          .isEqualTo(Truth.MET);
    }
  }

  @Test
  void aCountThatComesUpShortIsAskedWhenAnEntryGivesNoSizeAndFailedWhenAllDo() {
    String volume = "{\"value\": 300, \"unit\": \"mL\"}";
    String twoU = "{\"value\": 2, \"unit\": \"U\"}";
    String[][] unknownSize = {
        {administered("a1", "Packed red blood cells", "2026-02-10", volume),
            administered("a2", "Packed red blood cells", "2026-01-20", volume)},
        {administered("a1", "PRBC 1 unit", "2026-02-10", twoU), administered("a2", "PRBC 1 unit", "2026-01-20", twoU)},
        {procedure("p1", "Transfusion of packed red blood cells", "2026-02-10")}};
    for (String[] entries : unknownSize) {
      assertThat(truth(record(entries))).as("units not given or disagreeing: %s", String.join(" / ", entries))
          .isEqualTo(Truth.UNKNOWN);
    }
    assertThat(truth(record(administered("a1", "PRBC 1 unit", "2026-02-10", "{\"value\": 1, \"unit\": \"unit\"}"),
        administered("a2", "PRBC 2 units", "2026-01-20", null), administered("a3", "PRBC 2 units", "2025-12-01",
        null)))).as("3 units in the window, 2 before it").isEqualTo(Truth.NOT_MET);
    assertThat(truth(record())).as("never transfused").isEqualTo(Truth.NOT_MET);
  }
}
