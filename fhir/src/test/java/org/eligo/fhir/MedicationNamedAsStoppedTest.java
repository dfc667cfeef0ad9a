package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.List;
import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.core.rule.Rule;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * A medication entry still "active" whose name says the drug was stopped or held, as EHR exports write order actions
 * (DECISIONS 98 review): "Discontinue eltrombopag", "Stopped eculizumab", "Hold warfarin", "Apixaban 5 mg BID
 * (discontinued)", "Placed on hold: warfarin", "Pt was on apixaban". Read as the drug taken now, "Current anticoagulant
 * use" (exclusion) excluded a patient whose warfarin was stopped; the drug is taken at some time, whether now is asked,
 * as a status "on-hold" is. A name that says the drug goes on ("Restarted on warfarin", "Increase prednisone to 20 mg",
 * "Taper prednisone", "Wean off prednisone") is still taken now. Each name is read as the concept's text, a coding's
 * display and a reference's display, in an active MedicationStatement and an active MedicationRequest. As of 2026-03-01.
 */
class MedicationNamedAsStoppedTest {
  private static final String PATIENT = "urn:uuid:5b2e9c1d-7f3a-4e8b-9c0d-1a2b3c4d5e6f";

  private static String medication(String name, int form) {
    return switch (form) {
      case 0 -> "\"medicationCodeableConcept\": {\"text\": \"" + name + "\"}";
      case 1 -> "\"medicationCodeableConcept\": {\"coding\": [{\"system\": \"http://example.org/local-formulary\","
          + " \"code\": \"x1\", \"display\": \"" + name + "\"}]}";
      default -> "\"medicationReference\": {\"reference\": \"Medication/not-here\", \"display\": \"" + name + "\"}";
    };
  }

  private static List<String> entries(String name, int form) {
    String med = medication(name, form);
    return List.of("""
        {"resource": {"resourceType": "MedicationStatement", "id": "s", "status": "active",
         "subject": {"reference": "%s"}, %s, "effectivePeriod": {"start": "2026-02-20"}}}""".formatted(PATIENT, med),
        """
        {"resource": {"resourceType": "MedicationRequest", "id": "q", "status": "active", "intent": "order",
         "subject": {"reference": "%s"}, %s, "authoredOn": "2026-02-20"}}""".formatted(PATIENT, med));
  }

  private static PatientFacts record(String entry) {
    String all = """
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1961-05-09",
         "gender": "female"}},
        %s""".formatted(PATIENT, entry);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static Rule current(String concept) {
    return new MedicationRule(Set.of(concept), new MedicationTiming.Current(), concept);
  }

  private static Rule ever(String concept) {
    return new MedicationRule(Set.of(concept), new MedicationTiming.Ever(), concept);
  }

  @Test
  void aDrugTheNameSaysWasStoppedOrHeldIsTakenAtSomeTimeNotNow() {
    String[][] cases = {{"Discontinue eltrombopag", "eltrombopag"}, {"Stopped eculizumab 900 mg", "eculizumab"},
        {"Hold warfarin", "anticoagulant"}, {"Held apixaban 5 mg BID", "anticoagulant"},
        {"Warfarin 5 mg daily - hold", "anticoagulant"}, {"Apixaban 5 mg BID (discontinued)", "anticoagulant"},
        {"D/C rivaroxaban", "anticoagulant"}, {"Off warfarin since 2025", "anticoagulant"},
        {"Weaned off prednisone", "prednisone"}, {"Placed on hold: warfarin 5 mg", "anticoagulant"},
        {"Pt was on apixaban", "anticoagulant"}, {"Rivaroxaban 20 mg: on hold", "anticoagulant"},
        {"Started on 01/2024, discontinued 06/2024: eltrombopag", "eltrombopag"}};
    for (String[] c : cases) {
      for (int form = 0; form < 3; form++) {
        for (String entry : entries(c[0], form)) {
          PatientFacts facts = record(entry);
          String as = c[0] + " / " + entry.substring(0, 80);
          assertThat(truth(current(c[1]), facts)).as(as).isEqualTo(Truth.UNKNOWN);
          assertThat(truth(ever(c[1]), facts)).as(as).isEqualTo(Truth.MET);
        }
      }
    }
  }

  @Test
  void aDrugTheNameSaysGoesOnIsStillTakenNow() {
    String[][] cases = {{"Restarted on warfarin", "anticoagulant"}, {"Increase prednisone to 20 mg", "prednisone"},
        {"Taper prednisone", "prednisone"}, {"Wean off prednisone", "prednisone"},
        {"Initiated eltrombopag 50 mg daily", "eltrombopag"}, {"Off-label rituximab 375 mg/m2", "rituximab"},
        {"Patient has been on apixaban since 2019", "anticoagulant"}};
    for (String[] c : cases) {
      for (int form = 0; form < 3; form++) {
        for (String entry : entries(c[0], form)) {
          assertThat(truth(current(c[1]), record(entry))).as(c[0] + " / " + entry.substring(0, 80))
              .isEqualTo(Truth.MET);
        }
      }
    }
  }
  /**
   * Protamine inside an insulin's name is no reversal agent given (DECISIONS 98 review): "Received protamine within 4
   * weeks" was MET for a patient on premixed insulin lispro, so the exclusion list excluded her; protamine sulfate
   * given is still protamine.
   */
  @Test
  void protamineInsideAnInsulinsNameIsTheInsulinNotProtamine() {
    for (String name : new String[] {"Insulin lispro protamine and insulin lispro injectable suspension 75/25",
        "insulin aspart protamine, human 70 UNT/ML / insulin aspart 30 UNT/ML Injectable Suspension",
        "Humulin N (NPH, isophane/protamine) insulin 20 units qAM", "Protamine zinc insulin 10 units daily"}) {
      for (int form = 0; form < 3; form++) {
        PatientFacts facts = record(entries(name, form).get(0));
        assertThat(truth(ever("protamine"), facts)).as(name + " / " + form).isEqualTo(Truth.NOT_MET);
      }
    }
    for (int form = 0; form < 3; form++) {
      assertThat(truth(ever("protamine"), record(entries("Protamine sulfate 50 mg IV", form).get(0))))
          .as("protamine given / " + form).isEqualTo(Truth.MET);
    }
  }
}
