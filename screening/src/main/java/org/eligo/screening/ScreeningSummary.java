package org.eligo.screening;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eligo.fhir.bulk.BulkLineError;

/**
 * What a screening run found and how long it took.
 *
 * @param patients patients screened (not counting {@code deceased})
 * @param linesRead NDJSON lines read
 * @param trials per-trial counts, in the order of the request's candidates
 * @param unreadableLines how many lines could not be used
 * @param firstUnreadable the first of them (all are in {@code unreadable-lines.csv})
 * @param fastReads patients read by the fast reader (the rest by HAPI)
 * @param deceased patients the record says had died by the as-of date: read, not screened, in no trial's counts
 * @param resumedBuckets buckets already screened by an earlier, interrupted run
 */
public record ScreeningSummary(Path output, long patients, long linesRead, List<TrialCounts> trials,
                               long unreadableLines, List<BulkLineError> firstUnreadable, long fastReads, long deceased,
                               int buckets, int resumedBuckets, Duration partitionTime, Duration screenTime,
                               Duration writeTime, Duration total) {
  public ScreeningSummary {
    trials = List.copyOf(trials);
    firstUnreadable = List.copyOf(firstUnreadable);
  }

  /** A trial's patients by verdict. */
  public record TrialCounts(String nctId, String title, long eligible, long needsInfo, long ineligible) {
    public long candidates() {
      return eligible + needsInfo;
    }
  }

  /** The whole run's wall time in seconds. */
  public double wallSeconds() {
    return total.toMillis() / 1000.0;
  }

  /** Patient-trial pairs evaluated. */
  public long pairs() {
    return patients * trials.size();
  }
}
