package org.eligo.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eligo.screening.CandidateFile;
import org.eligo.screening.TrialScreener;
import org.eligo.screening.read.MedicationCatalog;
import org.eligo.screening.read.PatientRecordReader;

/**
 * What each executor JVM builds once per job and shares between its tasks: the trials (decoded from the broadcast
 * candidate lines) and the patient reader (terminology loaded once, with the export's shared Medications).
 */
final class ExecutorState {
  private static final ConcurrentHashMap<Key, ExecutorState> BY_JOB = new ConcurrentHashMap<>();

  /** What a job ships to every executor. */
  private record Key(List<String> trialLines, Map<String, String> medications) {}

  final List<TrialScreener> trials;
  final PatientRecordReader reader;

  private ExecutorState(Key job) {
    this.trials = job.trialLines().stream().map(CandidateFile::decode).map(TrialScreener::new).toList();
    this.reader = PatientRecordReader.bundled(PatientRecordReader.Mode.FAST, MedicationCatalog.of(job.medications()));
  }

  /** The state for a job's trials and shared Medications (id to JSON line). */
  static ExecutorState forJob(List<String> trialLines, Map<String, String> medications) {
    return BY_JOB.computeIfAbsent(new Key(trialLines, medications), ExecutorState::new);
  }
}
