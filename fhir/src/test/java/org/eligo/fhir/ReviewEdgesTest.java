package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.snomed;

import org.eligo.core.patient.PatientFacts;
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
}
