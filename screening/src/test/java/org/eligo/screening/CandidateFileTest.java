package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.eligo.core.match.MatchCandidate;
import org.eligo.criteria.json.RuleSetJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trials written for the Spark job read back with the same criteria, rule for rule. */
class CandidateFileTest {
  @TempDir
  Path tmp;

  @Test
  void candidatesRoundTrip() {
    CandidateFile.write(tmp.resolve("trials.ndjson"), SeedTrials.candidates());
    List<MatchCandidate> read = CandidateFile.read(tmp.resolve("trials.ndjson"));
    assertThat(read).hasSize(SeedTrials.candidates().size());
    for (int i = 0; i < read.size(); i++) {
      MatchCandidate original = SeedTrials.candidates().get(i);
      // the same rule set in the curated JSON form (an open age bound's inclusiveness is not written: it means nothing)
      assertThat(RuleSetJson.structural().write(read.get(i).criteria()))
          .isEqualTo(RuleSetJson.structural().write(original.criteria()));
      assertThat(read.get(i).criteria().criteria()).hasSameSizeAs(original.criteria().criteria());
      assertThat(read.get(i).trial().nctId()).isEqualTo(original.trial().nctId());
      assertThat(read.get(i).trial().title()).isEqualTo(original.trial().title());
      assertThat(read.get(i).trial().overallStatus()).isEqualTo(original.trial().overallStatus());
    }
  }
}
