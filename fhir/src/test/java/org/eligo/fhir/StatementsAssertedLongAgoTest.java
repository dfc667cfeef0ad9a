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
 * A MedicationStatement still marked "active" whose only dates are long past: an EHR's medication list keeps a drug
 * the patient stopped years ago "active" until someone reconciles it. Read as taken up to the as-of date, prednisone
 * begun in 2023 and never asserted since excluded the patient under "No corticosteroids within 4 weeks" and met "on
 * stable prednisone". "Active" is what the statement said when it was asserted (dateAsserted, else the day the
 * resource was last updated); an old effective day alone is when it was taken, and an open effective period is
 * ongoing as of the day it was asserted. Whether the patient takes the drug now
 * is asked when the last of those days is more than a year before the as-of date (DECISIONS 75). Evaluated as of
 * {@link Readers#AS_OF} (2026-03-01).
 */
class StatementsAssertedLongAgoTest {
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  private static final MedicationRule STEROIDS_WITHIN_4_WEEKS = new MedicationRule(Set.of("corticosteroid"),
      new MedicationTiming.WithinDays(28), "corticosteroid");
  private static final MedicationRule ON_PREDNISONE = new MedicationRule(Set.of("prednisone"),
      new MedicationTiming.Current(), "prednisone");
  private static final MedicationRule ANY_PREDNISONE = new MedicationRule(Set.of("prednisone"),
      new MedicationTiming.Ever(), "prednisone");
  private static final MedicationRule CYCLOSPORINE_WITHIN_4_WEEKS = new MedicationRule(Set.of("cyclosporine"),
      new MedicationTiming.WithinDays(28), "cyclosporine");

  /** A patient whose medication list also holds a drug asserted last month, so an absent drug is NOT_MET. */
  private static PatientFacts record(String... statements) {
    StringBuilder entries = new StringBuilder("""
        {"fullUrl": "urn:uuid:5b0c1e8e-8f0d-4a57-a7a4-3c0d3d2f9b61", "resource": {"resourceType": "Patient",
         "id": "p1", "birthDate": "1971-09-23", "gender": "female"}},
        {"resource": {"resourceType": "MedicationStatement", "id": "metformin", "status": "active",
         "subject": {"reference": "urn:uuid:5b0c1e8e-8f0d-4a57-a7a4-3c0d3d2f9b61"},
         "medicationCodeableConcept": {"text": "metformin 500 mg tablet"}, "effectiveDateTime": "2026-02-02"}}""");
    for (String s : statements) entries.append(",\n").append(s);
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"searchset\", \"entry\": [" + entries
        + "]}");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    return result.facts();
  }

  private static String statement(String id, String rxnorm, String name, String dates) {
    return """
        {"resource": {"resourceType": "MedicationStatement", "id": "%s", "status": "active",
         "subject": {"reference": "urn:uuid:5b0c1e8e-8f0d-4a57-a7a4-3c0d3d2f9b61"},
         "medicationCodeableConcept": {"coding": [{"system": "%s", "code": "%s", "display": "%s"}], "text": "%s"},
         %s}}""".formatted(id, RXNORM, rxnorm, name, name, dates);
  }

  private static Truth truth(MedicationRule rule, PatientFacts facts) {
    return RuleEvaluator.evaluate(rule, PatientIndex.of(facts), new EvaluationContext(Readers.AS_OF, true)).truth();
  }

  @Test
  void anActiveStatementWhoseOnlyDateIsLongPastIsAsked() {
    for (String dates : java.util.List.of("\"effectiveDateTime\": \"2023-02-10\"",
        "\"effectivePeriod\": {\"start\": \"2022-06-01\"}, \"dateAsserted\": \"2023-03-01\"",
        "\"effectiveDateTime\": \"2023-02-10T09:15:00+01:00\", \"dateAsserted\": \"2024-11-20\"",
        "\"effectivePeriod\": {\"start\": \"2021\"}, \"meta\": {\"lastUpdated\": \"2023-08-14T11:02:09.123Z\"}")) {
      PatientFacts stopped = record(statement("pred", "8640", "predniSONE 20 MG Oral Tablet", dates));
      assertThat(truth(STEROIDS_WITHIN_4_WEEKS, stopped)).as(dates + ": no corticosteroid in the last 4 weeks is "
          + "asked (had been MET: excluded)").isEqualTo(Truth.UNKNOWN);
      assertThat(truth(ON_PREDNISONE, stopped)).as(dates + ": on prednisone now is asked (had been MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(truth(ANY_PREDNISONE, stopped)).as(dates + ": it was taken").isEqualTo(Truth.MET);
    }
  }

  @Test
  void aServerRewritingAnOldStatementDoesNotMakeItTheDrugNow() {
    // §80: meta.lastUpdated is the day a server last wrote the resource (loading or exporting a record rewrites it for
    // every resource); it dated an old effective day as current, and prednisone taken in 2024 excluded the patient
    // under "No corticosteroids within 4 weeks" when the record was loaded yesterday
    for (String dates : java.util.List.of(
        "\"effectiveDateTime\": \"2024-01-10\", \"meta\": {\"lastUpdated\": \"2026-02-28T06:00:00Z\"}",
        "\"effectiveDateTime\": \"2023-05\", \"meta\": {\"lastUpdated\": \"2026-02-27T23:59:59+01:00\"}",
        "\"effectiveDateTime\": \"2024-02-01T10:00:00Z\", \"meta\": {\"versionId\": \"3\", "
            + "\"lastUpdated\": \"2025-12-01T10:00:00Z\"}")) {
      PatientFacts loaded = record(statement("pred", "8640", "predniSONE 20 MG Oral Tablet", dates));
      assertThat(truth(STEROIDS_WITHIN_4_WEEKS, loaded)).as(dates + ": asked (had been MET: excluded)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(truth(ON_PREDNISONE, loaded)).as(dates + ": on prednisone now is asked (had been MET)")
          .isEqualTo(Truth.UNKNOWN);
      assertThat(truth(ANY_PREDNISONE, loaded)).as(dates + ": it was taken").isEqualTo(Truth.MET);
    }
  }

  @Test
  void anActiveStatementAssertedOrUpdatedWithinAYearIsTheDrugNow() {
    for (String dates : java.util.List.of("\"effectiveDateTime\": \"2023-02-10\", \"dateAsserted\": \"2026-02-20\"",
        "\"effectivePeriod\": {\"start\": \"2022-06-01\"}, \"meta\": {\"lastUpdated\": \"2026-01-15T08:30:00Z\"}",
        "\"effectiveDateTime\": \"2025-09-30\"",
        // an open period, asserted on no day: FHIR reads a period without an end as ongoing
        "\"effectivePeriod\": {\"start\": \"2022-06-01\"}")) {
      PatientFacts current = record(statement("pred", "8640", "predniSONE 20 MG Oral Tablet", dates));
      assertThat(truth(STEROIDS_WITHIN_4_WEEKS, current)).as(dates).isEqualTo(Truth.MET);
      assertThat(truth(ON_PREDNISONE, current)).as(dates).isEqualTo(Truth.MET);
    }
    PatientFacts undated = record(statement("csa", "3008", "cycloSPORINE 100 MG Oral Capsule",
        "\"dosage\": [{\"text\": \"100 mg twice daily\"}]"));
    assertThat(truth(CYCLOSPORINE_WITHIN_4_WEEKS, undated)).as("a statement nothing dates keeps its status")
        .isEqualTo(Truth.MET);
    PatientFacts none = record();
    assertThat(truth(STEROIDS_WITHIN_4_WEEKS, none)).as("a list without a corticosteroid").isEqualTo(Truth.NOT_MET);
  }
}
