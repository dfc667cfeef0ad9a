package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.Not;
import org.eligo.core.rule.ProcedureRule;
import org.eligo.core.rule.Rule;
import org.eligo.core.rule.TimeWindow;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.junit.jupiter.api.Test;

/**
 * A record entry whose name merely mentions a transfusion (DECISIONS 87, amendment): "Consent for blood transfusion",
 * "Transfusion reaction workup", "Type and screen for possible transfusion", "Blood transfusion declined", "Crossmatch
 * for transfusion", "Platelet transfusion refractoriness". Read as a transfusion (the terminology finds "transfusion"
 * inside the name), it failed "Transfusion-independent for at least 8 weeks" and, under "Red blood cell transfusion
 * within 4 weeks" in the exclusion list, excluded the patient. Such an entry proves no transfusion: it is asked about.
 * A drug named for its use ("Luspatercept for RBC transfusion burden") is that drug, no transfusion. Every record lists a
 * bone marrow biopsy, so an absent transfusion is NOT_MET, not UNKNOWN for want of procedures. As of 2026-03-01.
 */
class TransfusionNamedWithinEntryTest {
  private static final String PATIENT = "urn:uuid:7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
  private static final String RECENT = "2026-02-26";

  /** "Transfusion-independent for at least 8 weeks" (inclusion: no transfusion of any kind). */
  private static final Rule INDEPENDENT_8_WEEKS = new Not(new ProcedureRule(Set.of("transfusion"),
      TimeWindow.within(56), "blood transfusion"));
  /** "Red blood cell transfusion within 4 weeks" (exclusion: the patient is excluded when it is MET). */
  private static final ProcedureRule RBC_4_WEEKS = new ProcedureRule(Set.of("red-cell-transfusion"),
      TimeWindow.within(28), "red blood cell transfusion");
  /** "Platelet transfusion within 7 days prior to screening" (exclusion). */
  private static final ProcedureRule PLATELETS_7_DAYS = new ProcedureRule(Set.of("platelet-transfusion"),
      TimeWindow.within(7), "platelet transfusion");
  /** "Any transfusion within 4 weeks" (exclusion). */
  private static final ProcedureRule ANY_4_WEEKS = new ProcedureRule(Set.of("transfusion"), TimeWindow.within(28),
      "blood transfusion");

  /** Names of record entries that mention a transfusion without being one, as hospital systems write them. */
  private static final String[] MENTIONS = {
      "Consent for blood transfusion",
      "Transfusion reaction workup",
      "Type and screen for possible transfusion",
      "Blood transfusion declined",
      "Crossmatch for transfusion",
      "Platelet transfusion refractoriness",
      "Transfusion medicine consult",
      "Pre-transfusion testing (ABO/Rh, antibody screen)",
      "Education on red cell transfusion risks"};

