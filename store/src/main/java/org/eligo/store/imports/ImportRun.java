package org.eligo.store.imports;

import java.time.Instant;
import java.util.Objects;

/** A recorded import, with the id the store gave it. */
public record ImportRun(long id, String source, Instant startedAt, Instant finishedAt, ImportCounts counts) {

  public ImportRun {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(counts, "counts");
  }
}
