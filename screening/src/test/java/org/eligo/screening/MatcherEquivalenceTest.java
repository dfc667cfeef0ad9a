package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.match.Matcher;
import org.eligo.core.match.TrialMatch;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.output.CandidateRow;
import org.eligo.screening.read.PatientRecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Population screening gives every patient the verdict, open questions and criterion statuses that {@link Matcher}
 * gives when the same patient is read by HAPI and matched alone.
 */
class MatcherEquivalenceTest {
  @TempDir
  Path tmp;

  @Test
  void screeningAgreesWithTheMatcherPatientByPatient() throws IOException {
    Path input = Populations.generate(tmp.resolve("in"), 3000, 21);
    SqlPeersTest.addPartialDates(input); // years and months straddling the trials' time limits, read by HAPI
    List<MatchCandidate> candidates = SeedTrials.candidates();
    ScreeningSummary summary = PopulationScreening.run(ScreeningRequest.of(input, tmp.resolve("out"), candidates,
        Populations.AS_OF).withBuckets(5), ScreeningListener.NONE);

    PatientRecordReader hapi = PatientRecordReader.bundled(PatientRecordReader.Mode.HAPI);
    List<String> names = BulkFiles.discover(input).files().stream().map(BulkFile::name).toList();
    Map<String, Set<CandidateRow>> expected = new HashMap<>();
    Map<String, long[]> counts = new HashMap<>();
    Map<String, TrialScreener> screeners = new HashMap<>();
    candidates.forEach(c -> screeners.put(c.trial().nctId(), new TrialScreener(c)));
    EvaluationContext context = new EvaluationContext(Populations.AS_OF);
    for (Map.Entry<String, List<BucketRecord>> p : Populations.groupInMemory(input).entrySet()) {
      var facts = hapi.read(new PatientLines(p.getKey(), p.getValue()), Populations.AS_OF, names).facts();
      org.eligo.core.eval.PatientIndex index = org.eligo.core.eval.PatientIndex.of(facts);
      for (TrialMatch m : Matcher.match(facts, candidates, context)) {
        assertThat(screeners.get(m.trial().nctId()).decide(index, context)).as("verdict alone, " + m.trial().nctId())
            .isEqualTo(m.verdict());
        counts.computeIfAbsent(m.trial().nctId(), k -> new long[3])[m.result().verdict().ordinal()]++;
        if (m.result().verdict() != Verdict.INELIGIBLE) {
          expected.computeIfAbsent(m.trial().nctId(), k -> new HashSet<>()).add(CandidateRow.of(p.getKey(),
              m.result()));
        }
      }
    }

    assertThat(summary.patients()).isEqualTo(3000);
    for (ScreeningSummary.TrialCounts t : summary.trials()) {
      long[] c = counts.get(t.nctId());
      assertThat(new long[] {t.eligible(), t.needsInfo(), t.ineligible()}).as(t.nctId()).containsExactly(c);
      Set<CandidateRow> actual = new HashSet<>();
      for (String line : Files.readAllLines(tmp.resolve("out/trials/" + t.nctId() + ".ndjson"))) {
        actual.add(CandidateRow.fromJson(line));
      }
      assertThat(actual).as(t.nctId()).isEqualTo(expected.getOrDefault(t.nctId(), Set.of()));
      assertThat(Files.readAllLines(tmp.resolve("out/trials/" + t.nctId() + ".csv"))).hasSize(actual.size() + 1);
    }
    assertThat(summary.trials()).allSatisfy(t -> assertThat(t.candidates()).isPositive());
  }
}
