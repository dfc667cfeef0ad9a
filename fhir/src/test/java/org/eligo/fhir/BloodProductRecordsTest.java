package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.Comparator;
import org.eligo.core.rule.MeasurementRule;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * Transfusions written the way blood banks and hospital systems write them (DECISIONS 87): "PRBC 1 unit", "Red Blood
 * Cells, Leukocytes Reduced", "pRBC transfusion", a SNOMED CT transfusion code without a name, an HL7 v2 blood product
 * code. Unrecognised, they were no transfusion at all, so "At least 1 RBC transfusion in the 16 weeks before
 * enrolment" was NOT_MET for a patient who was transfused. A blood product of no kind Eligo can tell leaves the
 * transfusion criteria open. Every record lists a bone marrow biopsy, so an absent transfusion is NOT_MET, not
 * UNKNOWN for want of procedures. Evaluated as of {@link Readers#AS_OF} (2026-03-01).
 */
class BloodProductRecordsTest {
  private static final String PATIENT = "urn:uuid:5b0e3f2a-8d4c-4a51-9f0e-2c7d1e6a9b30";

  /** "At least 1 RBC transfusion in the 16 weeks before enrolment". */
  private static final ProcedureRule RBC_16_WEEKS = new ProcedureRule(Set.of("red-cell-transfusion"),
      TimeWindow.within(112), "red blood cell transfusion");
  /** "Platelet transfusion within 7 days prior to screening". */
  private static final ProcedureRule PLATELETS_7_DAYS = new ProcedureRule(Set.of("platelet-transfusion"),
      TimeWindow.within(7), "platelet transfusion");
  /** "Transfusion-independent for at least 8 weeks" (no transfusion of any kind). */
  private static final Rule INDEPENDENT_8_WEEKS = new Not(new ProcedureRule(Set.of("transfusion"),
      TimeWindow.within(56), "blood transfusion"));
  /** "Platelet count ≥ 20 × 10^9/L without transfusion in the previous 7 days". */
  private static final MeasurementRule PLATELETS_20_UNTRANSFUSED = new MeasurementRule("platelets", "platelet count",
      Comparator.GE, 20, false, "10*9/L", 90, 7);

  private static PatientFacts record(String... entries) {
    StringBuilder all = new StringBuilder("""
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1971-05-20",
         "gender": "female"}},
        {"resource": {"resourceType": "Procedure", "id": "bm", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "Bone marrow biopsy"},
         "performedDateTime": "2025-06-03"}}""".formatted(PATIENT, PATIENT));
    for (String e : entries) all.append(",\n").append(e);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  /** A MedicationAdministration of a blood product, named by {@code code} (a CodeableConcept in JSON). */
  private static String administered(String id, String code, String day) {
    return """
        {"resource": {"resourceType": "MedicationAdministration", "id": "%s", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": %s, "effectiveDateTime": "%s",
         "dosage": {"dose": {"value": 1, "unit": "unit"}}}}""".formatted(id, PATIENT, code, day);
  }

  private static String procedure(String id, String code, String day) {
    return """
        {"resource": {"resourceType": "Procedure", "id": "%s", "status": "completed",
         "subject": {"reference": "%s"}, "code": %s, "performedDateTime": "%s"}}""".formatted(id, PATIENT, code, day);
  }

  private static String platelets(String day, double value) {
    return """
        {"resource": {"resourceType": "Observation", "id": "plt-%s", "status": "final",
         "subject": {"reference": "%s"},
         "code": {"coding": [{"system": "http://loinc.org", "code": "777-3", "display": "Platelets"}]},
         "effectiveDateTime": "%s", "valueQuantity": {"value": %s, "unit": "10*9/L",
         "system": "http://unitsofmeasure.org", "code": "10*9/L"}}}""".formatted(day, PATIENT, day, value);
  }

  private static String text(String name) {
    return "{\"text\": \"" + name + "\"}";
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void redCellsNamedTheWayBloodBanksWriteThemAreARedCellTransfusion() {
    for (String entry : new String[] {
        administered("a1", text("PRBC 1 unit"), "2026-02-10"),
        administered("a2", text("Red Blood Cells, Leukocytes Reduced"), "2026-02-10"),
        administered("a3", text("Irradiated pRBCs, 2 units"), "2026-02-10"),
        procedure("p1", text("pRBC transfusion"), "2026-02-10"),
        procedure("p2", "{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"116863004\"}]}",
            "2026-02-10"),
        procedure("p3", "{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"71493000\", "
            + "\"display\": \"Transfusion of packed red blood cells (procedure)\"}]}", "2026-02-10"),
        procedure("p4", text("Transfusion of Nonautologous Red Blood Cells into Peripheral Vein, Percutaneous "
            + "Approach"), "2026-02-10"),
        administered("a4", "{\"coding\": [{\"system\": \"http://terminology.hl7.org/CodeSystem/v2-0426\", "
            + "\"code\": \"PC\"}]}", "2026-02-10")}) {
      PatientFacts facts = record(entry);
      assertThat(truth(RBC_16_WEEKS, facts)).as("transfused 3 weeks ago: %s", entry).isEqualTo(Truth.MET);
      assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as("not transfusion-independent: %s", entry)
          .isEqualTo(Truth.NOT_MET);
      assertThat(truth(PLATELETS_7_DAYS, facts)).as("red cells are no platelets: %s", entry)
          .isEqualTo(Truth.NOT_MET);
    }
    assertThat(truth(RBC_16_WEEKS, record(administered("old", text("PRBC 1 unit"), "2025-09-01"))))
        .as("red cells six months ago are outside the 16 weeks").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void platelets_namedTheWayBloodBanksWriteThem_areAPlateletTransfusion() {
    for (String entry : new String[] {
        administered("a1", text("Platelets, Pheresis, Leukocytes Reduced"), "2026-02-27"),
        administered("a2", text("Apheresis platelets 1 unit"), "2026-02-27"),
        procedure("p1", "{\"coding\": [{\"system\": \"http://snomed.info/sct\", \"code\": \"12719002\"}]}",
            "2026-02-27")}) {
      PatientFacts facts = record(entry, platelets("2026-02-28", 45));
      assertThat(truth(PLATELETS_7_DAYS, facts)).as("platelets given 2 days ago: %s", entry).isEqualTo(Truth.MET);
      assertThat(truth(PLATELETS_20_UNTRANSFUSED, facts))
          .as("a count of 45 the day after platelets is asked, not met: %s", entry).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(truth(PLATELETS_20_UNTRANSFUSED, record(platelets("2026-02-28", 45))))
        .as("never transfused").isEqualTo(Truth.MET);
    assertThat(truth(PLATELETS_20_UNTRANSFUSED, record(
        administered("old", text("Platelets, Pheresis, Leukocytes Reduced"), "2026-02-01"),
        platelets("2026-02-28", 45)))).as("platelets four weeks before the count").isEqualTo(Truth.MET);
    assertThat(truth(PLATELETS_20_UNTRANSFUSED, record(
        administered("a", text("Platelets, Pheresis, Leukocytes Reduced"), "2026-02-27"),
        platelets("2026-02-28", 12)))).as("a failing count still fails").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void aBloodProductOfNoKindEligoCanTellLeavesTheTransfusionCriteriaOpen() {
    for (String entry : new String[] {
        // FFP is a plasma transfusion since DECISIONS 92 (PlasmaRecordsTest): no longer of unknown kind
        administered("a1", text("Granulocytes 1 unit"), "2026-02-10"),
        administered("a2", text("Whole blood, 1 unit"), "2026-02-10"),
        procedure("p1", text("Red cell exchange"), "2026-02-10"),
        administered("a3", "{\"coding\": [{\"system\": \"https://bloodbank.example.org/isbt128/product\", "
            + "\"code\": \"E0336V00\"}]}", "2026-02-10")}) {
      PatientFacts facts = record(entry);
      assertThat(truth(RBC_16_WEEKS, facts)).as("may be red cells: %s", entry).isEqualTo(Truth.UNKNOWN);
      assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as("may be a transfusion: %s", entry).isEqualTo(Truth.UNKNOWN);
      assertThat(truth(PLATELETS_20_UNTRANSFUSED, record(entry.replace("2026-02-10", "2026-02-27"),
          platelets("2026-02-28", 45)))).as("a count the day after: %s", entry).isEqualTo(Truth.UNKNOWN);
    }
    assertThat(truth(RBC_16_WEEKS, record(administered("old", text("Whole blood, 1 unit"), "2025-06-01"))))
        .as("outside the window it answers nothing").isEqualTo(Truth.NOT_MET);
  }

  @Test
  void entriesThatNameBloodCellsWithoutATransfusionAreNone() {
    for (String entry : new String[] {
        procedure("p1", text("Plasma exchange"), "2026-02-27"),
        procedure("p2", text("Red blood cell antibody screen"), "2026-02-27"),
        administered("a1", text("Clopidogrel 75 mg (anti-platelet)"), "2026-02-27"),
        procedure("p3", text("Platelet count"), "2026-02-27"),
        administered("a2", text("Ferric carboxymaltose 500 mg (to support red blood cell production)"), "2026-02-27"),
        administered("a3", text("Vitamin B12 for red cells"), "2026-02-27")}) {
      PatientFacts facts = record(entry, platelets("2026-02-28", 45));
      assertThat(truth(RBC_16_WEEKS, facts)).as(entry).isEqualTo(Truth.NOT_MET);
      assertThat(truth(PLATELETS_7_DAYS, facts)).as(entry).isEqualTo(Truth.NOT_MET);
      assertThat(truth(PLATELETS_20_UNTRANSFUSED, facts)).as(entry).isEqualTo(Truth.MET);
    }
  }

  /**
   * Review of §87: a name that says red cells or platelets beside words that are not those of a blood product (a
   * drug's purpose, a laboratory work-up, a procedure that takes cells out) is no proof of a transfusion. Read as one,
   * "Red blood cell transfusion within 4 weeks" excluded the patient and "Transfusion-independent for 8 weeks" failed
   * him; such an entry is a blood product of no kind Eligo can tell (asked about).
   */
  @Test
  void aNameOfBloodCellsBesideWordsOfNoBloodProductIsNoTransfusionProven() {
    for (String entry : new String[] {
        administered("a1", text("Mitapivat 50 mg (pyruvate kinase activator for red cells)"), "2026-02-27"),
        administered("a2", text("Rho(D) immune globulin for Rh-positive red cells"), "2026-02-27"),
        administered("a3", text("Hydroxocobalamin 1 mg IM for red cells"), "2026-02-27"),
        procedure("p1", text("Therapeutic phlebotomy (removal of red blood cells)"), "2026-02-27"),
        procedure("p2", text("Red cell phenotyping"), "2026-02-27"),
        procedure("p3", text("Autologous platelet gel application"), "2026-02-27"),
        procedure("p4", text("RBC depletion of marrow graft"), "2026-02-27"),
        procedure("p5", text("Platelet refractoriness work-up"), "2026-02-27")}) {
      PatientFacts facts = record(entry, platelets("2026-02-28", 45));
      assertThat(truth(RBC_16_WEEKS, facts)).as("no red cells given: %s", entry).isNotEqualTo(Truth.MET);
      assertThat(truth(PLATELETS_7_DAYS, facts)).as("no platelets given: %s", entry).isNotEqualTo(Truth.MET);
      assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as("no transfusion proven: %s", entry)
          .isNotEqualTo(Truth.NOT_MET);
    }
  }

  /** Review of §87: the names blood banks print, with their modifiers, stay red cells or platelets. */
  @Test
  void bloodBankNamesWithTheirModifiersStayTheirKind() {
    for (String entry : new String[] {
        administered("a1", text("PRBC, Irradiated, CMV-negative, 1 unit"), "2026-02-10"),
        administered("a2", text("Red Blood Cells Leukoreduced AS-1 E0336V00"), "2026-02-10"),
        procedure("p1", text("Transfuse RBC: 1 unit"), "2026-02-10"),
        administered("a3", text("Washed red blood cells 300 mL"), "2026-02-10"),
        administered("a4", text("pRBCs x2"), "2026-02-10"),
        procedure("p2", text("PRBC 1 unit transfused over 2 hours"), "2026-02-10")}) {
      assertThat(truth(RBC_16_WEEKS, record(entry))).as(entry).isEqualTo(Truth.MET);
    }
    for (String name : new String[] {"Pooled platelets, HLA-matched, 1 dose", "Single donor platelets 1 unit",
        "Random-donor platelets, pooled x 4"}) {
      assertThat(truth(PLATELETS_7_DAYS, record(administered("p", text(name), "2026-02-27")))).as(name)
          .isEqualTo(Truth.MET);
    }
  }
}
