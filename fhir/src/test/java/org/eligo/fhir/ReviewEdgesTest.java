package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.rxnorm;
import static org.eligo.fhir.testkit.Code.snomed;

import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.RuleEvaluator;
import org.eligo.core.logic.Truth;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.rule.ConditionRule;
import org.eligo.core.rule.MedicationRule;
import org.eligo.core.rule.MedicationTiming;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/** Edges found in review of the versions logic and unidentified allergies. */
class ReviewEdgesTest {

  private static String condition(String fullUrl, String id, String lastUpdated, String icd) {
    return """
        {"fullUrl": "%s", "resource": {"resourceType": "Condition", "id": "%s", "meta": {"lastUpdated": "%s"},
          "subject": {"reference": "Patient/p1"},
          "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
            "code": "active"}]},
          "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "%s"}]}}}
        """.formatted(fullUrl, id, lastUpdated, icd);
  }

  @Test
  void resourcesOfTwoServersWithTheSameIdAreNotVersionsOfOneAnother() {
    String bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
        + "{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p1\", \"birthDate\": \"1990-04-12\","
        + " \"gender\": \"female\"}},"
        + condition("https://hospital-a.example/fhir/Condition/1", "1", "2025-01-01T00:00:00Z", "D69.3") + ","
        + condition("https://clinic-b.example/fhir/Condition/1", "1", "2026-01-01T00:00:00Z", "I10") + "]}";
    PatientFacts facts = read(bundle).facts();
    assertThat(facts.conditions()).hasSize(2);
  }

  @Test
  void versionsOfOneResourceUnderOneFullUrlStillKeepOnlyTheNewest() {
    String bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\", \"entry\": ["
        + "{\"resource\": {\"resourceType\": \"Patient\", \"id\": \"p1\", \"birthDate\": \"1990-04-12\","
        + " \"gender\": \"female\"}},"
        + condition("https://hospital-a.example/fhir/Condition/1", "1", "2025-01-01T00:00:00Z", "D69.3") + ","
        + condition("https://hospital-a.example/fhir/Condition/1/_history/2", "1", "2026-01-01T00:00:00Z", "I10")
        + "," + condition("", "1", "2024-01-01T00:00:00Z", "D61.9") + "]}";
    PatientFacts facts = read(bundle).facts();
    assertThat(facts.conditions()).singleElement().satisfies(c -> assertThat(c.concepts()).isNotEmpty()
        .doesNotContain("aplastic-anemia", "immune-thrombocytopenia"));
  }

