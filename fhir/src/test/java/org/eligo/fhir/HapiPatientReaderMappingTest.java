package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.cvx;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.loinc;
import static org.eligo.fhir.testkit.Code.rxnorm;
import static org.eligo.fhir.testkit.Code.snomed;
import static org.eligo.fhir.testkit.Code.text;

import java.time.LocalDate;
import java.util.Set;
import java.util.List;
import org.eligo.core.patient.ClinicalStatus;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.MedicationExposure.ExposureStatus;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.Sex;
import org.eligo.core.patient.Unidentified;
import org.eligo.core.patient.SourceRef;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;

/** Each resource kind maps to the right facts (codes and names from the bundled terminology data). */
class HapiPatientReaderMappingTest {

  private static FhirPatientBuilder adult() {
    return FhirPatientBuilder.patient("p1").born("1990-04-12").female();
  }

  @Test
  void patientGivesBirthDateAndSex() {
    PatientReadResult result = read(adult().bundleJson());
    assertThat(result.facts().id()).isEqualTo("p1");
    assertThat(result.facts().birthDate()).isEqualTo(LocalDate.of(1990, 4, 12));
    assertThat(result.facts().sex()).isEqualTo(Sex.FEMALE);
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void countPerMicrolitreIsConvertedToTenToTheNinePerLitre() {
    Measurement m = only(read(adult().lab("anc", 500, "/uL", "2026-01-10").id("anc-1").bundleJson()).facts());
    assertThat(m.measure()).isEqualTo("anc");
    assertThat(m.value()).isCloseTo(0.5, within(1e-9));
    assertThat(m.unit()).isEqualTo("10*9/L");
    assertThat(m.date()).isEqualTo(LocalDate.of(2026, 1, 10));
    assertThat(m.original()).isEqualTo("500 /uL");
    assertThat(m.source()).isEqualTo(new SourceRef("Observation", "anc-1"));
  }

  @Test
  void aResultsTimeOfDayIsKeptToOrderTheDaysResults() {
    List<Measurement> ms = read(adult().lab("anc", 0.45, "10*9/L", "2026-11-24T06:00:00+01:00")
        .lab("anc", 0.62, "10*9/L", "2026-11-24T15:00:00+01:00").lab("anc", 0.5, "10*9/L", "2026-11-23").bundleJson())
        .facts().measurements();
    assertThat(ms).extracting(Measurement::date).containsExactly(LocalDate.of(2026, 11, 24),
        LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 23));
    assertThat(ms).extracting(Measurement::at).containsExactly(java.time.Instant.parse("2026-11-24T05:00:00Z"),
        java.time.Instant.parse("2026-11-24T14:00:00Z"), null);
  }

  @Test
  void canonicalUnitIsKeptAsIs() {
    Measurement m = only(read(adult().lab("anc", 0.49, "10*9/L", "2026-01-10").bundleJson()).facts());
    assertThat(m.value()).isCloseTo(0.49, within(1e-9));
  }

  @Test
  void gramsPerDecilitreAndTheReferenceRangeAreConverted() {
    PatientReadResult result = read(adult().lab("hemoglobin", 10, "g/dL", "2026-01-10")
        .referenceRange(12.0, 16.0, "g/dL").bundleJson());
    Measurement m = only(result.facts());
    assertThat(m.value()).isCloseTo(100, within(1e-9));
    assertThat(m.unit()).isEqualTo("g/L");
    assertThat(m.referenceLow()).isCloseTo(120, within(1e-9));
    assertThat(m.referenceHigh()).isCloseTo(160, within(1e-9));
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void severalRangesOrARangeForSomePatientsGiveNoLimitsOfNormal() {
    PatientReadResult result = read(adult()
        .lab("creatinine", 1.9, "mg/dL", "2026-01-10").referenceRange(0.5, 0.9, "mg/dL")
        .referenceRange(0.7, 1.3, "mg/dL")
        .lab("creatinine", 1.9, "mg/dL", "2026-01-11").referenceRange(0.7, 1.3, "mg/dL")
        .with(o -> ((com.fasterxml.jackson.databind.node.ObjectNode) o.get("referenceRange").get(0))
            .putObject("type").putArray("coding").addObject().put("code", "treatment"))
        .lab("creatinine", 1.9, "mg/dL", "2026-01-12").referenceRange(0.7, 1.3, "mg/dL")
        .bundleJson());
    List<Measurement> ms = result.facts().measurements();
    assertThat(ms).hasSize(3);
    assertThat(ms.get(0).referenceHigh()).isNull();
    assertThat(ms.get(1).referenceHigh()).isNull();
    assertThat(ms.get(2).referenceHigh()).isNotNull();
    assertThat(result.diagnostics(Severity.INFO)).filteredOn(d -> d.location().endsWith("referenceRange")).hasSize(2);
  }

  /** A range without its own unit may be in another unit than the value's: left out, with a warning (DECISIONS §63). */
  @Test
  void referenceRangeWithoutItsOwnUnitIsLeftOut() {
    PatientReadResult result = read(adult().lab("platelets", 90000, "/uL", "2026-01-10")
        .referenceRange(150000.0, 400000.0, null).bundleJson());
    Measurement m = only(result.facts());
    assertThat(m.value()).isCloseTo(90, within(1e-9));
    assertThat(m.referenceLow()).isNull();
    assertThat(m.referenceHigh()).isNull();
    assertThat(result.diagnostics(Severity.WARNING)).filteredOn(d -> d.location().contains("referenceRange")).hasSize(2);
  }

  @Test
  void commonLabSpellingInTheDisplayUnitIsRead() {
    Measurement m = only(read(adult().lab("platelets", 150, "K/uL", "2026-01-10").bundleJson()).facts());
    assertThat(m.value()).isCloseTo(150, within(1e-9));
    assertThat(m.original()).isEqualTo("150 K/uL");
  }

  @Test
  void bodyWeightInPoundsBecomesKilograms() {
    Measurement m = only(read(adult().lab("body-weight", 154, "[lb_av]", "2026-01-10").bundleJson()).facts());
    assertThat(m.measure()).isEqualTo("body-weight");
    assertThat(m.value()).isCloseTo(69.85, within(0.01));
    assertThat(m.unit()).isEqualTo("kg");
  }

  @Test
  void aBloodPressurePanelGivesItsSystolicAndDiastolicComponentsWithThePanelsDate() {
    PatientReadResult result = read(adult().bloodPressure(152.0, 95.0, "mm[Hg]", "2026-01-10").id("bp-1").bundleJson());
    assertThat(result.facts().measurements())
        .extracting(Measurement::measure, Measurement::value, Measurement::unit, Measurement::date, Measurement::source)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("systolic-blood-pressure", 152.0, "mm[Hg]", LocalDate.of(2026, 1, 10),
                new SourceRef("Observation", "bp-1")),
            org.assertj.core.groups.Tuple.tuple("diastolic-blood-pressure", 95.0, "mm[Hg]", LocalDate.of(2026, 1, 10),
                new SourceRef("Observation", "bp-1")));
    assertThat(result.facts().measuresReported()).contains("systolic-blood-pressure", "diastolic-blood-pressure");
    assertThat(result.diagnostics()).isEmpty();
  }

