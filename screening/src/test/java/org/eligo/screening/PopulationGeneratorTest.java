package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eligo.fhir.TerminologyAdapter;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.population.PopulationGenerator;
import org.eligo.screening.population.PopulationSpec;
import org.eligo.terminology.Terminology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator is deterministic, writes valid bulk files and uses only codes the terminology knows. */
class PopulationGeneratorTest {
  static final Set<String> STATUS_SYSTEMS = Set.of("http://terminology.hl7.org/CodeSystem/condition-clinical",
      "http://terminology.hl7.org/CodeSystem/condition-ver-status",
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical",
      "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification");

  @TempDir
  Path tmp;

  @Test
  void theSameSeedGivesTheSameFilesWhateverTheThreadsAndLayout() throws IOException {
    PopulationGenerator.write(PopulationSpec.of(3000, 4, Populations.AS_OF, tmp.resolve("a")), 1);
    PopulationGenerator.write(PopulationSpec.of(3000, 4, Populations.AS_OF, tmp.resolve("b")), 3);
    PopulationGenerator.write(new PopulationSpec(3000, 4, Populations.AS_OF, tmp.resolve("c"), true, 3), 2);
    PopulationGenerator.write(PopulationSpec.of(3000, 5, Populations.AS_OF, tmp.resolve("d")), 2);
    assertThat(lines(tmp.resolve("a"))).isEqualTo(lines(tmp.resolve("b"))).isEqualTo(lines(tmp.resolve("c")))
        .isNotEqualTo(lines(tmp.resolve("d")));
    assertThat(BulkFiles.discover(tmp.resolve("c")).files()).hasSize(24)
        .allSatisfy(f -> assertThat(f.name()).matches("[A-Za-z]+\\.00[0-2]\\.ndjson\\.gz"));
  }

  /** The generator's local code system ({@code RecordWriter.LOCAL_SYSTEM}). */
  private static final String LOCAL = "https://ehr.example.org/fhir/CodeSystem/local";

  @Test
  void everyCodeWrittenIsOneTheTerminologyKnowsOrAHospitalsLocalCode() throws IOException {
    Path dir = Populations.generate(tmp.resolve("p"), 5000, 8);
    Terminology terminology = Terminology.load();
    TerminologyAdapter adapter = TerminologyAdapter.bundled();
    ObjectMapper json = new ObjectMapper();
    Set<String> unknown = new HashSet<>();
    Set<String> seenSystems = new HashSet<>();
    long textOnly = 0;
    long local = 0;
    for (String line : lines(dir)) {
      JsonNode n = json.readTree(line);
      for (JsonNode coding : n.findValues("coding")) {
        for (JsonNode c : coding) {
          String system = c.path("system").asText(LOCAL);
          String code = c.get("code").asText();
          seenSystems.add(system);
          if (system.equals(LOCAL)) {
            local++;
            assertThat(c.has("display")).as("a local code comes without a name").isFalse();
            continue;
          }
          boolean known = STATUS_SYSTEMS.contains(system)
              || !terminology.conceptsForCode(system, code).isEmpty()
              || (system.equals("http://loinc.org") && adapter.measureForLoinc(code).isPresent())
              || !adapter.answerConceptsForCode("pregnancy-status", system, code).isEmpty();
          if (!known) unknown.add(system + "|" + code);
        }
      }
      for (String field : List.of("code", "medicationCodeableConcept", "vaccineCode")) {
        JsonNode cc = n.get(field);
        if (cc != null && !cc.has("coding")) {
          textOnly++;
          assertThat(terminology.conceptsForText(cc.get("text").asText())).as(cc.toString()).isNotEmpty();
        }
      }
    }
    assertThat(unknown).isEmpty();
    assertThat(local).as("some entries carry only a local code").isPositive();
    assertThat(seenSystems).contains("http://hl7.org/fhir/sid/icd-10-cm", "http://snomed.info/sct",
        "http://www.nlm.nih.gov/research/umls/rxnorm", "http://www.whocc.no/atc", "http://hl7.org/fhir/sid/cvx",
        "http://loinc.org");
    assertThat(textOnly).isPositive();
  }

  @Test
  void countsAreWrittenInMixedUnits() throws IOException {
    Path dir = Populations.generate(tmp.resolve("p"), 2000, 8);
    String observations = Files.readString(dir.resolve("Observation.ndjson"));
    for (String unit : List.of("\"10*9/L\"", "\"10*3/uL\"", "\"/uL\"", "\"g/dL\"", "\"g/L\"", "\"umol/L\"",
        "\"mg/dL\"", "\"kg\"")) {
      assertThat(observations).as(unit).contains("\"unit\":" + unit);
    }
  }

  static List<String> lines(Path dir) throws IOException {
    List<String> out = new ArrayList<>();
    for (BulkFile f : BulkFiles.discover(dir).files()) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8))) {
        for (String l = in.readLine(); l != null; l = in.readLine()) out.add(l);
      }
    }
    out.sort(null);
    return out;
  }
}
