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

/**
 * A MedicationRequest an EHR export still marks "active" although, by its own terms, it can no longer be given: its
 * prescription's validity period has ended, the course its dosage bounds by a duration is over, or the supply it
 * allows (with its repeats) has run out. Read as taken up to the as-of date, a seven-day course of clarithromycin in
 * December excluded the patient in March under "Concurrent use of strong CYP3A4 inhibitors", and a prescription of
 * eltrombopag that lapsed a year ago met "Currently receiving a TPO receptor agonist". Whether the patient still takes
 * the drug is now asked (DECISIONS 57). Evaluated as of {@link Readers#AS_OF} (2026-03-01).
 */
class OrdersThatRanOutTest {
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  private static final MedicationRule ON_TPO_RA = new MedicationRule(Set.of("tpo-receptor-agonist"),
      new MedicationTiming.Current(), "TPO receptor agonist");
  private static final MedicationRule ON_STRONG_CYP3A4_INHIBITOR = new MedicationRule(
      Set.of("strong-cyp3a4-inhibitor"), new MedicationTiming.Current(), "strong CYP3A4 inhibitor");
  private static final MedicationRule CYCLOSPORINE_WITHIN_4_WEEKS = new MedicationRule(Set.of("cyclosporine"),
      new MedicationTiming.WithinDays(28), "cyclosporine");
  private static final MedicationRule STEROIDS_WITHIN_2_WEEKS = new MedicationRule(Set.of("corticosteroid"),
      new MedicationTiming.WithinDays(14), "corticosteroid");

