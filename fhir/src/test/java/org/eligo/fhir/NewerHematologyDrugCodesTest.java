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
import org.junit.jupiter.api.Test;

/**
 * The newer hematology drugs as a European export codes them, by WHO ATC code with a local product name the dictionary
 * may lack (DECISIONS 94): each is its drug and in its class, so a patient given one meets a criterion naming the class
 * and is not "on some other drug". Evaluated as of 2026-03-01.
 */
class NewerHematologyDrugCodesTest {
  private static final String ATC = "http://www.whocc.no/atc";

  private static PatientFacts given(String atc, String localName) {
    String json = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
         {"fullUrl": "urn:uuid:0b6c1d0e-5f55-4f3e-9a1e-2f6a8c1b7d01", "resource": {"resourceType": "Patient",
          "id": "p1", "birthDate": "1968-04-12", "gender": "male"}},
         {"resource": {"resourceType": "MedicationStatement", "id": "m1", "status": "active",
          "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "%s"}], "text": "%s"},
          "subject": {"reference": "urn:uuid:0b6c1d0e-5f55-4f3e-9a1e-2f6a8c1b7d01"},
          "effectivePeriod": {"start": "2025-10-01"}}},
         {"resource": {"resourceType": "MedicationStatement", "id": "m2", "status": "active",
          "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "H02AB07"}], "text": "Decortin 5 mg"},
          "subject": {"reference": "urn:uuid:0b6c1d0e-5f55-4f3e-9a1e-2f6a8c1b7d01"},
          "effectiveDateTime": "2025-06-05"}}]}""".formatted(ATC, atc, localName, ATC);
    return read(json).facts();
  }

  private static Truth took(String concept, PatientFacts facts) {
    return RuleEvaluator.evaluate(new MedicationRule(Set.of(concept), new MedicationTiming.WithinDays(183), concept),
        PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void eachNewerDrugCodedByAtcIsInItsClass() {
    String[][] cases = {
        {"L04AL02", "Rystiggo 140 mg/ml Injektionslösung", "fcrn-inhibitor"},
        {"L04AL03", "Produkt 0815 Infusionslösung", "fcrn-inhibitor"},
        {"L01EM05", "Prüfpräparat 2,5 mg Tabletten", "pi3k-delta-inhibitor"},
        {"L03AX22", "Joenja 70 mg Filmtabletten", "pi3k-delta-inhibitor"},
        {"L04AA60", "Studienmedikation 25 mg Filmtabletten", "btk-inhibitor"},
        {"B02BX08", "Thrombozytenpräparat 20 mg", "tpo-receptor-agonist"},
        {"B02BX07", "Mulpleta 3 mg Filmtabletten", "tpo-receptor-agonist"},
        {"L04AJ06", "Zilbrysq 23 mg Injektionslösung", "c5-inhibitor"},
        {"L04AJ11", "Veopoz 400 mg Infusionslösung", "complement-inhibitor"},
        {"B06AX04", "Pyrukynd 50 mg Filmtabletten", "pyruvate-kinase-activator"},
    };
    for (String[] c : cases) {
      PatientFacts facts = given(c[0], c[1]);
      assertThat(took(c[2], facts)).as(c[0] + " " + c[1] + " is a " + c[2]).isEqualTo(Truth.MET);
    }
    // the class is not met by the prednisone beside it
    assertThat(took("fcrn-inhibitor", given("L04AJ01", "Soliris 300 mg"))).isEqualTo(Truth.NOT_MET);
  }
}
