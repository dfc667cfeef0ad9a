package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * A medication entry that names the product given and, after it, the drug it was given for (DECISIONS 96): "Fresh
 * frozen plasma 4 units for reversal of warfarin" was read as warfarin, so the patient was on an anticoagulant
 * ("Current anticoagulant use" in the exclusion list excluded) and the plasma was lost. The product is read; a
 * product Eligo cannot name beside a drug named as its reason leaves the drug criteria open. Every record lists
 * folic acid (February 2026), so a drug not taken is NOT_MET, not UNKNOWN. The drug named as the reason was taken at
 * some time the record does not give: asked, never ruled out (§96 review). As of 2026-03-01.
 */
class MedicationGivenForAReasonTest {
  private static final String PATIENT = "urn:uuid:5b2e9c1d-7f3a-4e8b-9c0d-1a2b3c4d5e6f";

  private static final Rule ANTICOAGULANT_WITHIN_4_WEEKS = new MedicationRule(Set.of("anticoagulant"),
      new MedicationTiming.WithinDays(28), "anticoagulant");
  private static final Rule ANTIPLATELET_WITHIN_4_WEEKS = new MedicationRule(Set.of("antiplatelet-agent"),
      new MedicationTiming.WithinDays(28), "antiplatelet agent");
  private static final Rule PLASMA_4_WEEKS = new ProcedureRule(Set.of("plasma-transfusion"), TimeWindow.within(28),
      "plasma transfusion");
  private static final Rule PLATELETS_4_WEEKS = new ProcedureRule(Set.of("platelet-transfusion"),
      TimeWindow.within(28), "platelet transfusion");

  private static PatientFacts record(String entry) {
    String all = """
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1961-05-09",
         "gender": "female"}},
        {"resource": {"resourceType": "Procedure", "id": "bm", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "Bone marrow biopsy"}, "performedDateTime": "2025-06-03"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "fa", "status": "active",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "folic acid 1 mg tablet"},
         "effectiveDateTime": "2026-02-10"}},
        %s""".formatted(PATIENT, PATIENT, PATIENT, entry);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static String administered(String name) {
    return """
        {"resource": {"resourceType": "MedicationAdministration", "id": "a", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "%s"},
         "effectiveDateTime": "2026-02-20"}}""".formatted(PATIENT, name);
  }

  private static String statement(String name) {
    return """
        {"resource": {"resourceType": "MedicationStatement", "id": "s", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"coding": [{"display": "%s"}]},
         "effectivePeriod": {"start": "2026-02-20", "end": "2026-02-21"}}}""".formatted(PATIENT, name);
  }

  private static String byReference(String name) {
    return """
        {"resource": {"resourceType": "MedicationAdministration", "id": "r", "status": "completed",
         "subject": {"reference": "%s"}, "medicationReference": {"reference": "Medication/x", "display": "%s"},
         "effectiveDateTime": "2026-02-20"}}""".formatted(PATIENT, name);
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void plasmaGivenToReverseAnAnticoagulantIsPlasmaAndNoAnticoagulant() {
    for (String name : new String[] {"Fresh frozen plasma 4 units for reversal of warfarin",
        "FFP 2 units for warfarin reversal", "Fresh frozen plasma to reverse warfarin",
        "FFP 4 units, for INR reversal on warfarin", "Fresh frozen plasma 2 units (due to apixaban bleed)"}) {
      for (String entry : new String[] {administered(name), statement(name)}) {
        PatientFacts facts = record(entry);
        assertThat(truth(ANTICOAGULANT_WITHIN_4_WEEKS, facts)).as(name).isEqualTo(Truth.UNKNOWN);
        assertThat(truth(PLASMA_4_WEEKS, facts)).as(name).isEqualTo(Truth.MET);
      }
      // a Medication not in the record, named by the reference's display: a blood product is not read from a display
      // (§87), so the entry is a product Eligo cannot name, and the anticoagulant stays open rather than met
      assertThat(truth(ANTICOAGULANT_WITHIN_4_WEEKS, record(byReference(name)))).as(name).isEqualTo(Truth.UNKNOWN);
    }
  }

  @Test
  void plateletsGivenOnAnAntiplateletDrugArePlateletsAndNoAntiplateletDrug() {
    for (String name : new String[] {"Platelets 1 unit for procedure on clopidogrel",
        "Apheresis platelets 1 unit secondary to clopidogrel bleeding", "Platelets 2 units to reverse ticagrelor"}) {
      for (String entry : new String[] {administered(name), statement(name)}) {
        PatientFacts facts = record(entry);
        assertThat(truth(ANTIPLATELET_WITHIN_4_WEEKS, facts)).as(name).isEqualTo(Truth.UNKNOWN);
        assertThat(truth(PLATELETS_4_WEEKS, facts)).as(name).isEqualTo(Truth.MET);
      }
    }
  }

  @Test
  void aReversalAgentEligoCannotNameBesideTheDrugItReversesLeavesTheDrugCriteriaOpen() {
    for (String name : new String[] {"Vitamin K 10 mg IV for warfarin reversal", "Protamine for heparin reversal",
        "Phytonadione 5 mg PO to reverse warfarin", "Prothrombin complex concentrate due to rivaroxaban bleed"}) {
      for (String entry : new String[] {administered(name), statement(name), byReference(name)}) {
        assertThat(truth(ANTICOAGULANT_WITHIN_4_WEEKS, record(entry))).as(name).isEqualTo(Truth.UNKNOWN);
      }
    }
  }

  @Test
  void aDrugGivenForAConditionIsStillThatDrug() {
    for (String name : new String[] {"Warfarin 5 mg tablet for atrial fibrillation", "Apixaban 5 mg BID due to DVT",
        "Enoxaparin 40 mg SC for VTE prophylaxis", "Heparin sodium 5000 units/mL solution for injection"}) {
      assertThat(truth(ANTICOAGULANT_WITHIN_4_WEEKS, record(statement(name)))).as(name).isEqualTo(Truth.MET);
    }
  }
}
