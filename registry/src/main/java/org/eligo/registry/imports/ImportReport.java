package org.eligo.registry.imports;

import java.util.List;

/**
 * What an import did: counts by outcome, and each problem.
 *
 * @param unusableInputs inputs that could not be read at all (missing, not JSON/ZIP/directory)
 * @param problems rejected records and unusable inputs, in input order
 * @param olderThanStored records not stored because the registry holds a newer version of their study (the first
 *     thousand; {@code skippedOlder} counts them all): the NCT ID and where the record was, in input order
 * @param millis time to read, check and store the records
 * @param searchIndexMillis time then taken to bring the search index up to date with what changed (0 when nothing
 *     did, or before it was done)
 */
public record ImportReport(int read, int inserted, int updated, int unchanged, int skippedOlder, int rejected,
                           int unusableInputs, long bytes, long millis, List<ImportProblem> problems,
                           List<String> olderThanStored, long searchIndexMillis) {
  public ImportReport {
    problems = List.copyOf(problems);
    olderThanStored = List.copyOf(olderThanStored);
  }

  /** The same report, with the time the search index took to catch up. */
  public ImportReport withSearchIndexMillis(long indexMillis) {
    return new ImportReport(read, inserted, updated, unchanged, skippedOlder, rejected, unusableInputs, bytes, millis,
        problems, olderThanStored, indexMillis);
  }

  /** 0 when everything imported, 1 when some records were rejected, 2 when an input was unusable. */
  public int exitCode() {
    if (unusableInputs > 0) return 2;
    return rejected > 0 ? 1 : 0;
  }

  /** One line, counts with thousands separators (as {@code eligo generate trials} prints its count). */
  public String summary() {
    return String.format("%,d read: %,d new, %,d updated, %,d unchanged, %,d older than stored (kept the newer), "
        + "%,d rejected%s in %.1f s", read, inserted, updated, unchanged, skippedOlder, rejected,
        unusableInputs > 0 ? String.format(", %,d input(s) unusable", unusableInputs) : "", millis / 1000.0)
        + (searchIndexMillis > 0 ? String.format("; search index updated in %.1f s", searchIndexMillis / 1000.0)
            : "");
  }
}
