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
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

class MedicationReasonsReviewTest {
  private static final String PATIENT = "urn:uuid:5b2e9c1d-7f3a-4e8b-9c0d-1a2b3c4d5e6f";

  private static PatientFacts record(String name, boolean concept) {
    String med = concept ? "\"medicationCodeableConcept\": {\"text\": \"" + name + "\"}"
        : "\"medicationCodeableConcept\": {\"coding\": [{\"display\": \"" + name + "\"}]}";
    String all = """
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1961-05-09",
         "gender": "female"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "fa", "status": "active",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "folic acid 1 mg tablet"},
         "effectiveDateTime": "2026-02-10"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "s", "status": "active",
         "subject": {"reference": "%s"}, %s, "effectivePeriod": {"start": "2025-10-01"}}}
        """.formatted(PATIENT, PATIENT, PATIENT, med);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static Truth on(String concept, PatientFacts facts) {
    return RuleEvaluator.evaluate(new MedicationRule(Set.of(concept), new MedicationTiming.Current(), concept),
        PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  /**
   * DECISIONS 96 review: the drug named after the product ("on eltrombopag", "for reversal of warfarin") is one the
   * patient was on. Cut away, the record no longer held it, and an inclusion "Currently on eltrombopag" failed a
   * patient whose only eltrombopag entry was "IVIG for ITP on eltrombopag". It is now asked; the product stays read.
   */
  @Test
  void theDrugNamedAfterTheProductIsAskedNeverRuledOut() {
    String[][] cases = {{"IVIG for ITP on eltrombopag", "ivig", "eltrombopag"},
        {"IVIG 1 g/kg while on romiplostim", "ivig", "romiplostim"},
        {"Prednisone 1 mg/kg for ITP flare on eltrombopag", "prednisone", "eltrombopag"},
        {"Rituximab for AIHA, on cyclosporine", "rituximab", "cyclosporine"},
        {"Fresh frozen plasma 4 units for reversal of warfarin", null, "warfarin"},
        {"Platelets 1 unit for procedure on clopidogrel", null, "clopidogrel"}};
    for (String[] c : cases) {
      for (boolean concept : new boolean[] {true, false}) {
        PatientFacts facts = record(c[0], concept);
        if (c[1] != null) assertThat(on(c[1], facts)).as(c[0]).isEqualTo(Truth.MET);
        assertThat(on(c[2], facts)).as(c[0]).isEqualTo(Truth.UNKNOWN);
        assertThat(ever(c[2], facts)).as(c[0]).isEqualTo(Truth.MET);
      }
    }
    // a drug given for a condition is that drug, and no other drug is added
    for (String name : new String[] {"Warfarin 5 mg for atrial fibrillation", "Eltrombopag 50 mg daily for ITP",
        "Cyclosporine for aplastic anemia", "Prednisone taper for AIHA"}) {
      PatientFacts facts = record(name, true);
      assertThat(on("rituximab", facts)).as(name).isEqualTo(Truth.NOT_MET);
    }
  }

  private static Truth ever(String concept, PatientFacts facts) {
    return RuleEvaluator.evaluate(new MedicationRule(Set.of(concept), new MedicationTiming.Ever(), concept),
        PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }
}
