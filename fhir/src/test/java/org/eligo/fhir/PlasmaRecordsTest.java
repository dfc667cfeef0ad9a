package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Plasma, FFP and cryoprecipitate in FHIR records (DECISIONS 92): a transfusion of plasma, no red cells or platelets.
 * They were a blood product of no kind Eligo can tell, so every red-cell or platelet criterion asked about them. Albumin
 * and immunoglobulin are no transfusion. Every record lists a bone marrow biopsy; as of 2026-03-01.
 */
class PlasmaRecordsTest {
  private static final String PATIENT = "urn:uuid:0d9e8f7a-6b5c-4d3e-9f2a-1b0c9d8e7f6a";
  private static final ProcedureRule ANY_8_WEEKS = new ProcedureRule(Set.of("transfusion"), TimeWindow.within(56),
      "blood transfusion");
  private static final ProcedureRule RED_8_WEEKS = new ProcedureRule(Set.of("red-cell-transfusion"),
      TimeWindow.within(56), "red blood cell transfusion");
  /** A transfusion the record gives without its kind, as the parser asks it beside a red-cell criterion. */
  private static final ProcedureRule UNNAMED_8_WEEKS = new ProcedureRule(Set.of("transfusion"), TimeWindow.within(56),
      "blood transfusion", 1, false, Set.of("plasma-transfusion"));

  private static PatientFacts record(String entry) {
    String all = """
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1971-05-20",
         "gender": "female"}},
        {"resource": {"resourceType": "Procedure", "id": "bm", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "Bone marrow biopsy"},
         "performedDateTime": "2025-06-03"}},
        %s""".formatted(PATIENT, PATIENT, entry);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static String administered(String code) {
    return """
        {"resource": {"resourceType": "MedicationAdministration", "id": "a1", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": %s, "effectiveDateTime": "2026-02-10"}}"""
        .formatted(PATIENT, code);
  }

  private static String procedure(String code) {
    return """
        {"resource": {"resourceType": "Procedure", "id": "p1", "status": "completed",
         "subject": {"reference": "%s"}, "code": %s, "performedDateTime": "2026-02-10"}}""".formatted(PATIENT, code);
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void plasmaIsATransfusionButNoRedCellsAndNotAskedAboutUnderThem() {
    for (String entry : new String[] {
        administered("{\"text\": \"FFP 2 units\"}"),
        administered("{\"text\": \"Fresh frozen plasma\"}"),
        procedure("{\"text\": \"Cryoprecipitate 10 units\"}"),
        procedure("{\"text\": \"Fresh frozen plasma transfusion\"}"),
        administered("{\"text\": \"Plasma, thawed\"}"),
        // ICD-10-PCS table 302's names, read by the name (no ICD-10-PCS code is read)
        procedure("{\"coding\": [{\"system\": \"http://www.cms.gov/Medicare/Coding/ICD10\", \"code\": \"30233K1\", "
            + "\"display\": \"Transfusion of Nonautologous Frozen Plasma into Peripheral Vein, Percutaneous Approach\"}]}"),
        procedure("{\"text\": \"Transfusion of Nonautologous Plasma Cryoprecipitate into Central Vein, Percutaneous "
            + "Approach\"}"),
        administered("{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/v2-0426\", \"code\": \"FFP\"}]}"),
        procedure("{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/v2-0426\", \"code\": \"CRYO\"}]}")}) {
      PatientFacts facts = record(entry);
      assertThat(truth(ANY_8_WEEKS, facts)).as("plasma is a transfusion: %s", entry).isEqualTo(Truth.MET);
      assertThat(truth(RED_8_WEEKS, facts)).as("plasma is no red cells, and not asked: %s", entry)
          .isEqualTo(Truth.NOT_MET);
      assertThat(truth(UNNAMED_8_WEEKS, facts)).as("plasma is a stated kind: %s", entry).isEqualTo(Truth.NOT_MET);
      assertThat(facts.procedures().stream().anyMatch(p -> p.concepts().contains(Unidentified.BLOOD_PRODUCT))
          || facts.medications().stream().anyMatch(m -> m.concepts().contains(Unidentified.BLOOD_PRODUCT)))
          .as("no blood product of unknown kind: %s", entry).isFalse();
    }
  }

  @Test
  void plasmaBesideOtherProductsOrWordsStaysAskedAndAlbuminOrImmunoglobulinIsNoTransfusion() {
    for (String entry : new String[] {administered("{\"text\": \"Whole blood and plasma\"}"),
        administered("{\"text\": \"Granulocytes and plasma\"}"), procedure("{\"text\": \"Red cells and FFP\"}")}) {
      assertThat(truth(RED_8_WEEKS, record(entry))).as("may be red cells: %s", entry).isEqualTo(Truth.UNKNOWN);
    }
    for (String entry : new String[] {administered("{\"text\": \"Albumin human 25%\"}"),
        administered("{\"text\": \"IVIG 30 g\"}"), procedure("{\"text\": \"Plasma exchange\"}")}) {
      assertThat(truth(ANY_8_WEEKS, record(entry))).as("no transfusion: %s", entry).isEqualTo(Truth.NOT_MET);
    }
  }
}
