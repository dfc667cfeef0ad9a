package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.ArrayList;
import java.util.List;
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
 * A Medication resource in the record (contained in the entry, or an entry of the Bundle) whose own code names the
 * product and, after it, the drug it was given for (DECISIONS 98; §96's "Not done"): "FFP 4 units for reversal of
 * warfarin" was read whole, as warfarin given that day, so "anticoagulant within 4 weeks" was MET (excluded under
 * "Current anticoagulant use") and the plasma was lost. It is now read as a medicationCodeableConcept is: the product,
 * with the drug after it kept undated and of unknown status. Each name is the Medication's code text or a coding's
 * display, referenced from a MedicationStatement, a MedicationRequest and a MedicationAdministration. Every record
 * lists folic acid (February 2026), so a drug not taken is NOT_MET. As of 2026-03-01.
 */
class MedicationResourceGivenForAReasonTest {
  private static final String PATIENT = "urn:uuid:5b2e9c1d-7f3a-4e8b-9c0d-1a2b3c4d5e6f";

  private static final Rule ANTICOAGULANT_WITHIN_4_WEEKS = new MedicationRule(Set.of("anticoagulant"),
      new MedicationTiming.WithinDays(28), "anticoagulant");
  private static final Rule ANTIPLATELET_WITHIN_4_WEEKS = new MedicationRule(Set.of("antiplatelet-agent"),
      new MedicationTiming.WithinDays(28), "antiplatelet agent");
  private static final Rule PLASMA_4_WEEKS = new ProcedureRule(Set.of("plasma-transfusion"), TimeWindow.within(28),
      "plasma transfusion");
  private static final Rule PLATELETS_4_WEEKS = new ProcedureRule(Set.of("platelet-transfusion"),
      TimeWindow.within(28), "platelet transfusion");

  private static String code(String name, boolean text) {
    return text ? "{\"text\": \"" + name + "\"}"
        : "{\"coding\": [{\"system\": \"http://example.org/pharmacy\", \"code\": \"p-17\", \"display\": \"" + name
        + "\"}]}";
  }

  private static String use(String type, String reference, String contained) {
    String dates = switch (type) {
      case "MedicationStatement" -> "\"status\": \"completed\", \"effectivePeriod\": {\"start\": \"2026-02-20\","
          + " \"end\": \"2026-02-21\"}";
      case "MedicationRequest" -> "\"status\": \"completed\", \"intent\": \"order\", \"authoredOn\": \"2026-02-20\"";
      default -> "\"status\": \"completed\", \"effectiveDateTime\": \"2026-02-20\"";
    };
    return """
        {"resource": {"resourceType": "%s", "id": "u", %s"subject": {"reference": "%s"},
         "medicationReference": {"reference": "%s"}, %s}}""".formatted(type,
        contained == null ? "" : "\"contained\": [" + contained + "], ", PATIENT, reference, dates);
  }

  /** Each way a record may hold the Medication, with each resource that may use it. */
  private static List<PatientFacts> records(String name) {
    List<PatientFacts> out = new ArrayList<>();
    for (boolean text : new boolean[] {true, false}) {
      for (String type : List.of("MedicationStatement", "MedicationRequest", "MedicationAdministration")) {
        String contained = "{\"resourceType\": \"Medication\", \"id\": \"med\", \"code\": " + code(name, text) + "}";
        out.add(record(use(type, "#med", contained)));
        String inBundle = "{\"fullUrl\": \"urn:uuid:0f6c1e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b\", \"resource\": "
            + "{\"resourceType\": \"Medication\", \"id\": \"m1\", \"code\": " + code(name, text) + "}},\n";
        out.add(record(inBundle + use(type, "urn:uuid:0f6c1e2a-3b4d-4e5f-8a9b-0c1d2e3f4a5b", null)));
      }
    }
    return out;
  }

  private static PatientFacts record(String entries) {
    String all = """
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1961-05-09",
         "gender": "female"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "fa", "status": "active",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "folic acid 1 mg tablet"},
         "effectiveDateTime": "2026-02-10"}},
        %s""".formatted(PATIENT, PATIENT, entries);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static Rule rule(String concept, MedicationTiming timing) {
    return new MedicationRule(Set.of(concept), timing, concept);
  }

  @Test
  void plasmaGivenToReverseAnAnticoagulantIsPlasmaAndTheAnticoagulantIsAsked() {
    for (String name : new String[] {"FFP 4 units for reversal of warfarin", "Fresh frozen plasma to reverse apixaban",
        "FFP 2 units (due to rivaroxaban bleed)"}) {
      List<PatientFacts> all = records(name);
      assertThat(all).hasSize(12);
      for (PatientFacts facts : all) {
        assertThat(truth(ANTICOAGULANT_WITHIN_4_WEEKS, facts)).as(name).isEqualTo(Truth.UNKNOWN);
        assertThat(truth(PLASMA_4_WEEKS, facts)).as(name).isEqualTo(Truth.MET);
      }
    }
  }

  @Test
  void plateletsGivenOnAnAntiplateletDrugArePlateletsAndTheDrugIsAsked() {
    for (String name : new String[] {"Platelets 1 unit for procedure on clopidogrel",
        "Apheresis platelets 1 unit secondary to ticagrelor bleeding"}) {
      for (PatientFacts facts : records(name)) {
        assertThat(truth(ANTIPLATELET_WITHIN_4_WEEKS, facts)).as(name).isEqualTo(Truth.UNKNOWN);
        assertThat(truth(PLATELETS_4_WEEKS, facts)).as(name).isEqualTo(Truth.MET);
      }
    }
  }

  @Test
  void aDrugGivenOnAnotherIsThatDrugAndTheOtherIsTakenAtSomeTime() {
    for (PatientFacts facts : records("IVIG 1 g/kg for ITP on eltrombopag")) {
      assertThat(truth(rule("ivig", new MedicationTiming.WithinDays(28)), facts)).isEqualTo(Truth.MET);
      assertThat(truth(rule("eltrombopag", new MedicationTiming.Ever()), facts)).isEqualTo(Truth.MET);
      assertThat(truth(rule("eltrombopag", new MedicationTiming.WithinDays(28)), facts)).isEqualTo(Truth.UNKNOWN);
    }
  }

  /** Guards: a drug given for a condition, or named after words that name no product, is that drug. */
  @Test
  void aDrugGivenForAConditionIsStillThatDrug() {
    for (String name : new String[] {"Warfarin 5 mg tablet for atrial fibrillation",
        "Started on apixaban 5 mg BID for DVT", "Enoxaparin 40 mg SC for VTE prophylaxis"}) {
      for (PatientFacts facts : records(name)) {
        assertThat(truth(ANTICOAGULANT_WITHIN_4_WEEKS, facts)).as(name).isEqualTo(Truth.MET);
        assertThat(truth(ANTIPLATELET_WITHIN_4_WEEKS, facts)).as(name).isEqualTo(Truth.NOT_MET);
      }
    }
  }
}
