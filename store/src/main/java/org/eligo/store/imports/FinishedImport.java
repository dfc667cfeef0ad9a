package org.eligo.store.imports;

import java.time.Instant;
import java.util.Objects;

/** An import that has run, to be recorded: its source (a file, a URL, {@code bundled}), times and counts. */
public record FinishedImport(String source, Instant startedAt, Instant finishedAt, ImportCounts counts) {

  public FinishedImport {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(counts, "counts");
    if (source.isBlank()) throw new IllegalArgumentException("source is blank");
    if (finishedAt.isBefore(startedAt)) {
      throw new IllegalArgumentException("import finished (" + finishedAt + ") before it started (" + startedAt + ")");
    }
  }
}
