package org.eligo.ctgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.ctgov.TestData;
import org.eligo.ctgov.json.Diagnostic.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StudyJsonReaderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final StudyJsonReader reader = new StudyJsonReader();

  /** A made-up study that fills every field the model covers. */
  static ObjectNode everyField() {
    try (InputStream in = StudyJsonReaderTest.class.getResourceAsStream("every-field.json")) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void everyModelledFieldSurvivesTheRoundTrip() {
    ObjectNode doc = everyField();

    ReadResult result = reader.read(doc);

    assertThat(result.diagnostics()).isEmpty();
    TestData.assertJsonEquals(new StudyJsonWriter().write(result.trialOrThrow()), doc);
  }

  @Test
  void readsTypedValues() {
    var trial = reader.read(everyField()).trialOrThrow();

    assertThat(trial.nctId()).isEqualTo("NCT00000123");
    assertThat(trial.overallStatus()).isEqualTo(RecruitmentStatus.RECRUITING);
    assertThat(trial.eligibility().minimum().toString()).isEqualTo("18 Years");
    assertThat(trial.contactsLocations().locations().getFirst().geoPoint().lat()).isEqualTo(42.35843);
    assertThat(trial.status().primaryCompletionDateStruct().date().isMonthOnly()).isTrue();
    assertThat(trial.sponsors().collaborators()).hasSize(2);
  }

  @Test
  void aYearOnlyDateIsValidApiV2AndKeptAtItsPrecision() {
    ObjectNode doc = everyField();
    ((ObjectNode) doc.at("/protocolSection/statusModule")).put("statusVerifiedDate", "2024");

    ReadResult result = reader.read(doc);

    assertThat(result.diagnostics()).isEmpty();
    var verified = result.trialOrThrow().status().statusVerifiedDate();
    assertThat(verified.isYearOnly()).isTrue();
    assertThat(verified.lastDay()).isEqualTo(java.time.LocalDate.of(2024, 12, 31));
    TestData.assertJsonEquals(new StudyJsonWriter().write(result.trialOrThrow()), doc);
  }

  @Test
  void unknownFieldsAreIgnoredWithoutDiagnostics() throws IOException {
    ObjectNode doc = everyField();
    ((ObjectNode) doc.at("/protocolSection/statusModule")).put("dispFirstSubmitDate", "2024-01-01");
    ((ObjectNode) doc.at("/protocolSection")).putObject("futureModule").put("anything", 1);
    doc.putObject("resultsSection").putObject("participantFlowModule").put("recruitmentDetails", "x");

    ReadResult result = reader.read(doc);

    assertThat(result.diagnostics()).isEmpty();
    TestData.assertJsonEquals(new StudyJsonWriter().write(result.trialOrThrow()), everyField());
  }

  /** One malformed record per case: the pointer is set to the value (or removed when the value is absent). */
  static Stream<Arguments> rejections() {
    return Stream.of(
        Arguments.of("misspelt status", "/protocolSection/statusModule/overallStatus", "\"RECRUTING\"",
            "$.protocolSection.statusModule.overallStatus",
            "unknown enum value 'RECRUTING' for Status; expected one of ACTIVE_NOT_RECRUITING, COMPLETED"),
        Arguments.of("array for a string", "/protocolSection/identificationModule/briefTitle", "[\"a\",\"b\"]",
            "$.protocolSection.identificationModule.briefTitle", "expected a string, found an array"),
        Arguments.of("no NCT ID", "/protocolSection/identificationModule/nctId", null,
            "$.protocolSection.identificationModule.nctId", "missing protocolSection.identificationModule.nctId"),
        Arguments.of("short NCT ID", "/protocolSection/identificationModule/nctId", "\"NCT123\"",
            "$.protocolSection.identificationModule.nctId", "NCT ID 'NCT123' does not match NCT followed by 8 digits"),
        Arguments.of("no identification module", "/protocolSection/identificationModule", null,
            "$.protocolSection.identificationModule", "missing protocolSection.identificationModule"),
        Arguments.of("no protocol section", "/protocolSection", null, "$.protocolSection",
            "missing protocolSection"),
        Arguments.of("February 30", "/protocolSection/statusModule/startDateStruct/date", "\"2023-02-30\"",
            "$.protocolSection.statusModule.startDateStruct.date", "invalid date '2023-02-30'"),
        Arguments.of("US date", "/protocolSection/statusModule/studyFirstSubmitDate", "\"11/02/2022\"",
            "$.protocolSection.statusModule.studyFirstSubmitDate", "invalid date '11/02/2022'"),
        Arguments.of("unknown date type", "/protocolSection/statusModule/startDateStruct/type", "\"ANTICIPATED\"",
            "$.protocolSection.statusModule.startDateStruct.type", "unknown enum value 'ANTICIPATED' for DateType"),
        Arguments.of("phase as a string", "/protocolSection/designModule/phases", "\"PHASE2\"",
            "$.protocolSection.designModule.phases", "expected an array, found a string"),
        Arguments.of("unknown phase", "/protocolSection/designModule/phases/1", "\"PHASE2/PHASE3\"",
            "$.protocolSection.designModule.phases[1]", "unknown enum value 'PHASE2/PHASE3' for Phase"),
        Arguments.of("count as text", "/protocolSection/designModule/enrollmentInfo/count", "\"120\"",
            "$.protocolSection.designModule.enrollmentInfo.count", "expected an integer, found a string"),
        Arguments.of("fractional count", "/protocolSection/designModule/enrollmentInfo/count", "12.5",
            "$.protocolSection.designModule.enrollmentInfo.count", "expected an integer, found 12.5"),
        Arguments.of("boolean as text", "/protocolSection/eligibilityModule/healthyVolunteers", "\"No\"",
            "$.protocolSection.eligibilityModule.healthyVolunteers", "expected a boolean, found a string"),
        Arguments.of("sex in words", "/protocolSection/eligibilityModule/sex", "\"Both\"",
            "$.protocolSection.eligibilityModule.sex", "unknown enum value 'Both' for Sex"),
        Arguments.of("age without unit", "/protocolSection/eligibilityModule/minimumAge", "\"18\"",
            "$.protocolSection.eligibilityModule.minimumAge", "age '18' is not a number and a unit"),
        Arguments.of("arm type", "/protocolSection/armsInterventionsModule/armGroups/0/type", "\"ACTIVE\"",
            "$.protocolSection.armsInterventionsModule.armGroups[0].type", "for ArmGroupType"),
        Arguments.of("sponsor class", "/protocolSection/sponsorCollaboratorsModule/leadSponsor/class",
            "\"UNIVERSITY\"", "$.protocolSection.sponsorCollaboratorsModule.leadSponsor.class", "for AgencyClass"),
        Arguments.of("masking", "/protocolSection/designModule/designInfo/maskingInfo/whoMasked/0", "\"PATIENT\"",
            "$.protocolSection.designModule.designInfo.maskingInfo.whoMasked[0]", "for WhoMasked"),
        Arguments.of("site status", "/protocolSection/contactsLocationsModule/locations/0/status", "7",
            "$.protocolSection.contactsLocationsModule.locations[0].status", "expected a string, found a number"),
        Arguments.of("contact role", "/protocolSection/contactsLocationsModule/centralContacts/0/role",
            "\"EMAIL\"", "$.protocolSection.contactsLocationsModule.centralContacts[0].role", "for ContactRole"),
        Arguments.of("latitude out of range", "/protocolSection/contactsLocationsModule/locations/0/geoPoint/lat",
            "142.3", "$.protocolSection.contactsLocationsModule.locations[0].geoPoint", "out of range"),
        Arguments.of("no longitude", "/protocolSection/contactsLocationsModule/locations/0/geoPoint/lon", null,
            "$.protocolSection.contactsLocationsModule.locations[0].geoPoint.lon", "missing lon"),
        Arguments.of("location not an object", "/protocolSection/contactsLocationsModule/locations/0", "\"Boston\"",
            "$.protocolSection.contactsLocationsModule.locations[0]", "expected an object, found a string"),
        Arguments.of("module not an object", "/protocolSection/designModule", "[]",
            "$.protocolSection.designModule", "expected an object, found an array"),
        Arguments.of("ipd info type", "/protocolSection/ipdSharingStatementModule/infoTypes/0", "\"PROTOCOL\"",
            "$.protocolSection.ipdSharingStatementModule.infoTypes[0]", "for IpdSharingInfoType"),
        Arguments.of("reference type", "/protocolSection/referencesModule/references/0/type", "\"RESULTS\"",
            "$.protocolSection.referencesModule.references[0].type", "for ReferenceType"),
        Arguments.of("hasResults as text", "/hasResults", "\"yes\"", "$.hasResults",
            "expected a boolean, found a string"),
        Arguments.of("mesh list as object", "/derivedSection/conditionBrowseModule/meshes", "{}",
            "$.derivedSection.conditionBrowseModule.meshes", "expected an array, found an object"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejections")
  void rejectsMalformedRecordsWithPathAndReason(String name, String pointer, String valueJson, String expectedPath,
                                                String expectedReason) throws IOException {
    ObjectNode doc = everyField();
    set(doc, pointer, valueJson == null ? null : JSON.readTree(valueJson));

    ReadResult result = reader.read(doc);

    assertThat(result).isInstanceOf(ReadResult.Rejected.class);
    assertThat(result.diagnostics())
        .filteredOn(d -> d.severity() == Severity.ERROR && d.path().equals(expectedPath))
        .as("errors at %s among %s", expectedPath, result.diagnostics())
        .singleElement()
        .satisfies(d -> assertThat(d.reason()).contains(expectedReason));
  }

  static Stream<Arguments> warnings() {
    return Stream.of(
        Arguments.of("ages swapped", "/protocolSection/eligibilityModule/minimumAge", "\"80 Years\"",
            "$.protocolSection.eligibilityModule.minimumAge", "minimum age 80 Years is above the maximum age"),
        Arguments.of("completion before start", "/protocolSection/statusModule/completionDateStruct/date",
            "\"2020-01\"", "$.protocolSection.statusModule.completionDateStruct", "is before the start date"),
        Arguments.of("intervention names a missing arm",
            "/protocolSection/armsInterventionsModule/interventions/0/armGroupLabels/0", "\"Drug Y\"",
            "$.protocolSection.armsInterventionsModule.interventions[0].armGroupLabels[0]",
            "arm group 'Drug Y' is not among the study's arms"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("warnings")
  void acceptsQuestionableRecordsWithAWarning(String name, String pointer, String valueJson, String expectedPath,
                                              String expectedReason) throws IOException {
    ObjectNode doc = everyField();
    set(doc, pointer, JSON.readTree(valueJson));

    ReadResult result = reader.read(doc);

    assertThat(result).isInstanceOf(ReadResult.Accepted.class);
    assertThat(result.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.severity()).isEqualTo(Severity.WARNING);
      assertThat(d.path()).isEqualTo(expectedPath);
      assertThat(d.reason()).contains(expectedReason);
    });
  }

  @Test
  void reportsEveryProblemNotJustTheFirst() throws IOException {
    ObjectNode doc = everyField();
    set(doc, "/protocolSection/statusModule/overallStatus", JSON.readTree("\"OPEN\""));
    set(doc, "/protocolSection/eligibilityModule/sex", JSON.readTree("\"F\""));
    set(doc, "/protocolSection/designModule/enrollmentInfo/count", JSON.readTree("-3"));

    ReadResult result = reader.read(doc);

    assertThat(result).isEqualTo(new ReadResult.Rejected("NCT00000123", result.diagnostics()));
    assertThat(result.diagnostics()).extracting(Diagnostic::path).containsExactly(
        "$.protocolSection.statusModule.overallStatus",
        "$.protocolSection.designModule.enrollmentInfo.count",
        "$.protocolSection.eligibilityModule.sex");
  }

  @Test
  void rejectsADocumentThatIsNotAnObject() throws IOException {
    ReadResult result = reader.read(JSON.readTree("[1, 2]"));

    assertThat(result.diagnostics()).containsExactly(
        Diagnostic.error("$", "expected a study object, found an array"));
  }

  @Test
  void explicitNullsMeanNotGiven() throws IOException {
    ObjectNode doc = everyField();
    set(doc, "/protocolSection/identificationModule/acronym", JSON.nullNode());

    ReadResult result = reader.read(doc);

    assertThat(result.diagnostics()).isEmpty();
    assertThat(result.trialOrThrow().identification().acronym()).isNull();
  }

  private static void set(ObjectNode doc, String pointer, JsonNode value) {
    JsonPointer path = JsonPointer.compile(pointer);
    JsonNode parent = doc.at(path.head());
    String last = path.last().getMatchingProperty();
    if (parent instanceof ArrayNode array) {
      int index = path.last().getMatchingIndex();
      if (value == null) array.remove(index); else array.set(index, value);
    } else if (value == null) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }
}
