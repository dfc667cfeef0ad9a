package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patients whose record says they had died by the as-of date are read but never screened: they are in no trial's
 * candidates or counts, and the summary says how many there were. A death after the as-of date changes nothing.
 */
class DeceasedPatientsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path tmp;

  @Test
  void theDeadAreCountedApartAndNeverListedAsCandidates() throws IOException {
    Path input = Populations.generate(tmp.resolve("in"), 200, 11);
    Path patients = input.resolve("Patient.ndjson");
    List<String> lines = new ArrayList<>(Files.readAllLines(patients));
    List<String> dead = new ArrayList<>();
    String later = null;
    for (int i = 0; i < lines.size() && (dead.size() < 2 || later == null); i++) {
      ObjectNode p = (ObjectNode) JSON.readTree(lines.get(i));
      String id = p.get("id").asText();
      if (dead.isEmpty()) {
        p.put("deceasedBoolean", true); // read by the fast reader
        dead.add(id);
      } else if (dead.size() == 1) {
        p.put("deceasedDateTime", "2025-11-02T08:30:00+01:00"); // left to HAPI
        dead.add(id);
      } else {
        p.put("deceasedDateTime", "2026-08-01"); // after the as-of date: screened as anyone
        later = id;
      }
      lines.set(i, p.toString());
    }
    Files.write(patients, lines);

    ScreeningSummary s = PopulationScreening.run(ScreeningRequest.of(input, tmp.resolve("out"),
        SeedTrials.candidates(), Populations.AS_OF).withBuckets(2), ScreeningListener.NONE);

    assertThat(s.deceased()).isEqualTo(2);
    assertThat(s.patients()).isEqualTo(198);
    for (ScreeningSummary.TrialCounts t : s.trials()) {
      assertThat(t.eligible() + t.needsInfo() + t.ineligible()).as(t.nctId()).isEqualTo(198);
    }
    String candidates;
    try (Stream<Path> files = Files.list(tmp.resolve("out/trials"))) {
      StringBuilder all = new StringBuilder();
      for (Path f : files.toList()) all.append(Files.readString(f));
      candidates = all.toString();
    }
    for (String id : dead) assertThat(candidates).doesNotContain("\"" + id + "\"").doesNotContain(id + ",");
    assertThat(Files.readString(tmp.resolve("out/summary.json"))).contains("\"deceasedNotScreened\" : 2");
  }
}
