package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eligo.fhir.bulk.BulkLineError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unusable lines are counted and reported with file, line and reason, and never stop the run. */
class MalformedLinesTest {
  @TempDir
  Path tmp;

  @Test
  void everyBadLineIsReportedWithFileLineAndReasonAndTheRestIsScreened() throws IOException {
    Path input = Populations.generate(tmp.resolve("in"), 300, 5);
    // a second, gzipped Observation file with good and bad lines mixed
    String good = Files.readAllLines(input.resolve("Observation.ndjson")).getFirst();
    String[] extra = {
        good.replace("\"id\":\"", "\"id\":\"x"),
        "{not json",
        "{\"resourceType\":\"Encounter\",\"id\":\"e1\",\"subject\":{\"reference\":\"Patient/p0000001\"}}",
        "",
        "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\"}",
        "{\"resourceType\":\"Observation\",\"id\":\"o2\",\"subject\":{\"reference\":\"Patient/nobody\"}}",
        "{\"resourceType\":\"Condition\",\"id\":\"c1\",\"subject\":{\"reference\":\"Patient/p0000002\"}}",
        "[1,2,3]",
        "{\"resourceType\":\"Observation\",\"id\":\"o3\",\"subject\":{\"reference\":\"Group/g1\"}}",
        "{\"id\":\"o4\"} {\"id\":\"o5\"}"};
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(input.resolve("Observation.002.ndjson.gz")))) {
      out.write((String.join("\n", extra) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    Files.writeString(input.resolve("Patient.part2.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p0000003\"}\n"
        + "{\"resourceType\":\"Patient\"}\n");

    ScreeningSummary s = PopulationScreening.run(ScreeningRequest.of(input, tmp.resolve("out"),
        SeedTrials.candidates(), Populations.AS_OF).withBuckets(3), ScreeningListener.NONE);

    String gz = "Observation.002.ndjson.gz";
    assertThat(s.firstUnreadable()).containsExactlyInAnyOrder(
        new BulkLineError(gz, 2, "not JSON: Unexpected character"),
        new BulkLineError(gz, 3, "unknown resource type 'Encounter': screening reads [Patient, Observation, "
            + "Condition, MedicationStatement, MedicationRequest, MedicationAdministration, MedicationDispense, "
            + "Procedure, AllergyIntolerance, Immunization]"),
        new BulkLineError(gz, 5, "Observation has no patient reference (subject)"),
        new BulkLineError(gz, 6, "refers to a patient that is not in the export (no Patient line with that id)"),
        new BulkLineError(gz, 7, "a Condition in a file of Observation resources"),
        new BulkLineError(gz, 8, "not JSON: the line is not a JSON object"),
        new BulkLineError(gz, 9, "Observation.subject does not refer to a Patient"),
        new BulkLineError(gz, 10, "not JSON: more than one value on the line"),
        new BulkLineError("Patient.part2.ndjson", 1, "a second Patient with the same id; the first is used"),
        new BulkLineError("Patient.part2.ndjson", 2, "Patient has no valid id"));
    assertThat(s.unreadableLines()).isEqualTo(10);
    assertThat(s.patients()).isEqualTo(300);
    List<String> csv = Files.readAllLines(tmp.resolve("out/unreadable-lines.csv"));
    assertThat(csv).hasSize(11).first().isEqualTo("file,line,reason");
    assertThat(csv).contains("Observation.002.ndjson.gz,2,not JSON: Unexpected character");
    assertThat(Files.readString(tmp.resolve("out/summary.json"))).contains("\"count\" : 10");
  }

  @Test
  void anEmptyDirectoryIsAnErrorNotAnEmptyResult() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PopulationScreening.run(ScreeningRequest.of(tmp,
            tmp.resolve("out"), SeedTrials.candidates(), Populations.AS_OF), ScreeningListener.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no FHIR Bulk Data NDJSON files");
  }
}
