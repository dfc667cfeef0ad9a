package org.eligo.benchmarks;

/**
 * A patient with a realistic record for the match benchmark: acquired aplastic anemia, a recent blood count in
 * mixed units, cyclosporine, a past everolimus course, a live vaccine and an ECOG score. Codes are taken from the
 * terminology data files.
 */
final class SamplePatient {
  private SamplePatient() {}

  static final String BUNDLE = """
      {"resourceType": "Bundle", "type": "collection", "entry": [
       {"resource": {"resourceType": "Patient", "id": "bench", "gender": "female", "birthDate": "1984-06-02"}},
       {"resource": {"resourceType": "Condition", "id": "aa", "clinicalStatus": {"coding": [{"system":
         "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]}, "code": {"coding": [{"system":
         "http://hl7.org/fhir/sid/icd-10-cm", "code": "D61.9"}], "text": "Aplastic anemia"}, "onsetDateTime": "2022-03-01"}},
       {"resource": {"resourceType": "Observation", "id": "anc", "status": "final", "code": {"coding": [{"system":
         "http://loinc.org", "code": "751-8"}], "text": "Neutrophils"}, "effectiveDateTime": "2026-01-05",
         "valueQuantity": {"value": 620, "unit": "/uL", "system": "http://unitsofmeasure.org", "code": "/uL"}}},
       {"resource": {"resourceType": "Observation", "id": "plt", "status": "final", "code": {"coding": [{"system":
         "http://loinc.org", "code": "777-3"}], "text": "Platelets"}, "effectiveDateTime": "2026-01-05",
         "valueQuantity": {"value": 24, "unit": "10*9/L", "system": "http://unitsofmeasure.org", "code": "10*9/L"}}},
       {"resource": {"resourceType": "Observation", "id": "hb", "status": "final", "code": {"coding": [{"system":
         "http://loinc.org", "code": "718-7"}], "text": "Hemoglobin"}, "effectiveDateTime": "2026-01-05",
         "valueQuantity": {"value": 8.9, "unit": "g/dL", "system": "http://unitsofmeasure.org", "code": "g/dL"}}},
       {"resource": {"resourceType": "MedicationStatement", "id": "csa", "status": "active", "medicationCodeableConcept":
         {"text": "cyclosporine 100 mg"}, "effectivePeriod": {"start": "2024-02-01"}}},
       {"resource": {"resourceType": "MedicationStatement", "id": "evero", "status": "completed",
         "medicationCodeableConcept": {"text": "everolimus"}, "effectivePeriod": {"start": "2025-01-01", "end": "2025-10-01"}}},
       {"resource": {"resourceType": "Immunization", "id": "mmr", "status": "completed", "vaccineCode": {"text":
         "MMR vaccine"}, "occurrenceDateTime": "2025-12-28"}}
      ]}""";
}
