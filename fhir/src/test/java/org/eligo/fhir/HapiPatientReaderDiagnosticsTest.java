package org.eligo.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eligo.fhir.Readers.AS_OF;
import static org.eligo.fhir.Readers.READER;
import static org.eligo.fhir.Readers.read;
import static org.eligo.fhir.testkit.Code.icd10;
import static org.eligo.fhir.testkit.Code.rxnorm;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.eligo.core.patient.Sex;
import org.eligo.fhir.FhirDiagnostic.Severity;
import org.eligo.fhir.testkit.FhirPatientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gives a located diagnostic while everything else in the record is still read. */
class HapiPatientReaderDiagnosticsTest {

  /** A record with one good result and one good condition, to which each test adds a bad resource. */
  private static FhirPatientBuilder goodRecord() {
    return FhirPatientBuilder.patient("p1").born("1990-04-12").female()
        .lab("anc", 1.5, "10*9/L", "2026-01-10").id("anc-good")
        .condition(icd10("D61.9"), "Aplastic anemia", "2025-11-02");
  }

  private static void assertGoodFactsRead(PatientReadResult result) {
    assertThat(result.facts().measurements()).anySatisfy(m -> assertThat(m.source().id()).isEqualTo("anc-good"));
    assertThat(result.facts().conditions()).hasSize(1);
    assertThat(result.facts().birthDate()).isEqualTo(LocalDate.of(1990, 4, 12));
  }

  private static FhirDiagnostic onlyError(PatientReadResult result) {
    assertThat(result.diagnostics(Severity.ERROR)).hasSize(1);
    return result.diagnostics(Severity.ERROR).getFirst();
  }

  @Test
  void notJsonNamesTheLineAndColumn() {
    String json = "{\n  \"resourceType\": \"Bundle\",\n  \"entry\": [ }\n}";
    assertThatThrownBy(() -> read(json)).isInstanceOf(UnusableFhirInputException.class)
        .hasMessageContaining("not valid JSON at line 3, column 14");
  }

  @Test
  void aByteOrderMarkBeforeTheJsonIsAccepted() {
    PatientReadResult result = read("\uFEFF" + goodRecord().bundleJson());
    assertGoodFactsRead(result);
  }

  @Test
  void entriesThatAreNotAnArrayMakeTheRecordUnusable() {
    assertThatThrownBy(() -> read("{\"resourceType\": \"Bundle\", \"entry\": {\"resource\": {}}}"))
        .isInstanceOf(UnusableFhirInputException.class).hasMessageContaining("entry")
        .hasMessageContaining("not a JSON array");
  }

