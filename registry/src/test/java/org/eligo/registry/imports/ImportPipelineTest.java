package org.eligo.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.eligo.core.trial.Trial;
import org.eligo.ctgov.source.StudyRecord;
import org.eligo.ctgov.source.StudySource;
import org.eligo.ctgov.source.StudySources;
import org.eligo.ctgov.source.UnusableInputException;
import org.eligo.ctgov.synthetic.SyntheticRegistryWriter;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;
import org.eligo.store.imports.JdbiImportRunRepository;
import org.eligo.store.trial.JdbiTrialRepository;
import org.eligo.store.trial.ListFilter;
import org.eligo.store.trial.StatusChange;
import org.eligo.store.trial.StoredStudy;
import org.eligo.store.trial.TrialRepository;
import org.eligo.store.trial.TrialSummary;
import org.eligo.store.trial.UpsertOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading, storing and indexing overlap on three threads: what a user relies on is that every study is stored and then
 * heard of by the search index, batch after batch in order, and that a failure anywhere stops the import with that
 * failure and leaves no thread behind.
 */
class ImportPipelineTest {
  /** Three batches: two full and a part. */
  static final int STUDIES = 2 * ImportService.BATCH + 321;

  @TempDir
  static Path studies;

  @TempDir
  Path data;

  Database database;
  JdbiTrialRepository stored;

  @BeforeAll
  static void generate() throws IOException {
    SyntheticRegistryWriter.write(studies, STUDIES, 11);
  }

  @BeforeEach
  void open() {
    database = Database.open(new DatabaseConfig.EmbeddedH2(data));
    stored = new JdbiTrialRepository(database);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void everyBatchIsStoredThenHeardOfInOrderWithItsProgress() {
    List<Long> progress = new ArrayList<>();
    List<String> heard = new ArrayList<>();
    ImportReport report = service(stored).importPaths(List.of(studies), null, new ImportListener() {
      @Override
      public void progress(long recordsRead) {
        progress.add(recordsRead);
      }

      @Override
      public void changed(Collection<Trial> trials) {
        // by the time the index hears of a trial, the store has it
        for (Trial t : trials) {
          assertThat(stored.find(t.nctId())).as(t.nctId()).isPresent();
          heard.add(t.nctId());
        }
      }
    });
    assertThat(report.inserted()).isEqualTo(STUDIES);
    assertThat(stored.count()).isEqualTo(STUDIES);
    assertThat(heard).hasSize(STUDIES).doesNotHaveDuplicates().isSorted(); // the files are read in NCT order
    assertThat(progress).isSorted().last().isEqualTo((long) STUDIES);
    assertThat(progress).hasSizeGreaterThanOrEqualTo(3);
    assertThat(importThreads()).isEmpty();
  }

  @Test
  void aStorageFailureStopsTheImportWithThatFailureAndKeepsWhatWasStored() {
    IllegalStateException disk = new IllegalStateException("disk full (as the database said)");
    AtomicInteger batches = new AtomicInteger();
    TrialRepository failingSecond = new Delegating(stored) {
      @Override
      public List<UpsertOutcome> upsertAll(List<StoredStudy> batch) {
        if (batches.incrementAndGet() == 2) throw disk;
        return super.upsertAll(batch);
      }
    };
    List<String> heard = new ArrayList<>();
    assertThatThrownBy(() -> service(failingSecond).importPaths(List.of(studies), null, new ImportListener() {
      @Override
      public void changed(Collection<Trial> trials) {
        trials.forEach(t -> heard.add(t.nctId()));
      }
    })).isSameAs(disk);
    assertThat(stored.count()).isEqualTo(ImportService.BATCH);
    assertThat(heard).hasSize(ImportService.BATCH);
    assertThat(batches).hasValue(2); // nothing is stored after the failure
    assertThat(importThreads()).isEmpty();
  }

  @Test
  void aListenerFailureStopsTheImportWithThatFailure() {
    IllegalStateException index = new IllegalStateException("the search index could not be written");
    assertThatThrownBy(() -> service(stored).importPaths(List.of(studies), null, new ImportListener() {
      @Override
      public void changed(Collection<Trial> trials) {
        throw index;
      }
    })).isSameAs(index);
    // batches already handed to the storing stage may still be stored (as stored batches are, whatever happens next)
    assertThat(importThreads()).isEmpty();
  }

  @Test
  void aFailureWhileReadingStopsTheStagesToo() {
    Error reading = new OutOfMemoryError("while reading (as the JVM said)");
    AtomicInteger read = new AtomicInteger();
    try (StudySource source = StudySources.open(studies); Stream<StudyRecord> records = source.records()) {
      var failing = records.peek(r -> {
        if (read.incrementAndGet() == ImportService.BATCH + 10) throw reading;
      }).iterator();
      assertThatThrownBy(() -> service(stored).importRecords(failing, "test", ImportListener.NONE))
          .isSameAs(reading);
    } catch (UnusableInputException e) {
      throw new AssertionError(e);
    }
    assertThat(stored.count()).isEqualTo(ImportService.BATCH);
    assertThat(importThreads()).isEmpty();
  }

  private ImportService service(TrialRepository trials) {
    return new ImportService(trials, new JdbiImportRunRepository(database));
  }

  private static List<String> importThreads() {
    return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> name.startsWith("eligo-import-")).toList();
  }

  /** The real repository, with one method to override for a failure. */
  private static class Delegating implements TrialRepository {
    private final TrialRepository real;

    Delegating(TrialRepository real) {
      this.real = real;
    }

    @Override
    public UpsertOutcome upsert(StoredStudy study) {
      return real.upsert(study);
    }

    @Override
    public List<UpsertOutcome> upsertAll(List<StoredStudy> studies) {
      return real.upsertAll(studies);
    }

    @Override
    public Optional<StoredStudy> find(String nctId) {
      return real.find(nctId);
    }

    @Override
    public List<TrialSummary> list(ListFilter filter) {
      return real.list(filter);
    }

    @Override
    public Stream<StoredStudy> streamAll() {
      return real.streamAll();
    }

    @Override
    public int count() {
      return real.count();
    }

    @Override
    public List<StatusChange> statusHistory(String nctId) {
      return real.statusHistory(nctId);
    }

    @Override
    public Set<String> staleStatuses(LocalDate asOf, Period maxAge) {
      return real.staleStatuses(asOf, maxAge);
    }
  }
}
