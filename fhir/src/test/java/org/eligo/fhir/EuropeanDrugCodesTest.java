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
import org.eligo.core.rule.Not;
import org.eligo.core.rule.Rule;
import org.junit.jupiter.api.Test;

/**
 * European exports code a drug by its WHO ATC code and name it by a local brand ("Rixathon", "Decortin", "Certican").
 * Where the terminology lacked the ATC code, a named drug it did not recognise counted as some other drug: a patient
 * given the rituximab biosimilar Rixathon met "No prior treatment with rituximab" and was not excluded by "Rituximab
 * within 6 months"; prednisone as "Decortin" was no corticosteroid. The current ATC codes of the drugs criteria name
 * (rituximab L01FA01, the systemic glucocorticoids H02AB, sirolimus and everolimus since their move to L04AH and
 * L01EG, the complement inhibitors L04AJ) are now read (DECISIONS 57). Evaluated as of 2026-03-01.
 */
class EuropeanDrugCodesTest {
  private static final String ATC = "http://www.whocc.no/atc";

  private static PatientFacts record(String atc, String brand, String status, String effective) {
    String json = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
         {"fullUrl": "urn:uuid:0b6c1d0e-5f55-4f3e-9a1e-2f6a8c1b7d01", "resource": {"resourceType": "Patient",
          "id": "p1", "birthDate": "1975-09-30", "gender": "female"}},
         {"fullUrl": "urn:uuid:7d3f2b1a-9c84-4e57-b0a2-3c5d6e7f8a90", "resource": {"resourceType": "Medication",
          "code": {"coding": [{"system": "%s", "code": "%s"}]%s}}},
         {"resource": {"resourceType": "MedicationStatement", "id": "m1", "status": "%s",
          "medicationReference": {"reference": "urn:uuid:7d3f2b1a-9c84-4e57-b0a2-3c5d6e7f8a90"},
          "subject": {"reference": "urn:uuid:0b6c1d0e-5f55-4f3e-9a1e-2f6a8c1b7d01"}, %s}},
         {"resource": {"resourceType": "MedicationStatement", "id": "m2", "status": "active",
          "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "B01AC06"}],
           "text": "ASS 100 mg Tabletten"},
          "subject": {"reference": "urn:uuid:0b6c1d0e-5f55-4f3e-9a1e-2f6a8c1b7d01"},
          "effectiveDateTime": "2021-01-05"}}]}""".formatted(ATC, atc, brand == null ? "" : ", \"text\": \"" + brand + "\"", status, effective, ATC);
    return read(json).facts();
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  private static MedicationRule drug(String concept, MedicationTiming timing) {
    return new MedicationRule(Set.of(concept), timing, concept);
  }

  @Test
  void anAntiCd20AntibodyWhoFilesAsAnImmunosuppressantIsAnAntiCd20Antibody() {
    // L01FA holds only the antineoplastic anti-CD20 antibodies: ocrelizumab, ofatumumab (as Kesimpta) and
    // ublituximab sit in L04AG. Named by a brand the dictionary lacks, each was some other drug: "No prior anti-CD20
    // therapy" MET for a patient given ocrelizumab two months before, "Anti-CD20 antibody within 6 months" NOT_MET
    for (String[] drug : new String[][] {{"L04AG08", "Ocrevus 300 mg Konzentrat zur Herstellung einer Infusionslösung"},
        {"L04AG12", "Kesimpta 20 mg Injektionslösung im Fertigpen"}, {"L04AG14", "Briumvi 150 mg Konzentrat"}}) {
      PatientFacts given = record(drug[0], drug[1], "completed",
          "\"effectivePeriod\": {\"start\": \"2025-12-15\", \"end\": \"2025-12-29\"}");
      assertThat(truth(new Not(drug("anti-cd20-antibody", new MedicationTiming.Ever())), given))
          .as("No prior anti-CD20 therapy: " + drug[1]).isEqualTo(Truth.NOT_MET);
      assertThat(truth(drug("anti-cd20-antibody", new MedicationTiming.WithinDays(183)), given))
          .as("Anti-CD20 antibody within 6 months: " + drug[1]).isEqualTo(Truth.MET);
      assertThat(truth(drug("rituximab", new MedicationTiming.Ever()), given)).as("not rituximab: " + drug[1])
          .isNotEqualTo(Truth.MET);
    }
  }

  @Test
  void aBiosimilarNamedByItsBrandIsTheDrugItsAtcCodeNames() {
    PatientFacts rixathon = record("L01FA01", "Rixathon 500 mg Konzentrat zur Herstellung einer Infusionslösung",
        "completed", "\"effectivePeriod\": {\"start\": \"2025-11-03\", \"end\": \"2025-11-24\"}");
    assertThat(truth(new Not(drug("rituximab", new MedicationTiming.Ever())), rixathon))
        .as("No prior treatment with rituximab (had been MET)").isEqualTo(Truth.NOT_MET);
    assertThat(truth(drug("rituximab", new MedicationTiming.WithinDays(182)), rixathon))
        .as("Rituximab within 6 months (had been NOT_MET)").isEqualTo(Truth.MET);
    assertThat(truth(drug("anti-cd20-antibody", new MedicationTiming.Ever()), rixathon))
        .as("Prior anti-CD20 therapy").isEqualTo(Truth.MET);
  }

  @Test
  void aSystemicGlucocorticoidNamedByItsBrandIsACorticosteroid() {
    PatientFacts decortin = record("H02AB07", "Decortin 20 mg Tabletten", "active",
        "\"effectivePeriod\": {\"start\": \"2026-02-10\"}");
    assertThat(truth(drug("corticosteroid", new MedicationTiming.WithinDays(14)), decortin))
        .as("Corticosteroids within 2 weeks (the class was read by its ATC group before)").isEqualTo(Truth.MET);
    assertThat(truth(drug("prednisone", new MedicationTiming.WithinDays(28)), decortin))
        .as("Prednisone within 4 weeks (had been NOT_MET)").isEqualTo(Truth.MET);
    PatientFacts urbason = record("H02AB04", "Urbason solubile forte 250 mg", "completed",
        "\"effectiveDateTime\": \"2026-02-20\"");
    assertThat(truth(new Not(drug("methylprednisolone", new MedicationTiming.Ever())), urbason))
        .as("No prior methylprednisolone (had been MET)").isEqualTo(Truth.NOT_MET);
  }

  /** Sent without a name, the code alone had left the patient asked; it now decides. */
  @Test
  void anMtorInhibitorUnderItsNewAtcCodeIsTheDrug() {
    PatientFacts certican = record("L04AH02", null, "active",
        "\"effectivePeriod\": {\"start\": \"2024-06-01\"}");
    assertThat(truth(drug("mtor-inhibitor", new MedicationTiming.Current()), certican))
        .as("Current mTOR inhibitor (had been asked)").isEqualTo(Truth.MET);
    PatientFacts ridaforolimus = record("L01EG03", "Ridaforolimus 40 mg", "active",
        "\"effectivePeriod\": {\"start\": \"2025-12-01\"}");
    assertThat(truth(drug("mtor-inhibitor", new MedicationTiming.Current()), ridaforolimus))
        .as("an mTOR inhibitor the terminology does not list, by its ATC group").isEqualTo(Truth.MET);
    PatientFacts sirolimus = record("L01EG04", null, "completed",
        "\"effectivePeriod\": {\"start\": \"2023-01-10\", \"end\": \"2023-08-30\"}");
    assertThat(truth(new Not(drug("sirolimus", new MedicationTiming.Ever())), sirolimus))
        .as("No prior sirolimus (had been asked)").isEqualTo(Truth.NOT_MET);
  }

  /**
   * Sent by name alone, a rituximab biosimilar authorised in the EU (Rixathon, Riximyo, Blitzima, Ritemvia; EMA EPARs)
   * was some other drug: "No prior treatment with rituximab" MET and "Rituximab within 6 months" NOT_MET.
   */
  @Test
  void aRituximabBiosimilarNamedAloneIsRituximab() {
    for (String brand : new String[] {"Rixathon 500 mg", "Riximyo 100 mg Konzentrat", "BLITZIMA 500 mg",
        "Ritemvia 100mg"}) {
      PatientFacts facts = read("""
          {"resourceType": "Bundle", "type": "collection", "entry": [
           {"resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1962-01-20", "gender": "male"}},
           {"resource": {"resourceType": "MedicationAdministration", "id": "a1", "status": "completed",
            "medicationCodeableConcept": {"text": "%s"}, "subject": {"reference": "Patient/p1"},
            "effectiveDateTime": "2025-12-15T09:30:00+01:00"}},
           {"resource": {"resourceType": "MedicationStatement", "id": "m2", "status": "active",
            "medicationCodeableConcept": {"text": "ASS 100 mg Tabletten"}, "subject": {"reference": "Patient/p1"},
            "effectiveDateTime": "2021-01-05"}}]}""".formatted(brand)).facts();
      assertThat(truth(new Not(drug("rituximab", new MedicationTiming.Ever())), facts))
          .as(brand + ": No prior treatment with rituximab (had been MET)").isEqualTo(Truth.NOT_MET);
      assertThat(truth(drug("rituximab", new MedicationTiming.WithinDays(182)), facts))
          .as(brand + ": Rituximab within 6 months").isEqualTo(Truth.MET);
    }
  }
}
