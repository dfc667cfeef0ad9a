package org.eligo.fhir.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.PatientReadResult;
import org.eligo.fhir.TerminologyAdapter;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

class BulkPatientAssemblerTest {
  private static final String OBS = "{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\","
      + "\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"751-8\"}]},"
      + "\"subject\":{\"reference\":\"Patient/p7\"},\"effectiveDateTime\":\"2026-01-10\","
      + "\"valueQuantity\":{\"value\":800,\"unit\":\"/uL\"}}";

  private final BulkPatientAssembler observations = new BulkPatientAssembler("Observation");

  @Test
  void lineGivesTheResourceAndItsPatient() {
    BulkLine line = observations.parseLine("Observation.ndjson", 1, OBS);
    assertThat(line).isInstanceOfSatisfying(BulkLine.Parsed.class, p -> {
      assertThat(p.patientId()).isEqualTo("p7");
      assertThat(p.resource().fhirType()).isEqualTo("Observation");
      assertThat(p.warnings()).isEmpty();
    });
  }

  @Test
  void patientLineBelongsToItself() {
    BulkLine line = new BulkPatientAssembler("Patient").parseLine("Patient.ndjson", 3,
        "{\"resourceType\":\"Patient\",\"id\":\"p7\",\"birthDate\":\"1980-01-01\"}");
    assertThat(line).isInstanceOfSatisfying(BulkLine.Parsed.class, p -> assertThat(p.patientId()).isEqualTo("p7"));
  }

  @Test
  void badLinesGiveFileLineAndReason() {
    assertThat(error(observations.parseLine("Observation.ndjson", 12, "{\"resourceType\": \"Observation\",")))
        .satisfies(e -> {
          assertThat(e.file()).isEqualTo("Observation.ndjson");
          assertThat(e.line()).isEqualTo(12);
          assertThat(e.reason()).contains("not valid JSON").contains("column");
        });
    assertThat(error(observations.parseLine("f", 2, "{\"resourceType\":\"Condition\",\"id\":\"c1\"}")).reason())
        .contains("a Condition in a file of Observation resources");
    assertThat(error(observations.parseLine("f", 3, "{\"resourceType\":\"Observation\",\"id\":\"o2\"}")).reason())
        .contains("no patient reference");
    assertThat(error(observations.parseLine("f", 4, "{\"id\":\"o3\"}")).reason()).contains("resourceType");
  }

  @Test
  void blankLineIsNotAnError() {
    assertThat(observations.parseLine("f", 9, "  ")).isInstanceOf(BulkLine.Blank.class);
  }

  @Test
  void unknownResourceTypeForAFileIsAProgrammingError() {
    assertThatThrownBy(() -> new BulkPatientAssembler("Observations"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Observations");
  }

  @Test
  void parsedLinesOfOnePatientAreReadIntoFacts() {
    List<Resource> resources = new ArrayList<>();
    resources.add(((BulkLine.Parsed) new BulkPatientAssembler("Patient").parseLine("Patient.ndjson", 1,
        "{\"resourceType\":\"Patient\",\"id\":\"p7\",\"birthDate\":\"1980-01-01\",\"gender\":\"male\"}")).resource());
    resources.add(((BulkLine.Parsed) observations.parseLine("Observation.ndjson", 1, OBS)).resource());
    PatientReadResult result = new HapiPatientReader(TerminologyAdapter.bundled())
        .read(resources, LocalDate.of(2026, 3, 1));
    assertThat(result.facts().birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
    assertThat(result.facts().measurements()).singleElement()
        .satisfies(m -> assertThat(m.value()).isEqualTo(0.8, org.assertj.core.api.Assertions.within(1e-9)));
  }

  private static BulkLineError error(BulkLine line) {
    assertThat(line).isInstanceOf(BulkLine.Failed.class);
    return ((BulkLine.Failed) line).error();
  }
}
