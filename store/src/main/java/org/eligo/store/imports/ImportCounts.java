package org.eligo.store.imports;

import java.util.Collection;
import org.eligo.store.trial.UpsertOutcome;

/**
 * What an import did: studies inserted, updated, unchanged, skipped as older than the stored version, and rejected
 * (bad data that never reached the store).
 */
public record ImportCounts(int inserted, int updated, int unchanged, int skippedOlder, int rejected) {

  public static final ImportCounts NONE = new ImportCounts(0, 0, 0, 0, 0);

  public ImportCounts {
    if (inserted < 0 || updated < 0 || unchanged < 0 || skippedOlder < 0 || rejected < 0) {
      throw new IllegalArgumentException("negative count in " + inserted + "/" + updated + "/" + unchanged + "/"
          + skippedOlder + "/" + rejected);
    }
  }

  /** The counts of these upsert outcomes, plus {@code rejected}. */
  public static ImportCounts of(Collection<UpsertOutcome> outcomes, int rejected) {
    int[] counts = new int[UpsertOutcome.values().length];
    outcomes.forEach(outcome -> counts[outcome.ordinal()]++);
    return new ImportCounts(counts[UpsertOutcome.INSERTED.ordinal()], counts[UpsertOutcome.UPDATED.ordinal()],
        counts[UpsertOutcome.UNCHANGED.ordinal()], counts[UpsertOutcome.SKIPPED_OLDER.ordinal()], rejected);
  }

  /** These counts and {@code other} added up (for imports done in several batches). */
  public ImportCounts plus(ImportCounts other) {
    return new ImportCounts(inserted + other.inserted, updated + other.updated, unchanged + other.unchanged,
        skippedOlder + other.skippedOlder, rejected + other.rejected);
  }

  public int total() {
    return inserted + updated + unchanged + skippedOlder + rejected;
  }
}