  private static PatientFacts record(String... entries) {
    StringBuilder all = new StringBuilder("""
        {"fullUrl": "%s", "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1968-11-02",
         "gender": "male"}},
        {"resource": {"resourceType": "Procedure", "id": "bm", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "Bone marrow biopsy"},
         "performedDateTime": "2025-06-03"}}""".formatted(PATIENT, PATIENT));
    for (String e : entries) all.append(",\n").append(e);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + all
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static String procedure(String name) {
    return """
        {"resource": {"resourceType": "Procedure", "id": "p", "status": "completed",
         "subject": {"reference": "%s"}, "code": {"text": "%s"}, "performedDateTime": "%s"}}"""
        .formatted(PATIENT, name, RECENT);
  }

  private static String condition(String name) {
    return """
        {"resource": {"resourceType": "Condition", "id": "c",
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
          "code": "active"}]},
         "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status",
          "code": "confirmed"}]},
         "subject": {"reference": "%s"}, "code": {"text": "%s"}, "onsetDateTime": "%s"}}"""
        .formatted(PATIENT, name, RECENT);
  }

  private static String administered(String name) {
    return """
        {"resource": {"resourceType": "MedicationAdministration", "id": "a", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "%s"},
         "effectiveDateTime": "%s"}}""".formatted(PATIENT, name, RECENT);
  }

  private static String statement(String name) {
    return """
        {"resource": {"resourceType": "MedicationStatement", "id": "s", "status": "completed",
         "subject": {"reference": "%s"}, "medicationCodeableConcept": {"text": "%s"},
         "effectivePeriod": {"start": "2026-02-01", "end": "%s"}}}""".formatted(PATIENT, name, RECENT);
  }

  private static Truth truth(Rule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void anEntryThatMentionsATransfusionIsAskedAboutNeitherFailingNorExcluding() {
    for (String name : MENTIONS) {
      for (String entry : new String[] {procedure(name), condition(name), administered(name), statement(name)}) {
        PatientFacts facts = record(entry);
        String what = entry.substring(entry.indexOf("resourceType") + 16, entry.indexOf("\", \"id\"")) + " “" + name
            + "”";
        assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as("transfusion-independent, asked: %s", what)
            .isEqualTo(Truth.UNKNOWN);
        assertThat(truth(RBC_4_WEEKS, facts)).as("red cells within 4 weeks, asked (not excluded): %s", what)
            .isEqualTo(Truth.UNKNOWN);
        assertThat(truth(PLATELETS_7_DAYS, facts)).as("platelets within 7 days, asked (not excluded): %s", what)
            .isEqualTo(Truth.UNKNOWN);
        assertThat(truth(ANY_4_WEEKS, facts)).as("a transfusion within 4 weeks, asked (not excluded): %s", what)
            .isEqualTo(Truth.UNKNOWN);
      }
    }
  }

  @Test
  void aDrugNamedForItsUseOnTransfusionsIsThatDrugAndNoTransfusion() {
    for (String name : new String[] {"Luspatercept for RBC transfusion burden",
        "Deferasirox 360 mg (transfusional iron overload)", "Luspatercept-aamt 1 mg/kg SC (reduce transfusion need)",
        "Eltrombopag 50 mg to avoid platelet transfusions"}) {
      for (String entry : new String[] {administered(name), statement(name)}) {
        PatientFacts facts = record(entry);
        assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as("a drug is no transfusion: %s", name).isEqualTo(Truth.MET);
        assertThat(truth(RBC_4_WEEKS, facts)).as("a drug is no red-cell transfusion: %s", name)
            .isEqualTo(Truth.NOT_MET);
        assertThat(truth(PLATELETS_7_DAYS, facts)).as("a drug is no platelet transfusion: %s", name)
            .isEqualTo(Truth.NOT_MET);
        assertThat(facts.medications()).as(name).singleElement().satisfies(m -> assertThat(m.concepts())
            .doesNotContain("transfusion", "red-cell-transfusion", "platelet-transfusion"));
      }
    }
  }

  /** "At least 1 RBC transfusion in the 16 weeks before enrolment" (inclusion). */
  private static final ProcedureRule RBC_16_WEEKS = new ProcedureRule(Set.of("red-cell-transfusion"),
      TimeWindow.within(112), "red blood cell transfusion");
  /** "Platelet transfusion within the last 4 weeks" (inclusion: a platelet-transfusion-dependent patient). */
  private static final ProcedureRule PLATELETS_4_WEEKS = new ProcedureRule(Set.of("platelet-transfusion"),
      TimeWindow.within(28), "platelet transfusion");

  @Test
  void aMedicationEntryHeadedByTheTransfusionIsNoOtherDrugAlone() {
    // the name begins with the transfusion; what follows it (a disease Eligo knows, a premedication) does not make the
    // entry that other concept alone: the patient who was transfused is asked, not failed
    for (String name : new String[] {"Red cell transfusion in sickle cell disease",
        "PRBC transfusion 1 unit, premedicated with hydrocortisone", "Platelet transfusion in ITP",
        "Platelet transfusion, 1 apheresis unit, premedicated with methylprednisolone"}) {
      for (String entry : new String[] {administered(name), statement(name)}) {
        PatientFacts facts = record(entry);
        assertThat(truth(RBC_16_WEEKS, facts)).as("at least 1 RBC transfusion in 16 weeks, asked: %s", name)
            .isEqualTo(Truth.UNKNOWN);
        assertThat(truth(PLATELETS_4_WEEKS, facts)).as("a platelet transfusion in 4 weeks, asked: %s", name)
            .isEqualTo(Truth.UNKNOWN);
        assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as("transfusion-independent, asked: %s", name)
            .isEqualTo(Truth.UNKNOWN);
      }
    }
  }

  @Test
  void realTransfusionsAreStillCounted() {
    for (String name : new String[] {"Transfusion of packed red cells", "RBC transfusion 2 units",
        "Red blood cell transfusion", "Transfusion of 2 units of leukoreduced, irradiated PRBC"}) {
      for (String entry : new String[] {procedure(name), administered(name)}) {
        PatientFacts facts = record(entry);
        assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as(name).isEqualTo(Truth.NOT_MET);
        assertThat(truth(RBC_4_WEEKS, facts)).as(name).isEqualTo(Truth.MET);
      }
    }
    for (String name : new String[] {"Blood transfusion", "Transfusion", "Blood transfusion, 1 unit",
        "Transfusion of blood products"}) {
      PatientFacts facts = record(procedure(name));
      assertThat(truth(INDEPENDENT_8_WEEKS, facts)).as(name).isEqualTo(Truth.NOT_MET);
      assertThat(truth(ANY_4_WEEKS, facts)).as(name).isEqualTo(Truth.MET);
    }
    for (String name : new String[] {"Platelet transfusion", "Transfusion of platelets, 1 apheresis unit"}) {
      assertThat(truth(PLATELETS_7_DAYS, record(procedure(name)))).as(name).isEqualTo(Truth.MET);
    }
  }

  @Test
  void anEntryOutsideTheWindowAnswersNothing() {
    PatientFacts facts = record(procedure("Consent for blood transfusion").replace(RECENT, "2025-05-01"));
    assertThat(truth(INDEPENDENT_8_WEEKS, facts)).isEqualTo(Truth.MET);
    assertThat(truth(RBC_4_WEEKS, facts)).isEqualTo(Truth.NOT_MET);
  }
}