  @Test
  void aRecordOfNoKnownAllergyIsNoUnidentifiedAllergy() {
    PatientFacts facts = read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .allergy(snomed("716186003"), "No known allergies", null)
        .bundleJson()).facts();
    assertThat(facts.allergies()).isEmpty();
  }

  /**
   * An export whose references do not resolve (the Patient listed under another id): a diagnosis about "Patient/old-7"
   * must not count for the patient, but neither may the record then read as holding no such diagnosis. Before, the
   * aplastic anemia was dropped and "diagnosis of aplastic anemia" was NOT_MET from the one other diagnosis: a wrong
   * INELIGIBLE.
   */
  @Test
  void aResourceAboutAPatientTheRecordDoesNotHoldLeavesItsCriteriaOpen() {
    PatientReadResult result = read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .condition(icd10("I10"), "Essential hypertension", "2020-01-01").id("htn")
        .condition(icd10("D61.9"), "Aplastic anemia", "2025-06-01").id("aa")
        .with(c -> c.putObject("subject").put("reference", "Patient/old-7"))
        .medication(rxnorm("241834"), "Cyclosporine", "2025-07-01", null, "active").id("csa")
        .with(m -> m.putObject("subject").put("reference", "urn:uuid:0b6f3c1e-2d4a-4c8e-9a51-7d2e6f9b1c30"))
        .lab("platelets", 20, "10*9/L", "2026-01-10").id("plt-old")
        .lab("platelets", 180, "10*9/L", "2026-02-20").id("plt-new")
        .with(o -> o.putObject("subject").put("reference", "Patient/old-7"))
        .bundleJson());
    PatientFacts facts = result.facts();
    EvaluationContext context = new EvaluationContext(Readers.AS_OF);
    assertThat(RuleEvaluator.evaluate(ConditionRule.ever("aplastic anemia", "aplastic-anemia"),
        PatientIndex.of(facts), context).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(RuleEvaluator.evaluate(new MedicationRule(Set.of("cyclosporine"), new MedicationTiming.Current(),
        "cyclosporine"), PatientIndex.of(facts), context).truth()).isEqualTo(Truth.UNKNOWN);
    // the older count must not decide while a newer one, about whom is not known, exists
    assertThat(facts.measurements()).noneMatch(m -> m.measure().equals("platelets"));
    assertThat(facts.conditions()).noneMatch(c -> c.concepts().contains("aplastic-anemia"));
    assertThat(result.diagnostics(Severity.ERROR)).extracting(FhirDiagnostic::location)
        .contains("Condition/aa.subject", "MedicationStatement/csa.subject", "Observation/plt-new.subject");
  }

  @Test
  void aResourceAboutAnotherPatientOfTheRecordIsLeftOutWithoutOpeningCriteria() {
    PatientReadResult result = read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .condition(icd10("I10"), "Essential hypertension", "2020-01-01").id("htn")
        .condition(icd10("D61.9"), "Aplastic anemia", "2025-06-01").id("aa")
        .with(c -> c.putObject("subject").put("reference", "Patient/p2"))
        .rawResource("{\"resourceType\": \"Patient\", \"id\": \"p2\", \"birthDate\": \"2019-01-01\"}")
        .bundleJson());
    assertThat(RuleEvaluator.evaluate(ConditionRule.ever("aplastic anemia", "aplastic-anemia"),
        PatientIndex.of(result.facts()), new EvaluationContext(Readers.AS_OF)).truth()).isEqualTo(Truth.NOT_MET);
  }

  /**
   * An International Patient Summary fills an empty section with "No information about problems" or "No known
   * medications". Read as a diagnosis and a drug, they made the lists non-empty, so "diagnosis of aplastic anemia" and
   * "took sirolimus at any time" were NOT_MET from a record that says it knows nothing of them.
   */
  @Test
  void anIpsEntryForAbsentOrUnknownDataIsNoDiagnosisOrDrug() {
    String absent = "http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips";
    PatientReadResult result = read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .condition(new org.eligo.fhir.testkit.Code(absent, "no-problem-info", "No information about problems"), null,
            null).id("np")
        .medication(new org.eligo.fhir.testkit.Code(absent, "no-known-medications", "No known medications"), null,
            "2026-02-01", null, "active").id("nm")
        .bundleJson());
    PatientFacts facts = result.facts();
    assertThat(facts.conditions()).isEmpty();
    assertThat(facts.medications()).isEmpty();
    EvaluationContext context = new EvaluationContext(Readers.AS_OF);
    assertThat(RuleEvaluator.evaluate(ConditionRule.ever("aplastic anemia", "aplastic-anemia"),
        PatientIndex.of(facts), context).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(RuleEvaluator.evaluate(new MedicationRule(Set.of("sirolimus"), new MedicationTiming.Current(),
        "sirolimus"), PatientIndex.of(facts), context).truth()).isEqualTo(Truth.UNKNOWN);
    assertThat(result.diagnostics(Severity.INFO)).extracting(FhirDiagnostic::location)
        .contains("Condition/np.code", "MedicationStatement/nm.medicationCodeableConcept");
  }

  @Test
  void aSubjectContainedInTheResourceOrPointingToNothingInItLeavesItsCriteriaOpen() {
    PatientReadResult result = read(FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .condition(icd10("I10"), "Essential hypertension", "2020-01-01").id("htn")
        .condition(icd10("D61.9"), "Aplastic anemia", "2025-06-01").id("aa")
        .with(c -> c.putObject("subject").put("reference", "#nobody"))
        .bundleJson());
    assertThat(RuleEvaluator.evaluate(ConditionRule.ever("aplastic anemia", "aplastic-anemia"),
        PatientIndex.of(result.facts()), new EvaluationContext(Readers.AS_OF)).truth()).isEqualTo(Truth.UNKNOWN);
  }

  @Test
  void aBirthDateGivenOnlyAsDataAbsentIsReported() {
    PatientReadResult result = read("{\"resourceType\": \"Patient\", \"id\": \"p1\", \"gender\": \"female\","
        + " \"_birthDate\": {\"extension\": [{\"url\": \"http://hl7.org/fhir/StructureDefinition/data-absent-reason\","
        + " \"valueCode\": \"unknown\"}]}}");
    assertThat(result.facts().birthDate()).isNull();
    assertThat(result.diagnostics(Severity.WARNING)).extracting(FhirDiagnostic::location).contains("Patient/p1.birthDate");
  }

  /**
   * A searchset whose resources carry no id, only an absolute fullUrl: references written relative to the server
   * ("Patient/123", "Medication/m1") still point to them. Before, every resource was about "another patient" and the
   * drug unresolved.
   */
  @Test
  void relativeReferencesFindResourcesNamedOnlyByTheirAbsoluteFullUrl() {
    String bundle = """
        {"resourceType": "Bundle", "type": "searchset", "entry": [
          {"fullUrl": "https://ehr.example/fhir/Patient/123",
           "resource": {"resourceType": "Patient", "birthDate": "1990-04-12", "gender": "female"}},
          {"fullUrl": "https://ehr.example/fhir/Medication/m1",
           "resource": {"resourceType": "Medication", "code": {"coding": [
             {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "241834"}]}}},
          {"fullUrl": "https://ehr.example/fhir/MedicationStatement/s1",
           "resource": {"resourceType": "MedicationStatement", "status": "active",
             "subject": {"reference": "Patient/123"}, "medicationReference": {"reference": "Medication/m1"},
             "effectiveDateTime": "2026-01-05"}}]}
        """;
    PatientReadResult result = read(bundle);
    assertThat(result.facts().medications()).singleElement()
        .satisfies(m -> assertThat(m.concepts()).contains("cyclosporine"));
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
  }
}
