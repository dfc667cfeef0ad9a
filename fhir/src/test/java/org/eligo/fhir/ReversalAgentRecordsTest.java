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
 * Anticoagulant reversal agents as records name them (DECISIONS 98): vitamin K (phytonadione), protamine, prothrombin
 * complex concentrate (4F-PCC, Kcentra), idarucizumab (Praxbind), andexanet alfa (Andexxa). They had no concept, so an
 * entry naming one was a drug Eligo could not tell: every drug criterion was asked of a patient given vitamin K once,
 * and the agent itself could not be found. Each is now a drug of its own, no anticoagulant. Given "for reversal of"
 * an anticoagulant, the anticoagulant is kept undated and of unknown status (§96 review): "Current anticoagulant use"
 * and "Therapeutic anticoagulation within 7 days" are asked, never met by the reversal agent and never ruled out.
 * Each name is read as a MedicationStatement, a MedicationRequest and a MedicationAdministration, as the concept's
 * text, a coding's display and a reference's display. Every record lists folic acid. As of 2026-03-01.
 */
class ReversalAgentRecordsTest {
  private static final String PATIENT = "urn:uuid:5b2e9c1d-7f3a-4e8b-9c0d-1a2b3c4d5e6f";

  /** "Current anticoagulant use". */
  private static final Rule CURRENT_ANTICOAGULANT = new MedicationRule(Set.of("anticoagulant"),
      new MedicationTiming.Current(), "anticoagulant");
  /** "Therapeutic anticoagulation within 7 days prior to enrollment". */
  private static final Rule ANTICOAGULANT_WITHIN_7_DAYS = new MedicationRule(Set.of("anticoagulant"),
      new MedicationTiming.WithinDays(7), "anticoagulant");

  private static final String[][] REVERSED = {
      {"Vitamin K 10 mg IV for warfarin reversal", "phytonadione"},
      {"Phytonadione 5 mg PO to reverse warfarin", "phytonadione"},
      {"Protamine sulfate 50 mg IV for heparin reversal", "protamine"},
      {"Kcentra 2000 units for reversal of apixaban", "prothrombin-complex-concentrate"},
      {"4F-PCC 25 units/kg due to rivaroxaban bleed", "prothrombin-complex-concentrate"},
      {"Prothrombin complex concentrate 1500 IU for warfarin reversal", "prothrombin-complex-concentrate"},
      {"Praxbind 5 g IV to reverse dabigatran", "idarucizumab"},
      {"Idarucizumab 5 g for dabigatran reversal prior to surgery", "idarucizumab"},
      {"Andexxa 800 mg bolus for reversal of apixaban", "andexanet-alfa"},
      {"Andexanet alfa secondary to rivaroxaban-associated ICH", "andexanet-alfa"}};

  private static String medication(String name, int form) {
    return switch (form) {
      case 0 -> "\"medicationCodeableConcept\": {\"text\": \"" + name + "\"}";
      case 1 -> "\"medicationCodeableConcept\": {\"coding\": [{\"system\": \"http://example.org/local-formulary\","
          + " \"code\": \"rv-9\", \"display\": \"" + name + "\"}]}";
      default -> "\"medicationReference\": {\"reference\": \"Medication/not-here\", \"display\": \"" + name + "\"}";
    };
  }

  private static List<String> entries(String medication) {
    return List.of("""
        {"resource": {"resourceType": "MedicationStatement", "id": "s", "status": "completed",
         "subject": {"reference": "%s"}, %s, "effectivePeriod": {"start": "2026-02-26", "end": "2026-02-26"}}}"""
            .formatted(PATIENT, medication),
        """
        {"resource": {"resourceType": "MedicationRequest", "id": "q", "status": "completed", "intent": "order",
         "subject": {"reference": "%s"}, %s, "authoredOn": "2026-02-26"}}""".formatted(PATIENT, medication),
        """
        {"resource": {"resourceType": "MedicationAdministration", "id": "a", "status": "completed",
         "subject": {"reference": "%s"}, %s, "effectiveDateTime": "2026-02-26"}}""".formatted(PATIENT, medication));
  }