  @Test
  void truncatedJsonSaysItEndsEarly() {
    assertThatThrownBy(() -> read("{\"resourceType\": \"Bundle\", \"entry\": [")).isInstanceOf(
        UnusableFhirInputException.class).hasMessageContaining("line 1").hasMessageContaining("ends");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "[1, 2]", "\"Bundle\"", "{\"entry\": []}", "{\"resourceType\": \"Bundel\"}"})
  void inputWithNothingReadableIsUnusable(String input) {
    assertThatThrownBy(() -> read(input)).isInstanceOf(UnusableFhirInputException.class)
        .satisfies(e -> assertThat(((UnusableFhirInputException) e).diagnostics()).singleElement()
            .extracting(FhirDiagnostic::severity).isEqualTo(Severity.ERROR));
  }

  @Test
  void oversizedInputIsRejectedWithTheLimit() {
    HapiPatientReader small = new HapiPatientReader(TerminologyAdapter.bundled(), 1000);
    String json = goodRecord().bundleJson();
    assertThat(json.length()).isGreaterThan(1000);
    assertThatThrownBy(() -> small.read(json, AS_OF)).hasMessageContaining("larger than the limit of 1000 bytes");
    assertThatThrownBy(() -> small.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), AS_OF))
        .hasMessageContaining("larger than the limit of 1000 bytes");
  }

  @Test
  void streamInputReadsTheSameAsText() {
    String json = goodRecord().bundleJson();
    PatientReadResult fromStream = READER.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), AS_OF);
    assertThat(fromStream).isEqualTo(read(json));
  }

  @Test
  void barePatientIsReadAsAOneResourceRecordWithAWarning() {
    PatientReadResult result = read(FhirPatientBuilder.patient("p9").born("2001-02-03").male().patientJson());
    assertThat(result.facts().id()).isEqualTo("p9");
    assertThat(result.facts().sex()).isEqualTo(Sex.MALE);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("single Patient, not a Bundle");
    });
  }

  @Test
  void unknownResourceTypeInAnEntryIsSkipped() {
    PatientReadResult result = read(goodRecord()
        .rawResource("{\"resourceType\": \"Observaton\", \"id\": \"typo-1\"}").bundleJson());
    FhirDiagnostic d = onlyError(result);
    assertThat(d.entryIndex()).isEqualTo(3);
    assertThat(d.message()).contains("is not a FHIR R4 resource type (did you mean Observation?)").doesNotContain("Observaton");
    assertGoodFactsRead(result);
  }

  @Test
  void wrongJsonTypeInAResourceIsLocatedAndTheResultDropped() {
    PatientReadResult result = read(goodRecord().lab("platelets", 20, "10*9/L", "2026-01-10").id("plt-1")
        .with(o -> o.put("valueQuantity", "twenty")).bundleJson());
    assertThat(result.diagnostics(Severity.ERROR)).anySatisfy(d -> {
      assertThat(d.resource()).isEqualTo("Observation/plt-1");
      assertThat(d.path()).contains("valueQuantity");
    });
    assertThat(result.facts().measurements()).hasSize(1);
    assertGoodFactsRead(result);
  }

  @Test
  void entryWithoutResourceIsReported() {
    PatientReadResult result = read(goodRecord().bundleJson().replaceFirst("\"entry\" : \\[",
        "\"entry\" : [ {\"fullUrl\": \"urn:x\"},"));
    assertThat(result.diagnostics(Severity.WARNING)).anySatisfy(d -> {
      assertThat(d.entryIndex()).isZero();
      assertThat(d.path()).isEqualTo("entry[0].resource");
    });
    assertGoodFactsRead(result);
  }

  @Test
  void aResourceThatHapisParserFailsOnIsSkippedWithAnErrorAndTheRestIsRead() {
    // an extension written as nested arrays made HAPI's parser throw NullPointerException: the request failed whole
    PatientReadResult result = read(goodRecord().bundleJson().replaceFirst("\"entry\" : \\[",
        "\"entry\" : [ {\"resource\": {\"resourceType\": \"Condition\", \"id\": \"odd\","
            + " \"extension\": [[[1]]]}},"));
    assertThat(onlyError(result).message()).contains("could not be parsed as a FHIR R4 Condition")
        .contains("the entry is skipped");
    assertThat(result.facts().measurements()).anySatisfy(m -> assertThat(m.source().id()).isEqualTo("anc-good"));
    assertThat(result.facts().birthDate()).isEqualTo(LocalDate.of(1990, 4, 12));
    // the aplastic anemia is read; the unreadable condition stays as one the record holds but Eligo could not read
    assertThat(result.facts().conditions()).hasSize(2).anySatisfy(c -> assertThat(c.text()).isEqualTo("Aplastic anemia"))
        .anySatisfy(c -> assertThat(c.text()).contains("could not be read"));
  }

  @Test
  void quantityWithoutUnitIsAnError() {
    PatientReadResult result = read(goodRecord().lab("platelets", 20, null, "2026-01-10").id("plt-1").bundleJson());
    FhirDiagnostic d = onlyError(result);
    assertThat(d.location()).isEqualTo("Observation/plt-1.valueQuantity.unit");
    assertThat(d.message()).contains("no unit").contains("platelet count");
    assertGoodFactsRead(result);
  }

  @Test
  void incompatibleUnitNamesTheUnitAndTheMeasure() {
    PatientReadResult result = read(goodRecord().lab("platelets", 20, "mg/dL", "2026-01-10").id("plt-1")
        .bundleJson());
    FhirDiagnostic d = onlyError(result);
    assertThat(d.location()).isEqualTo("Observation/plt-1.valueQuantity.code");
    assertThat(d.message()).contains("'mg/dL'").containsIgnoringCase("platelet count");
    assertThat(d.entryIndex()).isEqualTo(3);
    assertGoodFactsRead(result);
  }

  @Test
  void unknownUnitIsAnError() {
    PatientReadResult result = read(goodRecord().lab("anc", 2, "bananas", "2026-01-10").id("anc-2").bundleJson());
    FhirDiagnostic d = onlyError(result);
    assertThat(d.location()).isEqualTo("Observation/anc-2.valueQuantity.unit");
    assertThat(d.message()).contains("neither UCUM nor a lab spelling").doesNotContain("bananas");
    assertGoodFactsRead(result);
  }

  @Test
  void negativeCountIsAnError() {
    PatientReadResult result = read(goodRecord().lab("platelets", -20, "10*9/L", "2026-01-10").id("plt-1")
        .bundleJson());
    FhirDiagnostic d = onlyError(result);
    assertThat(d.location()).isEqualTo("Observation/plt-1.valueQuantity.value");
    assertThat(d.message()).contains("cannot be negative");
    assertGoodFactsRead(result);
  }

  @Test
  void absurdValueOutsideThePlausibleRangeIsAnError() {
    PatientReadResult result = read(goodRecord().lab("anc", 5000, "10*9/L", "2026-01-10").id("anc-absurd")
        .ecog(7, "2026-01-10").id("ecog-7").bundleJson());
    assertThat(result.diagnostics(Severity.ERROR)).extracting(FhirDiagnostic::resource)
        .containsExactly("Observation/anc-absurd", "Observation/ecog-7");
    assertThat(result.diagnostics(Severity.ERROR)).allSatisfy(d -> assertThat(d.message()).contains("plausible"));
    assertThat(result.facts().measurements()).hasSize(1);
    assertGoodFactsRead(result);
  }

  @Test
  void datesAfterTheAsOfDateAreWarnedAbout() {
    PatientReadResult result = read(goodRecord().lab("anc", 0.3, "10*9/L", "2027-01-10").id("anc-future")
        .bundleJson());
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.location()).isEqualTo("Observation/anc-future.effectiveDateTime");
      assertThat(d.message()).contains("after the as-of date 2026-03-01");
    });
    assertGoodFactsRead(result);
  }

  @Test
  void futureBirthDateIsWarnedAboutWithoutQuotingIt() {
    PatientReadResult result = read(FhirPatientBuilder.patient("p1").born("2031-07-19").female().bundleJson());
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location()).isEqualTo("Patient/p1.birthDate");
      assertThat(d.message()).doesNotContain("2031");
    });
  }

  /** An undated result is an error; other measures are still read (its own measure's other results may not be: §90). */
  @Test
  void resultWithoutDateIsAnError() {
    PatientReadResult result = read(goodRecord().lab("platelets", 30, "10*9/L", null).id("plt-undated")
        .bundleJson());
    assertThat(onlyError(result).location()).isEqualTo("Observation/plt-undated.effective");
    assertGoodFactsRead(result);
  }

  @Test
  void morePatientsThanOneIsAnErrorNamingEach() {
    String json = goodRecord()
        .rawResource("{\"resourceType\": \"Patient\", \"id\": \"p2\", \"birthDate\": \"1950-01-01\"}")
        .rawResource("""
            {"resourceType": "Condition", "id": "other-1", "subject": {"reference": "Patient/p2"},
             "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "D69.3"}]}}""")
        .bundleJson();
    PatientReadResult result = read(json);
    List<FhirDiagnostic> errors = result.diagnostics(Severity.ERROR);
    assertThat(errors).hasSize(2);
    assertThat(errors.get(0).message()).contains("2 Patient resources", "Patient/p1 at entry 0",
        "Patient/p2 at entry 3");
    assertThat(errors.get(1).location()).isEqualTo("Condition/other-1.subject");
    assertThat(result.facts().id()).isEqualTo("p1");
    assertThat(result.facts().conditions()).hasSize(1);
    assertGoodFactsRead(result);
  }

  @Test
  void aGenderOutsideTheValueSetLeavesSexUnknownWithAWarningAndTheRestIsRead() {
    String json = goodRecord().bundleJson().replace("\"gender\" : \"female\"", "\"gender\" : \"banana\"");
    assertThat(json).contains("banana");
    PatientReadResult result = read(json);
    assertThat(result.facts().sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(result.diagnostics()).anySatisfy(d -> {
      assertThat(d.path()).contains("gender");
      assertThat(d.message()).contains("sex criteria stay unknown");
    });
    assertGoodFactsRead(result);
  }

  @Test
  void noPatientGivesUnknownDemographicsAndAWarning() {
    PatientReadResult result = read(FhirPatientBuilder.withoutPatient("p1")
        .medication(rxnorm("845507"), "everolimus", "2025-01-01", null, "active").bundleJson());
    assertThat(result.facts().birthDate()).isNull();
    assertThat(result.facts().sex()).isEqualTo(Sex.UNKNOWN);
    assertThat(result.facts().medications()).hasSize(1);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.message()).contains("no Patient");
    });
  }

  @Test
  void emptyBundleIsReadWithWarnings() {
    PatientReadResult result = read("{\"resourceType\": \"Bundle\", \"type\": \"collection\"}");
    assertThat(result.facts().measurements()).isEmpty();
    assertThat(result.diagnostics()).extracting(FhirDiagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("no entries"));
  }

  @Test
  void unknownElementIsAWarningAndTheResourceIsKept() {
    PatientReadResult result = read(goodRecord().lab("anc", 0.9, "10*9/L", "2026-01-11").id("anc-x")
        .with(o -> o.put("valueQuantityy", 3)).bundleJson());
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.resource()).isEqualTo("Observation/anc-x");
      assertThat(d.path()).contains("valueQuantityy");
    });
    assertThat(result.facts().measurements()).hasSize(2);
  }

  @Test
  void unknownCodeIsReportedAsInformation() {
    PatientReadResult result = read(goodRecord().condition(icd10("J45.909"), null, "2020-01-01").id("asthma")
        .bundleJson());
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.INFO);
      assertThat(d.location()).isEqualTo("Condition/asthma.code");
      assertThat(d.message()).contains("J45.909");
    });
    assertThat(result.facts().conditions()).hasSize(2);
  }
}
