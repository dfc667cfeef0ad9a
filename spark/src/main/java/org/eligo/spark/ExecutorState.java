package org.eligo.spark;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.eligo.screening.CandidateFile;
import org.eligo.screening.TrialScreener;
import org.eligo.screening.read.PatientRecordReader;

/**
 * What each executor JVM builds once per job and shares between its tasks: the trials (decoded from the broadcast
 * candidate lines) and the patient reader (terminology loaded once).
 */
final class ExecutorState {
  private static final ConcurrentHashMap<List<String>, ExecutorState> BY_TRIALS = new ConcurrentHashMap<>();

  final List<TrialScreener> trials;
  final PatientRecordReader reader;

  private ExecutorState(List<String> trialLines) {
    this.trials = trialLines.stream().map(CandidateFile::decode).map(TrialScreener::new).toList();
    this.reader = PatientRecordReader.bundled(PatientRecordReader.Mode.FAST);
  }

  static ExecutorState forTrials(List<String> trialLines) {
    return BY_TRIALS.computeIfAbsent(trialLines, ExecutorState::new);
  }
}
