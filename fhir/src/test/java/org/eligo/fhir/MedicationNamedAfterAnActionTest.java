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
 * A medication entry whose words before "on" or "for" say how the drug is taken, not what was given (DECISIONS 98):
 * "Started on eltrombopag 50 mg daily", "Pt on eculizumab 900 mg IV q2w", "Maintenance therapy for PNH: ravulizumab".
 * §96 cut such a name at "on"/"for" and read the words before it, which name no product, so the entry was a drug Eligo
 * could not tell: "Currently on eltrombopag" was asked of a patient the record shows on it, and every other drug
 * criterion was asked too. The drug after the cue is the one given. Each name is read as a MedicationStatement, a
 * MedicationRequest and a MedicationAdministration, written as the concept's text, a coding's display and the display
 * of a reference to a Medication not in the record. Every record lists folic acid, so a drug not taken is NOT_MET.
 * As of 2026-03-01.
 */
class MedicationNamedAfterAnActionTest {
  private static final String PATIENT = "urn:uuid:5b2e9c1d-7f3a-4e8b-9c0d-1a2b3c4d5e6f";

  private static final Rule ANTICOAGULANT_WITHIN_4_WEEKS = new MedicationRule(Set.of("anticoagulant"),
      new MedicationTiming.WithinDays(28), "anticoagulant");

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
         "subject": {"reference": "%s"}, %s, "authoredOn": "2026-02-20"}}""".formatted(PATIENT, med),
        """
        {"resource": {"resourceType": "MedicationAdministration", "id": "a", "status": "completed",
         "subject": {"reference": "%s"}, %s, "effectiveDateTime": "2026-02-20"}}""".formatted(PATIENT, med));
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
  void theDrugAfterWordsThatNameNoProductIsTheDrugGiven() {
    String[][] cases = {{"Started on eltrombopag 50 mg daily", "eltrombopag"},
        {"Pt on eculizumab 900 mg IV q2w", "eculizumab"}, {"Continue on prednisone 10 mg", "prednisone"},
        {"Maintenance therapy for PNH: ravulizumab", "ravulizumab"}, {"Resume on romiplostim", "romiplostim"},
        {"Patient remains on cyclosporine 100 mg bid", "cyclosporine"},
        {"Restarted on rivaroxaban 20 mg daily", "rivaroxaban"},
        {"Started on eltrombopag 25 mg daily for ITP", "eltrombopag"},
        {"Currently on ravulizumab while on anticoagulation", "ravulizumab"},
        {"Switched to eltrombopag", "eltrombopag"}};
    for (String[] c : cases) {
      for (int form = 0; form < 3; form++) {
        for (String entry : entries(c[0], form)) {
          PatientFacts facts = record(entry);
          String as = c[0] + " / " + entry.substring(0, 80);
          assertThat(truth(within4Weeks(c[1]), facts)).as(as).isEqualTo(Truth.MET);
          // the entry is that drug, not a drug Eligo cannot tell: another drug is ruled out, not asked
          assertThat(truth(within4Weeks("rituximab"), facts)).as(as).isEqualTo(Truth.NOT_MET);
        }
      }
    }
  }

  /**
   * Words that are no action but may be a product Eligo does not know, or an action on a reversal, keep §96's cut: the
   * drug named after them is never read as the one given, so "anticoagulant within 4 weeks" is asked, never met.
   */
  @Test
  void aHeadThatMayBeAProductOrAReversalIsStillCut() {
    for (String name : new String[] {"Cofact 1000 IU for warfarin reversal", "Given for reversal of apixaban",
        "Treatment for warfarin reversal", "Hemosol on warfarin, INR 6.2", "Held on warfarin",
        "Started on 4 units FFP for reversal of warfarin"}) {
      for (int form = 0; form < 3; form++) {
        for (String entry : entries(name, form)) {
          assertThat(truth(ANTICOAGULANT_WITHIN_4_WEEKS, record(entry))).as(name + " / " + entry.substring(0, 80))
              .isEqualTo(Truth.UNKNOWN);
        }
      }
    }
  }

  private static Rule current(String concept) {
    return new MedicationRule(Set.of(concept), new MedicationTiming.Current(), concept);
  }

  /**
   * A switch names the drug left after "from", "instead of", "replacing": the record says the patient is on the first
   * and was once on the other. "Current romiplostim use" was MET for "Switched to eltrombopag from romiplostim" (the
   * whole name was read, so the exclusion list excluded her); the drug left is now taken at some time, when asked.
   */
  @Test
  void theDrugASwitchLeftIsTakenAtSomeTimeNotNow() {
    String[][] cases = {{"Switched to eltrombopag from romiplostim", "eltrombopag", "romiplostim"},
        {"Eltrombopag 50 mg daily instead of romiplostim", "eltrombopag", "romiplostim"},
        {"Ravulizumab 3300 mg IV q8w, replacing eculizumab", "ravulizumab", "eculizumab"},
        {"Avatrombopag 20 mg in place of eltrombopag", "avatrombopag", "eltrombopag"}};
    for (String[] c : cases) {
      for (int form = 0; form < 3; form++) {
        String entry = entries(c[0], form).get(0); // an active statement begun 2026-02-20
        PatientFacts facts = record(entry);
        String as = c[0] + " / " + form;
        assertThat(truth(current(c[1]), facts)).as(as).isEqualTo(Truth.MET);
        assertThat(truth(current(c[2]), facts)).as(as).isEqualTo(Truth.UNKNOWN);
        assertThat(truth(new MedicationRule(Set.of(c[2]), new MedicationTiming.Ever(), c[2]), facts)).as(as)
            .isEqualTo(Truth.MET);
      }
    }
  }

  /**
   * A cut that leaves no concept on either side tells nothing: "Immune globulin from pooled human plasma",
   * "Cryoprecipitate from pooled plasma" stay what §87 reads from the whole name (a
   * blood product of no kind Eligo can tell: "RBC transfusion within 4 weeks" asked, not ruled out).
   */
  @Test
  void aCutThatLeavesNoConceptKeepsTheWholeName() {
    Rule redCells = new org.eligo.core.rule.ProcedureRule(Set.of("red-cell-transfusion"),
        org.eligo.core.rule.TimeWindow.within(28), "red blood cell transfusion");
    for (String name : new String[] {"Immune globulin from pooled human plasma",
        "Cryoprecipitate from pooled plasma"}) {
      for (int form = 0; form < 2; form++) {
        // an administration on 2026-02-20, and a procedure list (without one every transfusion rule is asked)
        String entry = entries(name, form).get(2) + """
            ,
            {"resource": {"resourceType": "Procedure", "id": "bm", "status": "completed",
             "subject": {"reference": "%s"}, "code": {"text": "Bone marrow biopsy"},
             "performedDateTime": "2025-06-03"}}""".formatted(PATIENT);
        assertThat(truth(redCells, record(entry))).as(name + " / " + form).isEqualTo(Truth.UNKNOWN);
      }
    }
  }
}
