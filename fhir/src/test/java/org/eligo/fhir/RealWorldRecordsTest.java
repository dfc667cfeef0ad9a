package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.cvx;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.snomed;
import static org.eligo.fhir.testkit.Code.rxnorm;
import static org.eligo.fhir.testkit.Code.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.patient.PatientFacts;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/**
 * Variations that real EHR exports, Synthea bundles and patient-portal downloads contain, each read the way the
 * first principle needs: what the record does not establish never counts as established.
 */
class RealWorldRecordsTest {

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1990-04-12").female();
  }

  @Test
  void aRequestNotToGiveADrugIsNoExposureToIt() {
    PatientReadResult result = read(adult()
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").id("dont")
        .with(r -> r.put("doNotPerform", true))
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").id("do")
        .with(r -> r.put("doNotPerform", false))
        .bundleJson());
    PatientFacts facts = result.facts();
    assertThat(facts.medications()).extracting(m -> m.source().id()).containsExactly("do");
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("MedicationRequest/dont.doNotPerform"));
  }

  @Test
  void aVerificationStatusGivenOnlyAsTextOrInAnotherCodeSystemIsReadOrLeftUnconfirmed() {
    PatientReadResult result = read(adult()
        .condition(icd10("D61.9"), "Aplastic anemia", null).id("refuted-text")
        .with(c -> c.putObject("verificationStatus").put("text", "Refuted"))
        .condition(icd10("D61.9"), "Aplastic anemia", null).id("eie-display")
        .with(c -> ((ObjectNode) c.putObject("verificationStatus").putArray("coding").addObject())
            .put("display", "Entered in error"))
        .condition(icd10("D61.9"), "Aplastic anemia", null).id("provisional-text")
        .with(c -> c.putObject("verificationStatus").put("text", "provisional"))
        .condition(icd10("D61.9"), "Aplastic anemia", null).id("local-code")
        .with(c -> ((ObjectNode) c.putObject("verificationStatus").putArray("coding").addObject())
            .put("system", "http://hospital.example.org/verification").put("code", "N"))
        .condition(icd10("D61.9"), "Aplastic anemia", null).id("confirmed-text")
        .with(c -> c.putObject("verificationStatus").put("text", "Confirmed"))
        .bundleJson());
    assertThat(result.facts().conditions()).extracting(c -> c.source().id(), ConditionFact::confirmed)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("provisional-text", false),
            org.assertj.core.groups.Tuple.tuple("local-code", false),
            org.assertj.core.groups.Tuple.tuple("confirmed-text", true));
    assertThat(result.diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("Condition/local-code.verificationStatus"));
  }

  @Test
  void anAbatementGivenOnlyInWordsWithoutAClinicalStatusIsAResolvedDiagnosisNotACurrentOne() {
    // Chronic kidney disease "resolved in childhood" must not exclude under "Chronic kidney disease" as if current
    PatientReadResult result = read(adult()
        .condition(icd10("N18.3"), "Chronic kidney disease stage 3", null).id("words")
        .with(c -> c.remove("clinicalStatus")).with(c -> c.put("abatementString", "resolved in childhood"))
        .condition(icd10("N18.3"), "Chronic kidney disease stage 3", null).id("blank")
        .with(c -> c.remove("clinicalStatus")).with(c -> c.put("abatementString", " "))
        .condition(icd10("N18.3"), "Chronic kidney disease stage 3", null).id("active-words")
        .clinicalStatus("active").with(c -> c.put("abatementString", "resolved in childhood"))
        .bundleJson());
    assertThat(result.facts().conditions()).extracting(c -> c.source().id(), ConditionFact::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("words", ClinicalStatus.RESOLVED),
            org.assertj.core.groups.Tuple.tuple("blank", ClinicalStatus.UNKNOWN),
            // beside an active status too, as beside a dated abatement (DECISIONS 51 amends 29): read as written it
            // excluded under "Chronic kidney disease"
            org.assertj.core.groups.Tuple.tuple("active-words", ClinicalStatus.RESOLVED));
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("Condition/words.abatement"));
  }

  @Test
  void aCountInThousandsPerMicrolitreWrittenKPerMcLIsRead() {
    // labs print "K/mcL" as often as "K/uL": a white cell count of 5.2 K/mcL is 5.2 x10^9/L, not an unknown unit
    PatientFacts facts = read(adult()
        .lab("wbc", 5.2, "K/mcL", "2026-01-10")
        .lab("platelets", 150, "thou/mcL", "2026-01-10")
        .bundleJson()).facts();
    assertThat(facts.measurements()).extracting(m -> m.measure(), m -> m.value())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("wbc", 5.2),
            org.assertj.core.groups.Tuple.tuple("platelets", 150.0));
  }

  @Test
  void aClinicalStatusGivenOnlyAsTextIsRead() {
    PatientFacts facts = read(adult()
        .condition(icd10("D61.9"), "Aplastic anemia", null).with(c -> c.putObject("clinicalStatus").put("text", "Resolved"))
        .condition(icd10("D61.9"), "Aplastic anemia", null).with(c -> c.putObject("clinicalStatus").put("text", "gone"))
        .bundleJson()).facts();
    assertThat(facts.conditions()).extracting(ConditionFact::status)
        .containsExactly(ClinicalStatus.RESOLVED, ClinicalStatus.UNKNOWN);
  }

  @Test
  void anAllergyRefutedInWordsOrWithAnUnreadableVerificationIsNoAllergy() {
    PatientReadResult result = read(adult()
        .allergy(text("Penicillin"), null, null).id("refuted")
        .with(a -> a.putObject("verificationStatus").put("text", "refuted"))
        .allergy(text("Penicillin"), null, null).id("local")
        .with(a -> ((ObjectNode) a.putObject("verificationStatus").putArray("coding").addObject())
            .put("system", "http://hospital.example.org/verification").put("code", "R"))
        .allergy(text("Penicillin"), null, null).id("confirmed")
        .bundleJson());
    assertThat(result.facts().allergies()).extracting(a -> a.source().id()).containsExactly("confirmed");
  }

  @Test
  void aProcedureVaccineOrAllergyNamedOnlyByUnknownCodesOrByNothingIsUnidentified() {
    // SNOMED CT 999999001, CVX 999 and RxNorm 99999999 stand for codes Eligo's terminology does not hold
    PatientFacts facts = read(adult()
        .procedure(snomed("999999001"), null, "2025-01-01").id("unknown-code")
        .procedure(text("Procedure"), null, "2025-01-01").id("no-code").with(p -> p.remove("code"))
        .procedure(text("Splenectomy"), null, "2025-01-01").id("named")
        .immunization(cvx("999"), "2025-01-01").id("unknown-vaccine")
        .allergy(rxnorm("99999999"), null, null).id("unknown-substance")
        .bundleJson()).facts();
    assertThat(facts.procedures()).extracting(p -> p.source().id(), p -> Unidentified.marks(p.concepts()))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unknown-code", true),
            org.assertj.core.groups.Tuple.tuple("no-code", true),
            org.assertj.core.groups.Tuple.tuple("named", false));
    assertThat(facts.immunizations()).singleElement().satisfies(i -> assertThat(i.concepts())
        .isEqualTo(Unidentified.CONCEPTS));
    assertThat(facts.allergies()).singleElement().satisfies(a -> assertThat(a.concepts())
        .isEqualTo(Unidentified.CONCEPTS));
  }

  @Test
  void aPreliminaryOrRegisteredResultDecidesNothing() {
    PatientReadResult result = read(adult()
        .lab("hemoglobin", 7.1, "g/dL", "2026-02-10").id("prelim").status("preliminary")
        .lab("hemoglobin", 7.1, "g/dL", "2026-02-10").id("registered").status("registered")
        .bloodPressure(190.0, 120.0, "mm[Hg]", "2026-02-10").id("bp").status("preliminary")
        .lab("hemoglobin", 11.2, "g/dL", "2026-01-10").id("final").status("final")
        .lab("hemoglobin", 11.4, "g/dL", "2026-01-11").id("amended").status("amended")
        .bundleJson());
    assertThat(result.facts().measurements()).as("older final results wait for the pending one").isEmpty();
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("Observation/prelim.status"));
    assertThat(result.diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message())
        .isEqualTo("a preliminary hemoglobin result of 2026-02-10 may still change; older hemoglobin results are not "
            + "used until it is final"));
  }

  @Test
  void aNewerResultThatCannotBeReadSetsOlderOnesAsideAndAnOlderOneChangesNothing() {
    PatientReadResult newerUnreadable = read(adult()
        .lab("platelets", 20, "10*9/L", "2026-01-10").id("january")
        .lab("platelets", 150, "cells/hpf", "2026-02-10").id("february-unit")
        .bundleJson());
    assertThat(newerUnreadable.facts().measurements()).isEmpty();
    assertThat(newerUnreadable.diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message())
        .isEqualTo("a platelets result of 2026-02-10 could not be read; older platelets results are not used, since a "
            + "newer one exists"));

    PatientReadResult olderUnreadable = read(adult()
        .lab("platelets", 150, "cells/hpf", "2026-01-10").id("january-unit")
        .lab("platelets", 20, "10*9/L", "2026-02-10").id("february")
        .bundleJson());
    assertThat(olderUnreadable.facts().measurements()).extracting(m -> m.source().id()).containsExactly("february");
  }

  @Test
  void aPreliminaryResultSetsOlderOnesAsideButNotNewerOnesNorOtherMeasures() {
    // January's final platelet count of 20 must not exclude while February's count (150, preliminary) is pending
    PatientReadResult pending = read(adult()
        .lab("platelets", 20, "10*9/L", "2026-01-10").id("january").status("final")
        .lab("platelets", 150, "10*9/L", "2026-02-10").id("february").status("preliminary")
        .lab("hemoglobin", 11.2, "g/dL", "2026-01-10").id("hb").status("final")
        .bundleJson());
    assertThat(pending.facts().measurements()).extracting(m -> m.source().id()).containsExactly("hb");

    PatientReadResult confirmed = read(adult()
        .lab("platelets", 150, "10*9/L", "2026-02-10").id("february").status("preliminary")
        .lab("platelets", 148, "10*9/L", "2026-02-10").id("final-same-day").status("final")
        .lab("platelets", 20, "10*9/L", "2026-03-10").id("march").status("final")
        .lab("platelets", 12, "10*9/L", "2027-01-10").id("future").status("preliminary")
        .bundleJson());
    assertThat(confirmed.facts().measurements()).extracting(m -> m.source().id())
        .as("a final result of the same day or later stands; a preliminary one after the as-of date changes nothing")
        .containsExactlyInAnyOrder("final-same-day", "march");
  }

  @Test
  void theEntriesOfABundleInsideTheBundleAreTheRecords() {
    // an export that wraps one search result per resource type in a collection
    String inner = adult().condition(icd10("D61.9"), "Aplastic anemia", null).id("inner").bundleJson();
    PatientReadResult result = read("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
        + "{\"resource\":" + inner + "}]}");
    assertThat(result.facts().birthDate()).isNotNull();
    assertThat(result.facts().conditions()).extracting(c -> c.source().id()).containsExactly("inner");
  }

  @Test
  void onlyTheNewestVersionOfAResourceCounts() {
    String history = """
        {"resourceType": "Bundle", "type": "history", "entry": [
          {"resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1990-04-12", "gender": "female"}},
          {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "D61.9"}]},
            "verificationStatus": {"coding": [{"system":
              "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "entered-in-error"}]}},
           "request": {"method": "PUT", "url": "Condition/c1"}},
          {"resource": {"resourceType": "Condition", "id": "c1", "subject": {"reference": "Patient/p1"},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "D61.9"}]}},
           "request": {"method": "POST", "url": "Condition"}},
          {"request": {"method": "DELETE", "url": "Condition/c2"}},
          {"resource": {"resourceType": "Condition", "id": "c2", "subject": {"reference": "Patient/p1"},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "D61.9"}]}},
           "request": {"method": "POST", "url": "Condition"}}]}
        """;
    assertThat(read(history).facts().conditions()).isEmpty();
    String versions = """
        {"resourceType": "Bundle", "type": "collection", "entry": [
          {"resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1990-04-12", "gender": "female"}},
          {"resource": {"resourceType": "Condition", "id": "c1", "meta": {"versionId": "1"},
            "subject": {"reference": "Patient/p1"},
            "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
              "code": "active"}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "D61.9"}]}}},
          {"resource": {"resourceType": "Condition", "id": "c1", "meta": {"versionId": "2"},
            "subject": {"reference": "Patient/p1"},
            "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
              "code": "resolved"}]},
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "D61.9"}]}}}]}
        """;
    assertThat(read(versions).facts().conditions()).singleElement()
        .satisfies(c -> assertThat(c.status()).isEqualTo(ClinicalStatus.RESOLVED));
  }

  @Test
  void aResultAboutSomeoneElseFiledInTheRecordIsNotThePatients() {
    PatientFacts facts = read(adult()
        .lab("hemoglobin", 14.0, "g/dL", "2026-02-10").id("fetus")
        .with(o -> o.putArray("focus").addObject().put("reference", "Patient/fetus-1"))
        .lab("hemoglobin", 11.0, "g/dL", "2026-02-09").id("own")
        .with(o -> o.putArray("focus").addObject().put("reference", "Patient/p1"))
        .bundleJson()).facts();
    assertThat(facts.measurements()).extracting(m -> m.source().id()).containsExactly("own");
  }

  @Test
  void aMedicationsIngredientGivenByReferenceIsReadOrLeavesTheDrugOpen() {
    String statement = """
        {"resourceType": "MedicationStatement", "id": "%s", "status": "active", "subject": {"reference": "Patient/p1"},
         "effectiveDateTime": "2026-01-01", "medicationReference": {"reference": "#med"},
         "contained": [
           {"resourceType": "Medication", "id": "med", "code": {"text": "Compounded oral suspension"},
            "ingredient": [{"itemReference": {"reference": "%s"}}]},
           {"resourceType": "Medication", "id": "siro", "code": {"coding": [
             {"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "314230"}]}}]}
        """;
    PatientFacts facts = read(adult()
        .rawResource(statement.formatted("unread", "Substance/not-in-record"))
        .rawResource(statement.formatted("read", "#siro"))
        .bundleJson()).facts();
    assertThat(facts.medications()).extracting(m -> m.source().id(), MedicationExposure::concepts)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("unread", Unidentified.CONCEPTS),
            org.assertj.core.groups.Tuple.tuple("read", java.util.Set.of("sirolimus", "mtor-inhibitor",
                "immunosuppressant")));
  }

  /**
   * A record sent as an operation's Parameters (as {@code $match} takes it) was read as one Parameters resource: no
   * Patient, no diagnosis, every criterion open while the record held the answers.
   */
  @Test
  void aRecordInsideParametersIsRead() {
    String bundle = adult().condition(icd10("D61.9"), "Aplastic anemia", "2025-06-01").id("aa")
        .lab("platelets", 20, "10*9/L", "2026-02-20").id("plt").bundleJson();
    PatientReadResult wrapped = read("{\"resourceType\": \"Parameters\", \"parameter\": [{\"name\": \"subject\","
        + " \"resource\": " + bundle + "}, {\"name\": \"trial\", \"valueString\": \"NCT02979873\"}]}");
    assertThat(wrapped.facts().birthDate()).isEqualTo(java.time.LocalDate.of(1990, 4, 12));
    assertThat(wrapped.facts().conditions()).singleElement()
        .satisfies(c -> assertThat(c.concepts()).contains("aplastic-anemia"));
    assertThat(wrapped.facts().measurements()).extracting(m -> m.source().id()).containsExactly("plt");
    assertThat(wrapped.diagnostics(Severity.WARNING)).isEmpty();

    String patient = adult().patientJson();
    PatientReadResult parts = read("{\"resourceType\": \"Parameters\", \"parameter\": [{\"name\": \"patient\","
        + " \"resource\": " + patient + "}, {\"name\": \"history\", \"part\": [{\"name\": \"condition\","
        + " \"resource\": {\"resourceType\": \"Condition\", \"id\": \"c1\", \"subject\": {\"reference\":"
        + " \"Patient/p1\"}, \"code\": {\"coding\": [{\"system\": \"http://hl7.org/fhir/sid/icd-10-cm\","
        + " \"code\": \"D61.9\"}]}}}]}]}");
    assertThat(parts.facts().sex()).isEqualTo(org.eligo.core.patient.Sex.FEMALE);
    assertThat(parts.facts().conditions()).singleElement()
        .satisfies(c -> assertThat(c.concepts()).contains("aplastic-anemia"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read("{\"resourceType\": \"Parameters\","
        + " \"parameter\": [{\"name\": \"trial\", \"valueString\": \"NCT02979873\"}]}"))
        .isInstanceOf(UnusableFhirInputException.class).hasMessageContaining("Parameters");
  }

  /**
   * Labs send qualitative results as text: a urine pregnancy test "Negative" or a status "Not pregnant" as valueString
   * was an ERROR and left "pregnant" open though the record answered it; "Positive" is pregnant (DECISIONS 36), and
   * text that is no answer's name still settles nothing.
   */
  @Test
  void aPregnancyTestOrStatusGivenAsTextIsRead() {
    PatientReadResult result = read(adult()
        .observation(org.eligo.fhir.testkit.Code.loinc("2106-3"), "2026-02-20", o -> o.put("valueString", "Negative"))
        .id("hcg")
        .observation(org.eligo.fhir.testkit.Code.loinc("82810-3"), "2026-02-21", o -> o.put("valueString",
            " not pregnant ")).id("status")
        .observation(org.eligo.fhir.testkit.Code.loinc("2106-3"), "2026-02-22", o -> o.put("valueString", "Positive"))
        .id("positive")
        .observation(org.eligo.fhir.testkit.Code.loinc("2106-3"), "2026-02-23", o -> o.put("valueString", "Faint line"))
        .id("faint")
        .bundleJson());
    assertThat(result.facts().codedObservations()).extracting(o -> o.source().id(), o -> o.valueConcepts())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("hcg", java.util.Set.of("not-pregnant")),
            org.assertj.core.groups.Tuple.tuple("status", java.util.Set.of("not-pregnant")),
            org.assertj.core.groups.Tuple.tuple("positive", java.util.Set.of("pregnant")),
            org.assertj.core.groups.Tuple.tuple("faint", java.util.Set.of()));
    assertThat(result.diagnostics(Severity.WARNING)).extracting(FhirDiagnostic::location)
        .containsExactly("Observation/faint.valueString");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
  }

  /**
   * Records converted from CDA name code systems by their OIDs: the SNOMED CT diagnosis, the LOINC platelet count in
   * UCUM and the RxNorm drug were unknown codes, so the diagnosis and drug were unidentified and the count not read.
   */
  @Test
  void codeSystemsGivenByTheirOidsAreRead() {
    PatientFacts facts = read(adult()
        .condition(new org.eligo.fhir.testkit.Code("urn:oid:2.16.840.1.113883.6.96", "306058006", null), null, null)
        .id("aa")
        .condition(new org.eligo.fhir.testkit.Code("urn:oid:2.16.840.1.113883.6.90", "D61.9", null), null, null)
        .id("aa-icd")
        .observation(new org.eligo.fhir.testkit.Code("urn:oid:2.16.840.1.113883.6.1", "777-3", null), "2026-02-20",
            o -> o.putObject("valueQuantity").put("value", 42).put("unit", "10*3/uL")
                .put("system", "urn:oid:2.16.840.1.113883.6.8").put("code", "10*3/uL")).id("plt")
        .observation(new org.eligo.fhir.testkit.Code("http://loinc.org/", "718-7", null), "2026-02-20",
            o -> o.putObject("valueQuantity").put("value", 9.1).put("unit", "g/dL")
                .put("system", "http://unitsofmeasure.org").put("code", "g/dL")).id("hb")
        .medication(new org.eligo.fhir.testkit.Code("urn:oid:2.16.840.1.113883.6.88", "241834", null), null,
            "2026-01-01", null, "active").id("csa")
        .bundleJson()).facts();
    assertThat(facts.conditions()).allSatisfy(c -> assertThat(c.concepts()).contains("aplastic-anemia"));
    assertThat(facts.measurements()).extracting(m -> m.measure(), m -> m.value()).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("platelets", 42.0), org.assertj.core.groups.Tuple.tuple("hemoglobin", 91.0));
    assertThat(facts.medications()).singleElement().satisfies(m -> assertThat(m.concepts()).contains("cyclosporine"));
  }

  /**
   * A lab report whose results are contained Observations (as feeds converted from HL7 v2 send a blood count) was
   * counted as an unused resource: its platelet count of 180 was lost and January's 20 stood as the latest.
   */
  @Test
  void resultsContainedInADiagnosticReportAreRead() {
    String report = """
        {"resourceType": "DiagnosticReport", "id": "%s", "status": "%s", "subject": {"reference": "Patient/p1"},
         "code": {"coding": [{"system": "http://loinc.org", "code": "58410-2"}]},
         "effectiveDateTime": "2026-02-20",
         "contained": [{"resourceType": "Observation", "id": "plt", "status": "final",
           "code": {"coding": [{"system": "http://hospital.example.org/lab", "code": "PLT"},
                               {"system": "http://loinc.org", "code": "777-3"}]},
           "valueQuantity": {"value": %s, "unit": "K/uL"}}],
         "result": [{"reference": "#plt"}]}
        """;
    PatientReadResult result = read(adult()
        .lab("platelets", 20, "10*9/L", "2026-01-10").id("old")
        .rawResource(report.formatted("cbc", "final", "180"))
        .rawResource(report.formatted("wrong", "entered-in-error", "5"))
        .bundleJson());
    // the same report still preliminary: its count may change, so it decides nothing and sets the older one aside
    PatientReadResult pending = read(adult()
        .lab("platelets", 20, "10*9/L", "2026-01-10").id("old")
        .rawResource(report.formatted("cbc", "preliminary", "180"))
        .bundleJson());
    assertThat(pending.facts().measurements()).isEmpty();
    assertThat(result.facts().measurements()).extracting(m -> m.source().id(), m -> m.value(), m -> m.date())
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("old", 20.0, java.time.LocalDate.of(2026, 1, 10)),
            org.assertj.core.groups.Tuple.tuple("cbc#plt", 180.0, java.time.LocalDate.of(2026, 2, 20)));
    assertThat(result.diagnostics(Severity.INFO)).extracting(FhirDiagnostic::location)
        .contains("DiagnosticReport/wrong.status");
  }

  /**
   * A lab that changed analyser sends its platelet count under a local code only: January's LOINC-coded 20 stood as
   * the latest although February's result, named "Platelet count" in K/uL, exists. It cannot be read as a value (a
   * name is no LOINC code), but it sets the older counts aside. A local "Neutrophils" in % is no neutrophil count.
   */
  @Test
  void aNewerResultNamedAsAMeasureButWithoutLoincSetsOlderOnesAside() {
    String local = """
        {"resourceType": "Observation", "id": "%s", "status": "final", "subject": {"reference": "Patient/p1"},
         "code": {"coding": [{"system": "http://hospital.example.org/lab", "code": "%s", "display": "%s"}]},
         "effectiveDateTime": "2026-02-20", "valueQuantity": {"value": %s, "unit": "%s"}}
        """;
    PatientReadResult result = read(adult()
        .lab("platelets", 20, "10*9/L", "2026-01-10").id("plt-old")
        .lab("anc", 1.2, "10*9/L", "2026-01-10").id("anc-old")
        .rawResource(local.formatted("plt-local", "PLT2", "Platelet count", "180", "K/uL"))
        .rawResource(local.formatted("neut-pct", "NEUT%", "Neutrophils", "55", "%"))
        .lab("hemoglobin", 80, "g/L", "2026-01-10").id("hb-old")
        // a LOINC code Eligo does not know (here not a real one), named as a hemoglobin
        .rawResource(local.formatted("hb-new", "X-HGB", "Hemoglobin", "12.5", "g/dL")
            .replace("http://hospital.example.org/lab", "http://loinc.org"))
        .bundleJson());
    assertThat(result.facts().measurements()).extracting(m -> m.source().id()).containsExactly("anc-old");
    assertThat(result.diagnostics(Severity.WARNING)).anySatisfy(d -> assertThat(d.message())
        .contains("named as a platelet count").contains("older platelets results are not used"));
  }

  /**
   * A splenectomy stopped before completion left the spleen in place, yet counted as "had splenectomy"; whether a
   * stopped or unknown-status procedure counts as done is asked instead.
   */
  @Test
  void aProcedureStoppedBeforeCompletionOrOfUnknownStatusLeavesItsCriteriaOpen() {
    PatientFacts facts = read(adult()
        .procedure(text("Splenectomy"), "Splenectomy", "2025-05-01").id("stopped").status("stopped")
        .procedure(text("Splenectomy"), "Splenectomy", "2025-06-01").id("unknown").status("unknown")
        .procedure(text("Splenectomy"), "Splenectomy", "2025-07-01").id("done").status("completed")
        .bundleJson()).facts();
    assertThat(facts.procedures()).extracting(p -> p.source().id(), p -> Unidentified.marks(p.concepts()))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("stopped", true),
            org.assertj.core.groups.Tuple.tuple("unknown", true), org.assertj.core.groups.Tuple.tuple("done", false));
  }
}
