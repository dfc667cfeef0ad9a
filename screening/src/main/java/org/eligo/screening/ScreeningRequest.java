package org.eligo.screening;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.eligo.core.match.MatchCandidate;
import org.eligo.screening.read.PatientRecordReader;

/**
 * A population screening run.
 *
 * @param input the bulk export directory
 * @param output where results go; a resumable run keeps its work in {@code output/.screening-work}
 * @param candidates the trials, with their compiled criteria
 * @param asOf the date that counts as today for every time window
 * @param threads worker threads (all cores by default)
 * @param buckets how many buckets to group patients in; 0 chooses from the input size
 * @param reader which patient reader to use
 */
public record ScreeningRequest(Path input, Path output, List<MatchCandidate> candidates, LocalDate asOf, int threads,
                               int buckets, PatientRecordReader.Mode reader) {
  public ScreeningRequest {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(asOf, "asOf");
    if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    if (buckets < 0) throw new IllegalArgumentException("buckets must not be negative, was " + buckets);
    Objects.requireNonNull(reader, "reader");
  }

  /** A run with all cores, automatic buckets and the fast reader. */
  public static ScreeningRequest of(Path input, Path output, Collection<MatchCandidate> candidates, LocalDate asOf) {
    return new ScreeningRequest(input, output, List.copyOf(candidates), asOf,
        Runtime.getRuntime().availableProcessors(), 0, PatientRecordReader.Mode.FAST);
  }

  public ScreeningRequest withThreads(int n) {
    return new ScreeningRequest(input, output, candidates, asOf, n, buckets, reader);
  }

  public ScreeningRequest withBuckets(int n) {
    return new ScreeningRequest(input, output, candidates, asOf, threads, n, reader);
  }

  public ScreeningRequest withReader(PatientRecordReader.Mode mode) {
    return new ScreeningRequest(input, output, candidates, asOf, threads, buckets, mode);
  }
}
