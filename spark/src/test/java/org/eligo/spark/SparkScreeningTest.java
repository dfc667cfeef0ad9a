package org.eligo.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;
import org.eligo.criteria.CriteriaCompiler;
import org.eligo.screening.CandidateFile;
import org.eligo.screening.PopulationScreening;
import org.eligo.screening.ScreeningListener;
import org.eligo.screening.ScreeningRequest;
import org.eligo.screening.ScreeningSummary;
import org.eligo.screening.output.CandidateRow;
import org.eligo.screening.population.PopulationGenerator;
import org.eligo.screening.population.PopulationSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** In local mode, the Spark job finds exactly what the single-machine screening finds on the same input. */
class SparkScreeningTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);
  static final List<String> SEEDS = List.of("NCT02979873", "NCT06802055", "NCT03364764", "NCT04324411");

  @TempDir
  Path tmp;

  @Test
  void sparkAndSingleMachineAgreeOnEveryCandidateCountAndBadLine() throws IOException {
    Path input = tmp.resolve("in");
    PopulationGenerator.write(new PopulationSpec(2000, 13, AS_OF, input, true, 2), 2);
    Files.writeString(input.resolve("Condition.extra.ndjson"), "not json\n{\"resourceType\":\"Condition\",\"id\":"
        + "\"c9\",\"subject\":{\"reference\":\"Patient/nobody\"}}\n");
    // prescriptions that name their drug only through a shared Medication (sirolimus), and one unusable Medication
    Files.writeString(input.resolve("Medication.ndjson"), "{\"resourceType\":\"Medication\",\"id\":\"m1\",\"code\":"
        + "{\"coding\":[{\"system\":\"http://www.nlm.nih.gov/research/umls/rxnorm\",\"code\":\"314230\"}]}}\n"
        + "{\"resourceType\":\"Medication\"}\n");
    StringBuilder requests = new StringBuilder();
    for (int i = 1; i <= 40; i++) {
      requests.append(String.format("{\"resourceType\":\"MedicationRequest\",\"id\":\"shared-%d\",\"status\":"
          + "\"active\",\"intent\":\"order\",\"subject\":{\"reference\":\"Patient/p%07d\"},\"authoredOn\":"
          + "\"2026-05-01\",\"medicationReference\":{\"reference\":\"Medication/m1\"}}%n", i, i));
    }
    Files.writeString(input.resolve("MedicationRequest.shared.ndjson"), requests);
    // two more patients whom the record says had died before the as-of date (one for each reader): read, never
    // screened
    Files.writeString(input.resolve("Patient.extra.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"dead-1\","
        + "\"gender\":\"female\",\"birthDate\":\"1950-01-01\",\"deceasedBoolean\":true}\n{\"resourceType\":"
        + "\"Patient\",\"id\":\"dead-2\",\"gender\":\"male\",\"birthDate\":\"1960-01-01\",\"deceasedDateTime\":"
        + "\"2026-01\"}\n");
    List<String> trialLines = seedTrials().stream().map(CandidateFile::encode).toList();
    List<MatchCandidate> candidates = trialLines.stream().map(CandidateFile::decode).toList();

    ScreeningSummary single = PopulationScreening.run(ScreeningRequest.of(input, tmp.resolve("single"), candidates,
        AS_OF).withBuckets(3), ScreeningListener.NONE);

    SparkSession spark = SparkSession.builder().master("local[2]").appName("eligo-spark-test")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    SparkScreening.Result distributed;
    Map<String, Set<CandidateRow>> sparkRows = new HashMap<>();
    try {
      distributed = SparkScreening.run(spark, input.toString(), tmp.resolve("spark").toString(), trialLines, AS_OF);
      for (Row r : spark.read().parquet(tmp.resolve("spark/candidates").toString()).collectAsList()) {
        sparkRows.computeIfAbsent(r.getAs("trial"), k -> new HashSet<>()).add(CandidateRow.fromJson(r.getAs("json")));
      }
    } finally {
      spark.stop();
    }

    assertThat(distributed.patients()).isEqualTo(single.patients()).isEqualTo(2000);
    assertThat(distributed.deceased()).isEqualTo(single.deceased()).isEqualTo(2);
    assertThat(distributed.trials()).isEqualTo(single.trials());
    assertThat(distributed.unreadableLines()).isEqualTo(single.unreadableLines()).isEqualTo(3);
    for (String id : SEEDS) {
      Set<CandidateRow> expected = new HashSet<>();
      for (String line : Files.readAllLines(tmp.resolve("single/trials/" + id + ".ndjson"))) {
        expected.add(CandidateRow.fromJson(line));
      }
      assertThat(expected).as(id).isNotEmpty();
      assertThat(sparkRows.getOrDefault(id, Set.of())).as(id).isEqualTo(expected);
    }
    JsonNode summary = new ObjectMapper().readTree(tmp.resolve("spark/summary.json").toFile());
    assertThat(summary.get("patientsScreened").asLong()).isEqualTo(2000);
    assertThat(summary.get("deceasedNotScreened").asLong()).isEqualTo(2);
    assertThat(summary.get("unreadableLines").get("first").toString())
        .contains("Condition.extra.ndjson", "not JSON", "refers to a patient that is not in the export",
            "Medication.ndjson", "Medication has no valid id");
    System.out.printf("spark local[2]: %.1f s; single machine: %.1f s%n", distributed.elapsed().toMillis() / 1000.0,
        single.total().toMillis() / 1000.0);
  }

  /** The seed trials as the registry compiles them (registry age/sex fields, then the curated rule sets). */
  static List<MatchCandidate> seedTrials() throws IOException {
    CriteriaCompiler compiler = CriteriaCompiler.standard();
    List<MatchCandidate> out = new ArrayList<>();
    for (String id : SEEDS) {
      JsonNode p = new ObjectMapper().readTree(Path.of("../registry/src/main/resources/org/eligo/registry/bundled/"
          + "studies/" + id + ".json").toFile()).get("protocolSection");
      JsonNode e = p.path("eligibilityModule");
      JsonNode s = p.path("statusModule");
      Trial trial = new Trial(new Identification(id, List.of(), null, List.of(),
          p.path("identificationModule").path("briefTitle").asText(null), null, null, null),
          new StatusInfo(null, s.has("overallStatus") ? RecruitmentStatus.valueOf(s.get("overallStatus").asText())
              : null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null),
          null, null, null, null, null, null, null,
          new Eligibility(null, null, e.has("sex") ? Eligibility.Sex.valueOf(e.get("sex").asText()
              .toUpperCase(Locale.ROOT)) : null, null, null, e.path("minimumAge").asText(null),
              e.path("maximumAge").asText(null), List.of(), null, null),
          null, null, null, null, null, null);
      out.add(new MatchCandidate(trial, compiler.compile(trial)));
    }
    return out;
  }
}
