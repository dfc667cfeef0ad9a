package org.eligo.store.imports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.eligo.store.Database;
import org.jdbi.v3.core.Jdbi;

/** {@link ImportRunRepository} over JDBC with Jdbi. Times are kept to the microsecond. */
public final class JdbiImportRunRepository implements ImportRunRepository {

  private final Jdbi jdbi;

  public JdbiImportRunRepository(Database database) {
    this.jdbi = Objects.requireNonNull(database, "database").jdbi();
  }

  @Override
  public ImportRun recordImportRun(FinishedImport run) {
    Objects.requireNonNull(run, "run");
    OffsetDateTime started = run.startedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    OffsetDateTime finished = run.finishedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    ImportCounts counts = run.counts();
    long id = jdbi.withHandle(handle -> handle.createUpdate("INSERT INTO import_run (source, started_at,"
            + " finished_at, inserted, updated, unchanged, skipped_older, rejected) VALUES (:source, :started,"
            + " :finished, :inserted, :updated, :unchanged, :skippedOlder, :rejected)")
        .bind("source", run.source()).bind("started", started).bind("finished", finished)
        .bind("inserted", counts.inserted()).bind("updated", counts.updated()).bind("unchanged", counts.unchanged())
        .bind("skippedOlder", counts.skippedOlder()).bind("rejected", counts.rejected())
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one());
    return new ImportRun(id, run.source(), started.toInstant(), finished.toInstant(), counts);
  }

  @Override
  public List<ImportRun> importRuns(int limit) {
    if (limit < 1) throw new IllegalArgumentException("limit must be positive, was " + limit);
    return jdbi.withHandle(handle -> handle.createQuery("SELECT id, source, started_at, finished_at, inserted,"
            + " updated, unchanged, skipped_older, rejected FROM import_run"
            + " ORDER BY started_at DESC, id DESC LIMIT :limit")
        .bind("limit", limit)
        .map((rs, ctx) -> new ImportRun(rs.getLong("id"), rs.getString("source"),
            rs.getObject("started_at", OffsetDateTime.class).toInstant(),
            rs.getObject("finished_at", OffsetDateTime.class).toInstant(),
            new ImportCounts(rs.getInt("inserted"), rs.getInt("updated"), rs.getInt("unchanged"),
                rs.getInt("skipped_older"), rs.getInt("rejected"))))
        .list());
  }
}
