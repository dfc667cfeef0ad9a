package org.eligo.store.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eligo.store.Backend;
import org.eligo.store.trial.UpsertOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The import log against embedded H2 and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class ImportRunRepositoryTest {

  @Parameter
  Backend backend;

  @TempDir
  Path tempDir;

  private Backend.TestDatabase db;
  private ImportRunRepository runs;

  @BeforeEach
  void open() {
    db = backend.open(tempDir);
    runs = new JdbiImportRunRepository(db.database());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void importsAreListedNewestFirst() {
    ImportCounts firstCounts = ImportCounts.of(
        List.of(UpsertOutcome.INSERTED, UpsertOutcome.INSERTED, UpsertOutcome.UNCHANGED), 1);
    ImportRun first = runs.recordImportRun(new FinishedImport("bundled",
        Instant.parse("2025-03-01T10:00:00.123456789Z"), Instant.parse("2025-03-01T10:00:05Z"), firstCounts));
    ImportRun second = runs.recordImportRun(new FinishedImport("ctgov-2025-03-02.zip",
        Instant.parse("2025-03-02T08:00:00Z"), Instant.parse("2025-03-02T08:10:00Z"),
        new ImportCounts(0, 7, 90, 3, 0)));

    assertThat(firstCounts).isEqualTo(new ImportCounts(2, 0, 1, 0, 1));
    assertThat(first.startedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:00.123456Z"));
    assertThat(second.id()).isGreaterThan(first.id());
    assertThat(runs.importRuns(10)).containsExactly(second, first);
    assertThat(runs.importRuns(1)).containsExactly(second);
  }

  @Test
  void countsAddUp() {
    ImportCounts total = new ImportCounts(1, 2, 3, 4, 5).plus(ImportCounts.of(List.of(UpsertOutcome.SKIPPED_OLDER), 0));

    assertThat(total).isEqualTo(new ImportCounts(1, 2, 3, 5, 5));
    assertThat(total.total()).isEqualTo(16);
    assertThat(ImportCounts.NONE.total()).isZero();
  }
}