  private static PatientFacts record(String entry) {
    String all = """
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1961-05-09",
         "gender": "female"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "fa", "status": "active",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "folic acid 1 mg tablet"},
         "effectiveDateTime": "2026-02-10"}},
        %s""".formatted(PATIENT, PATIENT, entry);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static Rule within4Weeks(String concept) {
    return new MedicationRule(Set.of(concept), new MedicationTiming.WithinDays(28), concept);
  }

  @Test
  void aReversalAgentGivenForAnAnticoagulantIsTheAgentAndTheAnticoagulantIsAsked() {
    for (String[] c : REVERSED) {
      for (int form = 0; form < 3; form++) {
        for (String entry : entries(medication(c[0], form))) {
          PatientFacts facts = record(entry);
          String as = c[0] + " / " + entry.substring(0, 80);
          assertThat(truth(within4Weeks(c[1]), facts)).as(as).isEqualTo(Truth.MET);
          // the reversal agent is no anticoagulant, and the anticoagulant it reversed is on record, undated
          assertThat(truth(CURRENT_ANTICOAGULANT, facts)).as(as).isEqualTo(Truth.UNKNOWN);
          assertThat(truth(ANTICOAGULANT_WITHIN_7_DAYS, facts)).as(as).isEqualTo(Truth.UNKNOWN);
          // another drug is ruled out: the entry is a drug Eligo knows
          assertThat(truth(within4Weeks("rituximab"), facts)).as(as).isEqualTo(Truth.NOT_MET);
        }
      }
    }
  }

  @Test
  void aReversalAgentAloneIsNoAnticoagulant() {
    String[][] alone = {{"Vitamin K1 10 mg/mL injection", "phytonadione"}, {"Mephyton 5 mg tablet", "phytonadione"},
        {"Protamine sulfate 10 mg/mL", "protamine"}, {"Kcentra 500 units", "prothrombin-complex-concentrate"},
        {"Idarucizumab 2.5 g/50 mL", "idarucizumab"}, {"Andexanet alfa 200 mg vial", "andexanet-alfa"}};
    for (String[] c : alone) {
      for (int form = 0; form < 3; form++) {
        for (String entry : entries(medication(c[0], form))) {
          PatientFacts facts = record(entry);
          String as = c[0] + " / " + entry.substring(0, 80);
          assertThat(truth(within4Weeks(c[1]), facts)).as(as).isEqualTo(Truth.MET);
          assertThat(truth(CURRENT_ANTICOAGULANT, facts)).as(as).isEqualTo(Truth.NOT_MET);
          assertThat(truth(ANTICOAGULANT_WITHIN_7_DAYS, facts)).as(as).isEqualTo(Truth.NOT_MET);
        }
      }
    }
  }

  /** A record coded by the WHO ATC code alone, under a pharmacy's own name. */
  @Test
  void aReversalAgentCodedByAtcIsTheAgent() {
    String[][] coded = {{"B02BA01", "KONAKION MM 10MG/1ML AMP", "phytonadione"},
        {"V03AB14", "PROTAMINE 50MG/5ML INJ", "protamine"},
        {"B02BD01", "PCC 4-FACTOR 1000IU VIAL", "prothrombin-complex-concentrate"},
        {"V03AB37", "PRAXBIND 2.5G/50ML", "idarucizumab"}, {"V03AB38", "ONDEXXYA 200MG PWD", "andexanet-alfa"}};
    for (String[] c : coded) {
      String med = "\"medicationCodeableConcept\": {\"coding\": [{\"system\": \"http://www.whocc.no/atc\", \"code\": \""
          + c[0] + "\"}], \"text\": \"" + c[1] + "\"}";
      for (String entry : entries(med)) {
        PatientFacts facts = record(entry);
        assertThat(truth(within4Weeks(c[2]), facts)).as(c[0]).isEqualTo(Truth.MET);
        assertThat(truth(ANTICOAGULANT_WITHIN_7_DAYS, facts)).as(c[0]).isEqualTo(Truth.NOT_MET);
      }
    }
  }
}
