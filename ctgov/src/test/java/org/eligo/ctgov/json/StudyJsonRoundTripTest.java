package org.eligo.ctgov.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eligo.ctgov.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code write(read(doc))} equals {@code doc} for every real record we hold: the typed model covers their fields. */
class StudyJsonRoundTripTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final StudyJsonReader reader = new StudyJsonReader();
  private final StudyJsonWriter writer = new StudyJsonWriter();

  static Stream<Path> records() {
    return Stream.concat(TestData.jsonFiles(TestData.sharedTrials()).stream(),
        TestData.jsonFiles(TestData.bundledStudies()).stream());
  }

  @Test
  void theDevelopmentTrialsArePresent() {
    assertThat(TestData.jsonFiles(TestData.sharedTrials())).hasSizeGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void writingWhatWasReadGivesTheDocumentBack(Path file) throws IOException {
    JsonNode doc = JSON.readTree(file.toFile());

    ReadResult result = reader.read(doc);

    assertThat(result.diagnostics()).as("diagnostics for %s", file).isEmpty();
    TestData.assertJsonEquals(writer.write(result.trialOrThrow()), doc);
  }

  @Test
  void wholeNumbersWrittenAsDecimalsReadAsIntegers() throws IOException {
    JsonNode doc = JSON.readTree("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000001"},
         "designModule":{"enrollmentInfo":{"count":80.0,"type":"ESTIMATED"}}}}""");

    ReadResult result = reader.read(doc);

    assertThat(result.trialOrThrow().design().enrollmentInfo().count()).isEqualTo(80);
    TestData.assertJsonEquals(writer.write(result.trialOrThrow()), doc);
  }

  @Test
  void writerUsesApiOrderAndOmitsNullsAndEmptyLists() throws IOException {
    JsonNode doc = JSON.readTree("""
        {"hasResults":false,"protocolSection":{"statusModule":{"overallStatus":"RECRUITING"},
         "identificationModule":{"briefTitle":"T","nctId":"NCT00000002"},
         "conditionsModule":{"conditions":["ITP"]}}}""");

    JsonNode written = writer.write(reader.read(doc).trialOrThrow());

    assertThat(written.toString()).isEqualTo("""
        {"protocolSection":{"identificationModule":{"nctId":"NCT00000002","briefTitle":"T"},\
        "statusModule":{"overallStatus":"RECRUITING"},"conditionsModule":{"conditions":["ITP"]}},\
        "hasResults":false}""");
  }
}