  @Test
  void bloodPressureAsSeparateObservationsInTheSpellingsDevicesUse() {
    PatientFacts facts = read(adult()
        .lab("systolic-blood-pressure", 138, "mmHg", "2026-01-11")
        .lab("diastolic-blood-pressure", 88, "mm Hg", "2026-01-11")
        .bloodPressure(150.0, 92.0, "mmHg", "2026-01-12T08:30:00+01:00")
        .bundleJson()).facts();
    assertThat(facts.measurements()).extracting(Measurement::measure, Measurement::value, Measurement::original)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("systolic-blood-pressure", 138.0, "138 mmHg"),
            org.assertj.core.groups.Tuple.tuple("diastolic-blood-pressure", 88.0, "88 mm Hg"),
            org.assertj.core.groups.Tuple.tuple("systolic-blood-pressure", 150.0, "150 mmHg"),
            org.assertj.core.groups.Tuple.tuple("diastolic-blood-pressure", 92.0, "92 mmHg"));
    assertThat(facts.measurements().get(2).at()).isEqualTo(java.time.Instant.parse("2026-01-12T07:30:00Z"));
  }

  @Test
  void aPanelComponentWithoutAUsableValueIsLeftOutAndTheOtherStillCounts() {
    PatientReadResult result = read(adult().bloodPressure(null, 95.0, "mm[Hg]", "2026-01-10")
        .with(o -> ((com.fasterxml.jackson.databind.node.ArrayNode) o.get("component")).insertObject(0)
            .<com.fasterxml.jackson.databind.node.ObjectNode>set("code", codeable(
                org.eligo.fhir.testkit.MeasureCodes.loinc("systolic-blood-pressure")))
            .putObject("valueQuantity").put("value", 400).put("unit", "mmHg"))
        .bundleJson());
    assertThat(result.facts().measurements()).extracting(Measurement::measure, Measurement::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("diastolic-blood-pressure", 95.0));
    assertThat(result.diagnostics(Severity.ERROR)).singleElement()
        .satisfies(d -> assertThat(d.location()).contains("component[0].valueQuantity"));
  }

  @Test
  void componentsOfAnObservationThatIsNoBloodPressurePanelAreNotRead() {
    PatientFacts facts = read(adult().bloodPressure(210.0, 100.0, "mm[Hg]", "2026-01-10")
        .with(o -> o.set("code", codeable(text("Exercise stress test, peak")))).bundleJson()).facts();
    assertThat(facts.measurements()).isEmpty();
  }

  @Test
  void ecogAsIntegerAndAsCodedGrade() {
    PatientFacts facts = read(adult().ecog(1, "2026-01-10")
        .observation(org.eligo.fhir.testkit.MeasureCodes.loinc("ecog"), "2026-02-01",
            o -> o.set("valueCodeableConcept", codeable(snomed("422894000"))))
        .observation(org.eligo.fhir.testkit.MeasureCodes.loinc("ecog"), "2026-03-01",
            o -> o.set("valueCodeableConcept", codeable(loinc("LA9625-0"))))
        .bundleJson()).facts();
    assertThat(facts.measurements()).extracting(Measurement::measure, Measurement::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ecog", 1.0), org.assertj.core.groups.Tuple.tuple("ecog", 2.0),
            org.assertj.core.groups.Tuple.tuple("ecog", 3.0));
  }

  @Test
  void effectivePeriodAndIssuedGiveTheDateWhenThereIsNoEffectiveDateTime() {
    PatientFacts facts = read(adult()
        .lab("anc", 1.2, "10*9/L", null).with(o -> o.putObject("effectivePeriod").put("start", "2026-01-05"))
        .lab("anc", 1.3, "10*9/L", null).with(o -> o.put("issued", "2026-01-07T10:00:00Z"))
        .bundleJson()).facts();
    assertThat(facts.measurements()).extracting(Measurement::date)
        .containsExactly(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7));
  }

  @Test
  void pregnancyStatusIsACodedObservation() {
    PatientFacts facts = read(adult()
        .pregnancyStatus(loinc("LA26683-5").display("Not pregnant"), "2026-02-20")
        .pregnancyStatus(snomed("77386006"), "2026-02-25")
        .bundleJson()).facts();
    assertThat(facts.codedObservations()).hasSize(2);
    assertThat(facts.codedObservations().get(0).measure()).isEqualTo("pregnancy-status");
    assertThat(facts.codedObservations().get(0).valueConcepts()).containsExactly("not-pregnant");
    assertThat(facts.codedObservations().get(1).valueConcepts()).containsExactly("pregnant");
  }

  @Test
  void aNegativeUrinePregnancyTestIsNotPregnantAndAPositiveOnePregnant() {
    var urineHcg = loinc("2106-3");
    PatientFacts facts = read(adult()
        .coded(urineHcg, loinc("LA6577-6").display("Negative"), "2026-02-20")
        .coded(urineHcg, snomed("260385009"), "2026-02-21")
        .coded(urineHcg, loinc("LA6576-8").display("Positive"), "2026-02-22")
        .bundleJson()).facts();
    assertThat(facts.codedObservations()).hasSize(3).allSatisfy(o ->
        assertThat(o.measure()).isEqualTo("pregnancy-status"));
    assertThat(facts.codedObservations().get(0).valueConcepts()).containsExactly("not-pregnant");
    assertThat(facts.codedObservations().get(1).valueConcepts()).containsExactly("not-pregnant");
    assertThat(facts.codedObservations().get(2).valueConcepts()).containsExactly("pregnant");
  }

  @Test
  void anEntryAboutADiseaseButNotADiagnosisOfItIsKeptUnconfirmed() {
    PatientFacts facts = read(adult()
        .condition(icd10("Z11.4"), "Encounter for screening for human immunodeficiency virus [HIV]", "2026-01-05")
        .condition(text("Hepatitis B immune due to vaccination (anti-HBs positive)"),
            "Hepatitis B immune due to vaccination (anti-HBs positive)", "2026-01-05")
        .condition(text("HIV negative"), "HIV negative", "2026-01-05")
        .bundleJson()).facts();
    assertThat(facts.conditions().get(0).concepts()).contains("hiv-infection");
    assertThat(facts.conditions().get(0).confirmed()).isFalse();
    assertThat(facts.conditions().get(1).concepts()).contains("hepatitis-b");
    assertThat(facts.conditions().get(1).confirmed()).isFalse();
    assertThat(facts.conditions().get(2).concepts()).contains("hiv-infection");
    assertThat(facts.conditions().get(2).confirmed()).isFalse();
  }

  @Test
  void anAbbreviationAmongOtherWordsMayMeanSomethingElseAndSettlesNothing() {
    PatientFacts facts = read(adult()
        .condition(text("PE tubes in place"), "PE tubes in place", "2026-01-05")
        .condition(text("CVA tenderness"), "CVA tenderness", "2026-01-05")
        .condition(text("History of PE"), "History of PE", "2026-01-05")
        .condition(text("PE"), "PE", "2026-01-05")
        .condition(text("Pulmonary embolism, right lower lobe"), "Pulmonary embolism, right lower lobe", "2026-01-05")
        .bundleJson()).facts();
    // "PE tubes" names no pulmonary embolism at all (a tube the next word makes of the abbreviation: DECISIONS §28)
    assertThat(facts.conditions().get(0).concepts()).isEmpty();
    assertThat(facts.conditions().subList(1, 5)).extracting(c -> c.confirmed()).containsExactly(false, true, true, true);
    assertThat(facts.conditions().get(1).concepts()).isNotEmpty();
  }

  @Test
  void aValueGivenAsABoundIsKeptAsABoundInTheCanonicalUnit() {
    PatientReadResult result = read(adult()
        .lab("creatinine", 30, "umol/L", "2026-01-10").with(o -> ((com.fasterxml.jackson.databind.node.ObjectNode)
            o.get("valueQuantity")).put("comparator", "<"))
        .lab("platelets", 40, "10*9/L", "2026-01-10")
        .bundleJson());
    assertThat(result.facts().measurements()).extracting(Measurement::measure)
        .containsExactly("creatinine", "platelets");
    Measurement creatinine = result.facts().measurements().getFirst();
    assertThat(creatinine.bound()).isEqualTo(org.eligo.core.patient.ValueBound.BELOW);
    assertThat(creatinine.value()).isCloseTo(30 / 88.42, within(0.001)); // mg/dL, as an exact value would be
    assertThat(creatinine.unit()).isEqualTo("mg/dL");
    assertThat(creatinine.original()).isEqualTo("<30 umol/L");
    assertThat(result.facts().measurements().get(1).exact()).isTrue();
    assertThat(result.diagnostics()).anySatisfy(d -> {
      assertThat(d.location()).endsWith(".valueQuantity.comparator");
      assertThat(d.severity()).isEqualTo(Severity.INFO);
      assertThat(d.message()).contains("'<30'", "bound");
    });
    assertThat(result.diagnostics()).noneMatch(d -> d.severity() == Severity.ERROR);
  }

  @Test
  void aReportedEgfrGivenAsABoundStandsAndNothingIsEstimatedBesideIt() {
    // US laboratories often report "eGFR >60": the laboratory's figure stands, so a creatinine-based estimate (here
    // 59 for this woman of 75 would fail "eGFR ≥ 60") is not made beside it
    PatientFacts facts = read(FhirPatientBuilder.patient("p1").born("1950-06-01").female()
        .lab("creatinine", 88.4, "umol/L", "2026-01-10")
        .lab("egfr", 60, "mL/min/{1.73_m2}", "2026-01-10").with(o -> ((com.fasterxml.jackson.databind.node.ObjectNode)
            o.get("valueQuantity")).put("comparator", ">"))
        .bundleJson()).facts();
    assertThat(facts.measurements()).extracting(Measurement::measure).containsExactly("creatinine", "egfr");
    assertThat(facts.measurements().get(1).bound()).isEqualTo(org.eligo.core.patient.ValueBound.ABOVE);
    assertThat(org.eligo.core.patient.KidneyFunctionEstimates.of(facts)).isEmpty();
  }

  @Test
  void anEntryThatCannotBeReadKeepsDiagnosisAndDrugCriteriaOpen() {
    PatientFacts facts = read(adult()
        .rawResource("{\"resourceType\":\"Condtion\",\"id\":\"c-aa\",\"code\":{\"text\":\"Aplastic anemia\"}}")
        .rawResource("{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"code\":[]}")
        .rawResource("{\"resourceType\":\"MedicationStatment\",\"id\":\"m1\"}")
        .rawResource("{\"resourceType\":\"Procedur\",\"id\":\"pr1\"}")
        .bundleJson()).facts();
    assertThat(facts.procedures()).singleElement().satisfies(p ->
        assertThat(Unidentified.marks(p.concepts())).isTrue());
    assertThat(facts.immunizations()).isEmpty();
    assertThat(facts.conditions()).singleElement().satisfies(c -> {
      assertThat(Unidentified.marks(c.concepts())).isTrue();
      assertThat(c.text()).contains("Condtion", "could not be read");
    });
    assertThat(facts.medications()).singleElement().satisfies(m ->
        assertThat(Unidentified.marks(m.concepts())).isTrue());
  }

  @Test
  void doubtedOutgrownOrDeniedAllergiesAndIntolerancesAreNotCounted() {
    com.fasterxml.jackson.databind.node.ObjectNode unconfirmed = new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode();
    unconfirmed.putObject("verificationStatus").putArray("coding").addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification")
        .put("code", "unconfirmed");
    com.fasterxml.jackson.databind.node.ObjectNode resolved = new com.fasterxml.jackson.databind.ObjectMapper()
        .createObjectNode();
    resolved.putObject("clinicalStatus").putArray("coding").addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical").put("code", "resolved");
    PatientReadResult result = read(adult()
        .allergy(rxnorm("35302"), "sirolimus", null).with(a -> a.setAll(unconfirmed))
        .allergy(rxnorm("35302"), "sirolimus", null).with(a -> a.setAll(resolved))
        .allergy(rxnorm("35302"), "sirolimus", null).with(a -> a.put("type", "intolerance"))
        .allergy(text("No allergy to sirolimus"), "No allergy to sirolimus", null)
        .allergy(text("Possible sirolimus allergy"), "Possible sirolimus allergy", null)
        .allergy(rxnorm("35302"), "sirolimus", null)
        .allergy(rxnorm("35302"), "sirolimus", null).with(a -> a.remove("verificationStatus"))
        .bundleJson());
    assertThat(result.facts().allergies()).hasSize(2).allSatisfy(a -> assertThat(a.concepts())
        .contains("sirolimus"));
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    assertThat(result.diagnostics(Severity.INFO)).hasSizeGreaterThanOrEqualTo(5);
  }

  @Test
  void siblingLoincCodesOfTheLiverEnzymesAreRead() {
    PatientFacts facts = read(adult()
        .lab(loinc("76625-3"), 30, "U/L", "2026-01-10").lab(loinc("1743-4"), 31, "U/L", "2026-01-10")
        .lab(loinc("30239-8"), 32, "U/L", "2026-01-10").lab(loinc("88112-8"), 33, "U/L", "2026-01-10")
        .bundleJson()).facts();
    assertThat(facts.measurements()).extracting(Measurement::measure).containsExactly("alt", "alt", "ast", "ast");
  }

  @Test
  void enteredInErrorObservationIsSkipped() {
    PatientReadResult result = read(adult().lab("anc", 0.4, "10*9/L", "2026-01-10").status("entered-in-error")
        .bundleJson());
    assertThat(result.facts().measurements()).isEmpty();
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.INFO);
      assertThat(d.location()).isEqualTo("Observation/observation-1.status");
    });
  }

  @Test
  void conditionByIcd10CodeWithStatusAndOnset() {
    ConditionFact c = read(adult().condition(icd10("D61.9"), "Aplastic anemia", "2025-11-02").bundleJson())
        .facts().conditions().getFirst();
    assertThat(c.concepts()).contains("aplastic-anemia");
    assertThat(c.status()).isEqualTo(ClinicalStatus.ACTIVE);
    assertThat(c.onset()).isEqualTo(LocalDate.of(2025, 11, 2));
    assertThat(c.abatement()).isNull();
  }

  @Test
  void congenitalFormCarriesItsClasses() {
    ConditionFact c = read(adult().condition(icd10("D61.03"), null, null).bundleJson()).facts().conditions()
        .getFirst();
    assertThat(c.concepts()).contains("fanconi-anemia", "congenital-aplastic-anemia", "aplastic-anemia");
  }

  @Test
  void textOnlyConditionIsMatchedByName() {
    ConditionFact c = read(adult().condition(text("Fanconi anaemia"), null, "2010").bundleJson()).facts()
        .conditions().getFirst();
    assertThat(c.concepts()).contains("fanconi-anemia");
    assertThat(c.onset()).isEqualTo(LocalDate.of(2010, 1, 1));
  }

  @Test
  void aConditionCodedOnlyWithAnUnknownCodeIsUnidentifiedAndNamedByItsCode() {
    PatientReadResult result = read(adult().condition(snomed("999999001"), null, "2024-01-01").bundleJson());
    ConditionFact c = result.facts().conditions().getFirst();
    assertThat(c.concepts()).containsExactly(Unidentified.CONCEPT);
    assertThat(c.text()).isEqualTo("SNOMED CT 999999001");
    assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.toString())
        .contains("Eligo does not know SNOMED CT 999999001").contains("stay open"));
  }

  @Test
  void anUnknownCodeWithANameIsReadByItsNameNotUnidentified() {
    ConditionFact named = read(adult().condition(snomed("999999001").display("Hypertensive disorder"), null, null)
        .bundleJson()).facts().conditions().getFirst();
    assertThat(named.concepts()).isEmpty();
    ConditionFact byName = read(adult().condition(snomed("999999001"), "Idiopathic aplastic anaemia", null)
        .bundleJson()).facts().conditions().getFirst();
    assertThat(byName.concepts()).contains("aplastic-anemia").doesNotContain(Unidentified.CONCEPT);
  }

  @Test
  void aMedicationCodedOnlyWithAnUnknownCodeIsUnidentified() {
    MedicationExposure m = read(adult().medication(rxnorm("999999002"), null, "2025-01-01", null, "active")
        .bundleJson()).facts().medications().getFirst();
    assertThat(m.concepts()).containsExactly(Unidentified.CONCEPT);
    assertThat(m.text()).isEqualTo("RxNorm 999999002");
  }

  @Test
  void aCodeWithoutSystemIsUnidentifiedAndNotReadAsADenial() {
    ConditionFact c = read(adult().rawResource("""
        {"resourceType": "Condition", "id": "c-nosystem", "subject": {"reference": "Patient/p1"},
         "code": {"coding": [{"code": "D61.9"}]}, "onsetDateTime": "2024-01-01"}""").bundleJson()).facts()
        .conditions().getFirst();
    assertThat(c.concepts()).containsExactly(Unidentified.CONCEPT);
    assertThat(c.text()).isEqualTo("D61.9 (no code system)");
  }

  @Test
  void aConditionWithoutAnyCodeOrNameIsUnidentified() {
    PatientReadResult result = read(adult().rawResource("""
        {"resourceType": "Condition", "id": "c-empty", "subject": {"reference": "Patient/p1"},
         "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical",
                                        "code": "active"}]}}""").bundleJson());
    assertThat(result.facts().conditions().getFirst().concepts()).containsExactly(Unidentified.CONCEPT);
    assertThat(result.diagnostics()).anySatisfy(d -> assertThat(d.toString()).contains("stay open"));
  }

  @Test
  void aMedicationKnownOnlyByUnknownIngredientCodesOrByADanglingReferenceIsUnidentified() {
    String ingredientOnly = """
        {"resourceType": "MedicationStatement", "id": "ms-ing", "status": "active",
         "contained": [{"resourceType": "Medication", "id": "med1", "ingredient": [{"itemCodeableConcept":
            {"coding": [{"system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "999999003"}]}}]}],
         "medicationReference": {"reference": "#med1"}, "subject": {"reference": "Patient/p1"},
         "effectiveDateTime": "2026-01-01"}""";
    String dangling = """
        {"resourceType": "MedicationStatement", "id": "ms-dangling", "status": "active",
         "medicationReference": {"reference": "Medication/abc"}, "subject": {"reference": "Patient/p1"},
         "effectiveDateTime": "2026-01-01"}""";
    List<MedicationExposure> ms = read(adult().rawResource(ingredientOnly).rawResource(dangling).bundleJson()).facts()
        .medications();
    assertThat(ms).extracting(MedicationExposure::concepts).containsOnly(Set.of(Unidentified.CONCEPT));
    assertThat(ms).extracting(MedicationExposure::text)
        .containsExactly("RxNorm 999999003", "Medication/abc (not in the record)");
  }

  @Test
  void aHistoryOfEntryKeepsTheDiagnosisButNotItsRecordedDateOrActiveStatus() {
    ConditionFact c = read(adult().condition(icd10("Z85.3").display("Personal history of malignant neoplasm of breast"),
        "History of left breast cancer, s/p lumpectomy + RT 2012", "2024-02-10").bundleJson()).facts().conditions()
        .getFirst();
    assertThat(c.concepts()).contains("malignancy");
    assertThat(c.onset()).as("2024-02-10 is when the entry was made").isNull();
    assertThat(c.status()).as("an active entry: the history stands, not the cancer").isEqualTo(ClinicalStatus.UNKNOWN);
  }

  @Test
  void aCreamAnInhalerOrALineFlushIsLocalUse() {
    String inhaled = """
        {"resourceType": "MedicationStatement", "id": "ms-inh", "status": "active",
         "medicationCodeableConcept": {"text": "fluticasone 110 mcg"}, "subject": {"reference": "Patient/p1"},
         "effectiveDateTime": "2026-01-01", "dosage": [{"route": {"text": "Inhalation"}}]}""";
    List<MedicationExposure> ms = read(adult()
        .medication(text("hydrocortisone 1 % topical cream"), null, "2026-01-01", null, "active")
        .medicationRequest(text("heparin lock flush 100 unit/mL (PICC line maintenance)"), null, "2026-01-01", null,
            "active")
        .rawResource(inhaled)
        .medication(text("prednisone 20 mg oral tablet"), null, "2026-01-01", null, "active").bundleJson()).facts()
        .medications();
    assertThat(ms).extracting(MedicationExposure::local).containsExactly(true, true, true, false);
    assertThat(ms.get(0).concepts()).contains("corticosteroid");
  }

  @Test
  void aReferencedMedicationsFormTellsLocalUseButInstructionsDoNot() {
    String cream = """
        {"resourceType": "MedicationStatement", "id": "ms-cream", "status": "active",
         "contained": [{"resourceType": "Medication", "id": "m1", "code": {"text": "hydrocortisone 1 %"},
                        "form": {"text": "Cream"}}],
         "medicationReference": {"reference": "#m1"}, "subject": {"reference": "Patient/p1"},
         "effectiveDateTime": "2026-01-01"}""";
    String oral = """
        {"resourceType": "MedicationStatement", "id": "ms-apixaban", "status": "active",
         "medicationCodeableConcept": {"text": "apixaban 5 mg tablet"}, "subject": {"reference": "Patient/p1"},
         "effectiveDateTime": "2026-01-01",
         "dosage": [{"text": "Take 1 tablet by mouth twice daily. Call if bleeding from the nose or gums."}]}""";
    List<MedicationExposure> ms = read(adult().rawResource(cream).rawResource(oral).bundleJson()).facts()
        .medications();
    assertThat(ms).extracting(MedicationExposure::local).containsExactly(true, false);
  }

  @Test
  void aBirthYearAloneIsReadAsTheWholeYear() {
    PatientFacts facts = read(adult().born("2011").bundleJson()).facts();
    assertThat(facts.birthDate()).isEqualTo(LocalDate.of(2011, 1, 1));
    assertThat(facts.birthDateLatest()).isEqualTo(LocalDate.of(2011, 12, 31));
    assertThat(facts.birthDateImprecise()).isTrue();
    PatientFacts month = read(adult().born("2011-02").bundleJson()).facts();
    assertThat(month.birthDateLatest()).isEqualTo(LocalDate.of(2011, 2, 28));
  }

  @Test
  void aDiagnosisTheTextDeniesOrGivesToARelativeNamesNoConcept() {
    for (String text : new String[] {"No evidence of MDS on marrow biopsy", "MDS ruled out",
        "Family history of acute myeloid leukemia"}) {
      ConditionFact c = read(adult().condition(text(text), null, null).bundleJson()).facts().conditions().getFirst();
      assertThat(c.concepts()).as(text).isEmpty();
    }
    ConditionFact mds = read(adult().condition(text("MDS without ring sideroblasts"), null, null).bundleJson())
        .facts().conditions().getFirst();
    assertThat(mds.concepts()).as("words inside the entry do not deny it").isNotEmpty();
    assertThat(mds.confirmed()).isTrue();
  }

  @Test
  void aSuspectedOrProvisionalDiagnosisIsKeptAsNotConfirmed() {
    for (String text : new String[] {"Suspected MDS", "rule out MDS", "Possible myelodysplastic syndrome"}) {
      ConditionFact c = read(adult().condition(text(text), null, null).bundleJson()).facts().conditions().getFirst();
      assertThat(c.concepts()).as(text).isNotEmpty();
      assertThat(c.confirmed()).as(text).isFalse();
    }
    ConditionFact provisional = read(adult().condition(icd10("D46.9"), "Myelodysplastic syndrome", null)
        .verificationStatus("provisional").bundleJson()).facts().conditions().getFirst();
    assertThat(provisional.concepts()).isNotEmpty();
    assertThat(provisional.confirmed()).isFalse();
  }

  @Test
  void resolvedConditionWithAbatementAndAgeOnset() {
    PatientReadResult result = read(adult().condition(icd10("D69.3"), "ITP", null)
        .with(c -> c.putObject("onsetAge").put("value", 30).put("unit", "years").put("system",
            "http://unitsofmeasure.org").put("code", "a"))
        .clinicalStatus("resolved").abated("2023-06-30").bundleJson());
    ConditionFact c = result.facts().conditions().getFirst();
    assertThat(c.concepts()).contains("immune-thrombocytopenia");
    assertThat(c.status()).isEqualTo(ClinicalStatus.RESOLVED);
    assertThat(c.onset()).isEqualTo(LocalDate.of(2020, 4, 12));
    assertThat(c.abatement()).isEqualTo(LocalDate.of(2023, 6, 30));
  }

  @Test
  void abatementPeriodGivesItsEndAndAbatementAgeIsDerived() {
    PatientFacts facts = read(adult()
        .condition(icd10("D69.3"), null, "2020-01-01").clinicalStatus("resolved")
        .with(c -> c.putObject("abatementPeriod").put("start", "2021-01-01").put("end", "2021-03-01"))
        .condition(icd10("D59.10"), null, "2019-01-01").clinicalStatus("remission")
        .with(c -> c.putObject("abatementAge").put("value", 31).put("code", "a").put("system",
            "http://unitsofmeasure.org"))
        .bundleJson()).facts();
    assertThat(facts.conditions()).extracting(ConditionFact::abatement)
        .containsExactly(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 4, 12));
  }

  @Test
  void refutedConditionIsSkippedWithAReason() {
    PatientReadResult result = read(adult().condition(icd10("D61.9"), null, "2025-01-01")
        .verificationStatus("refuted").bundleJson());
    assertThat(result.facts().conditions()).isEmpty();
    assertThat(result.diagnostics()).singleElement()
        .satisfies(d -> assertThat(d.message()).contains("refuted"));
  }

  @Test
  void medicationByRxNormCarriesItsDrugClass() {
    MedicationExposure m = read(adult().medication(rxnorm("845507"), "everolimus", "2025-01-01", "2025-06-01",
        "completed").bundleJson()).facts().medications().getFirst();
    assertThat(m.concepts()).contains("everolimus", "mtor-inhibitor");
    assertThat(m.status()).isEqualTo(ExposureStatus.COMPLETED);
    assertThat(m.start()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(m.end()).isEqualTo(LocalDate.of(2025, 6, 1));
  }

  @Test
  void brandNameOnlyIsMatchedThroughTheTerminology() {
    MedicationExposure m = read(adult().medication(text("Rapamune 1 mg tablet"), null, "2024-02-01", null, "active")
        .bundleJson()).facts().medications().getFirst();
    assertThat(m.concepts()).contains("sirolimus", "mtor-inhibitor");
    assertThat(m.status()).isEqualTo(ExposureStatus.ACTIVE);
  }

  @Test
  void medicationStatusesMapToExposureStatuses() {
    PatientReadResult result = read(adult()
        .medication(rxnorm("845507"), null, "2026-01-01", null, "on-hold")
        .medication(rxnorm("845507"), null, "2026-01-01", null, "stopped")
        .medication(rxnorm("845507"), null, "2026-04-01", null, "intended")
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", "2026-06-01", "draft")
        .medication(rxnorm("845507"), null, "2026-01-01", null, "entered-in-error")
        .medication(rxnorm("845507"), null, "2026-01-01", null, "unknown")
        .bundleJson());
    // on-hold is a pause: whether it is taken now is asked, never assumed (current use would exclude)
    assertThat(result.facts().medications()).extracting(MedicationExposure::status).containsExactly(
        ExposureStatus.UNKNOWN, ExposureStatus.COMPLETED, ExposureStatus.INTENDED, ExposureStatus.INTENDED,
        ExposureStatus.UNKNOWN);
    assertThat(result.diagnostics(Severity.INFO)).anySatisfy(d -> assertThat(d.location())
        .isEqualTo("MedicationStatement/medicationstatement-4.status"));
  }

  @Test
  void aRequestThatOnlyProposesOrPlansADrugIsNotTaken() {
    PatientFacts facts = read(adult()
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").with(r -> r.put("intent", "proposal"))
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").with(r -> r.put("intent", "plan"))
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").with(r -> r.put("intent", "option"))
        .medicationRequest(rxnorm("845507"), null, "2026-01-01", null, "active").with(r -> r.put("intent", "order"))
        .bundleJson()).facts();
    assertThat(facts.medications()).extracting(MedicationExposure::status).containsExactly(ExposureStatus.INTENDED,
        ExposureStatus.INTENDED, ExposureStatus.INTENDED, ExposureStatus.ACTIVE);
  }

  @Test
  void medicationRequestUsesBoundsPeriodElseAuthoredOn() {
    PatientFacts facts = read(adult()
        .medicationRequest(rxnorm("845507"), null, "2025-10-01", "2026-04-01", "active")
        .medicationRequest(rxnorm("845507"), null, null, null, "completed")
        .with(r -> r.put("authoredOn", "2025-09-15"))
        .bundleJson()).facts();
    assertThat(facts.medications()).extracting(MedicationExposure::start, MedicationExposure::end)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 4, 1)),
            org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 9, 15), null));
  }

  @Test
  void aDispenseIsTakenWhileItsSupplyLastsAndDatesNoStartOfTreatment() {
    PatientFacts facts = read(adult()
        .medicationAdministration(rxnorm("241834"), "Neoral 100 mg capsule", "2026-01-01", "completed")
        .with(d -> {
          d.put("resourceType", "MedicationDispense").remove("effectiveDateTime");
          d.put("whenHandedOver", Readers.AS_OF.minusDays(10).toString());
          d.putObject("daysSupply").put("value", 30).put("unit", "days").put("system", "http://unitsofmeasure.org")
              .put("code", "d");
        })
        .medicationAdministration(rxnorm("241834"), "Neoral 100 mg capsule", "2026-01-10", "completed")
        .with(d -> d.put("resourceType", "MedicationDispense").put("whenHandedOver", "2025-01-10")
            .remove("effectiveDateTime"))
        .medicationAdministration(rxnorm("241834"), "Neoral 100 mg capsule", "2026-01-10", "cancelled")
        .with(d -> d.put("resourceType", "MedicationDispense").remove("effectiveDateTime"))
        .medicationAdministration(rxnorm("241834"), "Neoral 100 mg capsule", "2026-01-10", "completed")
        .with(d -> {
          d.put("resourceType", "MedicationDispense").remove("effectiveDateTime");
          d.put("whenHandedOver", Readers.AS_OF.plusDays(100).toString());
          d.putObject("daysSupply").put("value", 30).put("code", "d");
        })
        .bundleJson()).facts();
    assertThat(facts.medications()).hasSize(3);
    assertThat(facts.medications().get(2).status()).as("handed over after the as-of date")
        .isEqualTo(ExposureStatus.INTENDED);
    MedicationExposure supplied = facts.medications().get(0);
    assertThat(supplied.concepts()).contains("cyclosporine");
    assertThat(supplied.start()).isNull();
    assertThat(supplied.end()).isEqualTo(Readers.AS_OF.plusDays(19));
    assertThat(supplied.status()).isEqualTo(ExposureStatus.ACTIVE);
    assertThat(facts.medications().get(1).start()).isNull();
    assertThat(facts.medications().get(1).end()).isNull();
    assertThat(facts.medications().get(1).status()).isEqualTo(ExposureStatus.UNKNOWN);
  }

  @Test
  void medicationAdministrationIsOneDay() {
    MedicationExposure m = read(adult().medicationAdministration(rxnorm("845507"), null, "2026-02-01", "completed")
        .bundleJson()).facts().medications().getFirst();
    assertThat(m.start()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(m.end()).isEqualTo(LocalDate.of(2026, 2, 1));
    assertThat(m.status()).isEqualTo(ExposureStatus.COMPLETED);
  }

  @Test
  void medicationReferenceToContainedAndToBundledMedication() {
    String contained = """
        {"resourceType": "MedicationStatement", "id": "ms-contained", "status": "active",
         "contained": [{"resourceType": "Medication", "id": "med1",
                        "code": {"coding": [{"system": "http://www.whocc.no/atc", "code": "L04AA10"}]}}],
         "medicationReference": {"reference": "#med1"}, "subject": {"reference": "Patient/p1"},
         "effectiveDateTime": "2025-05-01"}""";
    String bundled = """
        {"resourceType": "Medication", "id": "med-cyc", "code": {"text": "Neoral 25 mg capsule"}}""";
    String referring = """
        {"resourceType": "MedicationRequest", "id": "mr-1", "status": "active", "intent": "order",
         "medicationReference": {"reference": "Medication/med-cyc"}, "subject": {"reference": "Patient/p1"},
         "authoredOn": "2026-01-02"}""";
    PatientReadResult result = read(adult().rawResource(contained).rawResource(bundled).rawResource(referring)
        .bundleJson());
    assertThat(result.facts().medications()).hasSize(2);
    assertThat(result.facts().medications().get(0).concepts()).contains("sirolimus", "mtor-inhibitor");
    assertThat(result.facts().medications().get(1).concepts()).contains("cyclosporine", "calcineurin-inhibitor");
    assertThat(result.diagnostics(Severity.ERROR)).isEmpty();
    assertThat(result.diagnostics(Severity.WARNING)).isEmpty();
  }

  @Test
  void transfusionProcedureMapsToTheTransfusionConcept() {
    PatientFacts facts = read(adult().procedure(text("Platelet transfusion"), null, "2026-02-10").bundleJson())
        .facts();
    assertThat(facts.procedures().getFirst().concepts()).contains("platelet-transfusion", "transfusion");
    assertThat(facts.procedures().getFirst().date()).isEqualTo(LocalDate.of(2026, 2, 10));
  }

  @Test
  void allergyWithAnaphylacticReaction() {
    PatientFacts facts = read(adult()
        .allergy(text("Thymoglobulin"), null, text("Anaphylaxis"))
        .allergy(text("cyclosporine"), null, text("rash"))
        .allergy(text("eltrombopag"), null, null).verificationStatus("refuted")
        .bundleJson()).facts();
    assertThat(facts.allergies()).hasSize(2);
    assertThat(facts.allergies().get(0).anaphylaxis()).isTrue();
    assertThat(facts.allergies().get(1).anaphylaxis()).isFalse();
    assertThat(facts.allergies().get(1).concepts()).contains("cyclosporine");
  }

  @Test
  void immunizationByCvxCarriesLiveVaccineClass() {
    PatientReadResult result = read(adult().immunization(cvx("03"), "2025-12-01")
        .immunization(cvx("03"), "2026-01-01").status("not-done").bundleJson());
    assertThat(result.facts().immunizations()).singleElement().satisfies(i -> {
      assertThat(i.concepts()).contains("mmr-vaccine", "live-vaccine");
      assertThat(i.date()).isEqualTo(LocalDate.of(2025, 12, 1));
    });
  }

  @Test
  void unusedResourceTypesAreCountedOnce() {
    PatientReadResult result = read(adult()
        .rawResource("{\"resourceType\": \"Encounter\", \"id\": \"e1\", \"status\": \"finished\"}")
        .rawResource("{\"resourceType\": \"Encounter\", \"id\": \"e2\", \"status\": \"finished\"}").bundleJson());
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.INFO);
      assertThat(d.message()).contains("2 Encounter resources");
    });
  }

  private static Measurement only(PatientFacts facts) {
    assertThat(facts.measurements()).hasSize(1);
    return facts.measurements().getFirst();
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode codeable(org.eligo.fhir.testkit.Code code) {
    var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
    node.putArray("coding").addObject().put("system", code.system()).put("code", code.code());
    return node;
  }
}