  /** A patient whose medication list also holds a drug no criterion here names, so an absent drug is NOT_MET. */
  private static PatientFacts record(String... requests) {
    StringBuilder entries = new StringBuilder("""
        {"fullUrl": "urn:uuid:7c1f0a52-3b1e-4f43-9d55-0f6f4b1d2a10", "resource": {"resourceType": "Patient",
         "id": "p1", "birthDate": "1968-02-11", "gender": "male"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "aspirin", "status": "active",
         "subject": {"reference": "urn:uuid:7c1f0a52-3b1e-4f43-9d55-0f6f4b1d2a10"},
         "medicationCodeableConcept": {"text": "aspirin 81 mg tablet"}, "effectiveDateTime": "2019-04-02"}}""");
    for (String r : requests) entries.append(",\n").append(r);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + entries
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static String request(String id, String rxnorm, String name, String authoredOn, String extra) {
    return """
        {"resource": {"resourceType": "MedicationRequest", "id": "%s", "status": "active", "intent": "order",
         "subject": {"reference": "urn:uuid:7c1f0a52-3b1e-4f43-9d55-0f6f4b1d2a10"},
         "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "%s", "display": "%s"}], "text": "%s"},
         "authoredOn": "%s"%s}}""".formatted(id, RXNORM, rxnorm, name, name, authoredOn, extra);
  }

  private static Truth truth(MedicationRule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  /** An Epic-style prescription: valid a year, eleven refills. */
  private static String validity(String start, String end) {
    return """
        , "dispenseRequest": {"validityPeriod": {"start": "%s", "end": "%s"}, "numberOfRepeatsAllowed": 11,
          "quantity": {"value": 30, "unit": "tablet"}}""".formatted(start, end);
  }

  @Test
  void anActivePrescriptionWhoseValidityEndedIsNotTakenAsCurrent() {
    PatientFacts lapsed = record(request("elt-2024", "825421", "eltrombopag 50 MG Oral Tablet", "2024-11-04",
        validity("2024-11-04", "2025-11-04")));
    assertThat(truth(ON_TPO_RA, lapsed)).as("a lapsed eltrombopag prescription (had been MET)")
        .isEqualTo(Truth.UNKNOWN);
    assertThat(truth(new MedicationRule(Set.of("eltrombopag"), new MedicationTiming.Ever(), "eltrombopag"), lapsed))
        .as("it was prescribed: prior eltrombopag").isEqualTo(Truth.MET);

    PatientFacts renewed = record(request("elt-2024", "825421", "eltrombopag 50 MG Oral Tablet", "2024-11-04",
        validity("2024-11-04", "2025-11-04")), request("elt-2025", "825421", "eltrombopag 50 MG Oral Tablet",
        "2025-11-03", validity("2025-11-03", "2026-11-03")));
    assertThat(truth(ON_TPO_RA, renewed)).as("its renewal still runs").isEqualTo(Truth.MET);

    PatientFacts cyclosporine = record(request("csa", "3008", "cycloSPORINE 100 MG Oral Capsule", "2025-05-02",
        validity("2025-05-02", "2025-11-02")));
    assertThat(truth(CYCLOSPORINE_WITHIN_4_WEEKS, cyclosporine)).as("a lapsed cyclosporine order (had excluded)")
        .isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void anActiveOrderWhoseDosageCourseIsOverIsNotTakenAsCurrent() {
    String sevenDays = """
        , "dosageInstruction": [{"text": "500 mg twice daily for 7 days", "timing": {"repeat": {"boundsDuration":
          {"value": 7, "unit": "days", "system": "http://unitsofmeasure.org", "code": "d"}, "frequency": 2,
          "period": 1, "periodUnit": "d"}}}]""";
    PatientFacts course = record(request("clari", "21212", "clarithromycin 500 MG Oral Tablet", "2025-12-08",
        sevenDays));
    assertThat(truth(ON_STRONG_CYP3A4_INHIBITOR, course)).as("a week of clarithromycin in December (had excluded)")
        .isEqualTo(Truth.UNKNOWN);

    String twoWeeks = """
        , "dosageInstruction": [{"timing": {"repeat": {"boundsPeriod": {"start": "2025-09-15"}}}}, {"timing":
          {"repeat": {"boundsDuration": {"value": 2, "unit": "wk", "system": "http://unitsofmeasure.org",
          "code": "wk"}}}}]""";
    PatientFacts taper = record(request("pred", "8640", "predniSONE 20 MG Oral Tablet", "2025-09-10", twoWeeks));
    assertThat(truth(STEROIDS_WITHIN_2_WEEKS, taper)).as("a taper that ended in 2025").isEqualTo(Truth.UNKNOWN);

    PatientFacts running = record(request("clari", "21212", "clarithromycin 500 MG Oral Tablet", "2026-02-26",
        sevenDays));
    assertThat(truth(ON_STRONG_CYP3A4_INHIBITOR, running)).as("the same course begun three days ago")
        .isEqualTo(Truth.MET);
  }

  @Test
  void anActiveOrderWhoseSupplyRanOutIsNotTakenAsCurrent() {
    String monthOnce = """
        , "dispenseRequest": {"numberOfRepeatsAllowed": 1, "expectedSupplyDuration": {"value": 30, "unit": "days",
          "system": "http://unitsofmeasure.org", "code": "d"}}""";
    PatientFacts ranOut = record(request("pred", "8640", "predniSONE 10 MG Oral Tablet", "2025-10-01", monthOnce));
    assertThat(truth(STEROIDS_WITHIN_2_WEEKS, ranOut)).as("two months' supply from October (had excluded)")
        .isEqualTo(Truth.UNKNOWN);

    String quarterThrice = """
        , "dispenseRequest": {"numberOfRepeatsAllowed": 3, "expectedSupplyDuration": {"value": 3, "unit": "months",
          "system": "http://unitsofmeasure.org", "code": "mo"}}""";
    PatientFacts lasting = record(request("elt", "825421", "eltrombopag 50 MG Oral Tablet", "2025-10-01",
        quarterThrice));
    assertThat(truth(ON_TPO_RA, lasting)).as("a year's supply from October still lasts").isEqualTo(Truth.MET);

    PatientFacts noLimit = record(request("csa", "3008", "cycloSPORINE 100 MG Oral Capsule", "2025-09-01", ""));
    assertThat(truth(CYCLOSPORINE_WITHIN_4_WEEKS, noLimit)).as("an active order that says nothing more is current")
        .isEqualTo(Truth.MET);
  }
}
