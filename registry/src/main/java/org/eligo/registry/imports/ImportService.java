package org.eligo.registry.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.core.trial.Trial;
import org.eligo.ctgov.json.Diagnostic;
import org.eligo.ctgov.json.ReadResult;
import org.eligo.ctgov.source.Origin;
import org.eligo.ctgov.source.RawStudy;
import org.eligo.ctgov.source.RawStudyError;
import org.eligo.ctgov.source.StudyRecord;
import org.eligo.ctgov.source.StudySource;
import org.eligo.ctgov.source.StudySources;
import org.eligo.ctgov.source.UnusableInputException;
import org.eligo.registry.TrialDocuments;
import org.eligo.store.imports.FinishedImport;
import org.eligo.store.imports.ImportCounts;
import org.eligo.store.imports.ImportRunRepository;
import org.eligo.store.trial.StoredStudy;
import org.eligo.store.trial.TrialRepository;
import org.eligo.store.trial.UpsertOutcome;

/**
 * Imports study sources into the registry in batches: memory stays flat in the number of studies, and a batch is
 * stored in one transaction before its trials are handed to listeners (the search index).
 */
public final class ImportService {
  static final int BATCH = 1000;
  /** How many records left out for being older than stored are named in the report (all are counted). */
  static final int NAMED_OLDER = 1000;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrialRepository trials;
  private final ImportRunRepository runs;

  public ImportService(TrialRepository trials, ImportRunRepository runs) {
    this.trials = trials;
    this.runs = runs;
  }

  /** Imports every input; {@code origin} names the source in the store (e.g. the file name or "bundled"). */
  public ImportReport importPaths(List<Path> inputs, String origin, ImportListener listener) {
    Run run = new Run(listener);
    Instant started = Instant.now();
    for (Path input : inputs) {
      try (StudySource source = StudySources.open(input); Stream<StudyRecord> records = source.records()) {
        String name = origin == null ? String.valueOf(input.getFileName()) : origin;
        Iterator<StudyRecord> it = records.iterator();
        while (it.hasNext()) run.accept(it.next(), name);
      } catch (UnusableInputException e) {
        run.unusable++;
        // The problem names the file already: the message's own copy of the path is left out.
        String reason = e.getMessage().replace(": " + input, "");
        run.problems.add(new ImportProblem(input.toString(), "", "$", reason));
      }
    }
    return finish(run, started, String.join(" ", inputs.stream().map(Path::toString).toList()));
  }

  /** Imports records already read (e.g. the bundled registry from the class path). */
  public ImportReport importRecords(Iterator<? extends StudyRecord> records, String origin, ImportListener listener) {
    Run run = new Run(listener);
    Instant started = Instant.now();
    while (records.hasNext()) run.accept(records.next(), origin);
    return finish(run, started, origin);
  }

  private ImportReport finish(Run run, Instant started, String source) {
    run.flush();
    ImportReport report = run.report(started);
    runs.recordImportRun(new FinishedImport(source.isBlank() ? "(no input)" : source, started, Instant.now(),
        new ImportCounts(report.inserted(), report.updated(), report.unchanged(), report.skippedOlder(),
            report.rejected())));
    return report;
  }

  /** The state of one import. */
  private final class Run {
    final ImportListener listener;
    final List<StoredStudy> batch = new ArrayList<>(BATCH);
    final List<Trial> batchTrials = new ArrayList<>(BATCH);
    final List<Origin> batchOrigins = new ArrayList<>(BATCH);
    final List<ImportProblem> problems = new ArrayList<>();
    final List<String> olderThanStored = new ArrayList<>();
    int read;
    int inserted;
    int updated;
    int unchanged;
    int skipped;
    int rejected;
    int unusable;
    long bytes;

    Run(ImportListener listener) {
      this.listener = listener;
    }

    void accept(StudyRecord record, String origin) {
      read++;
      switch (record) {
        case RawStudyError error -> reject(error.origin(), "", "$", error.reason());
        case RawStudy raw -> {
          ReadResult result = TrialDocuments.read(raw.json());
          switch (result) {
            case ReadResult.Rejected r -> {
              for (Diagnostic d : r.diagnostics()) {
                if (d.isError()) problems.add(problem(raw.origin(), r.nctId(), d.path(), d.reason()));
              }
              rejected++;
            }
            case ReadResult.Accepted a -> {
              String json = write(raw);
              bytes += json.length();
              batch.add(TrialDocuments.toStored(a.trial(), json, origin));
              batchTrials.add(a.trial());
              batchOrigins.add(raw.origin());
              if (batch.size() >= BATCH) flush();
            }
          }
        }
      }
    }

    void reject(Origin origin, String nctId, String path, String reason) {
      rejected++;
      problems.add(problem(origin, nctId, path, reason));
    }

    void flush() {
      if (batch.isEmpty()) {
        listener.progress(read);
        return;
      }
      List<UpsertOutcome> outcomes = trials.upsertAll(batch);
      List<Trial> changed = new ArrayList<>();
      for (int i = 0; i < outcomes.size(); i++) {
        switch (outcomes.get(i)) {
          case INSERTED -> { inserted++; changed.add(batchTrials.get(i)); }
          case UPDATED -> { updated++; changed.add(batchTrials.get(i)); }
          case UNCHANGED -> unchanged++;
          case SKIPPED_OLDER -> {
            skipped++;
            ImportProblem at = problem(batchOrigins.get(i), null, "", "");
            // named up to a limit (memory stays flat on a huge import of old versions); all are counted
            if (olderThanStored.size() < NAMED_OLDER) olderThanStored.add(batchTrials.get(i).nctId() + " in " + at.file()
                + (at.record().isEmpty() ? "" : " " + at.record()));
          }
        }
      }
      batch.clear();
      batchTrials.clear();
      batchOrigins.clear();
      if (!changed.isEmpty()) listener.changed(changed);
      listener.progress(read);
    }

    ImportReport report(Instant started) {
      return new ImportReport(read, inserted, updated, unchanged, skipped, rejected, unusable, bytes,
          java.time.Duration.between(started, Instant.now()).toMillis(), problems, olderThanStored);
    }
  }

  private static ImportProblem problem(Origin origin, String nctId, String path, String reason) {
    String file = origin.file() + (origin.entry() == null ? "" : "!/" + origin.entry());
    List<String> where = new ArrayList<>();
    if (origin.index() != null) where.add("studies[" + origin.index() + "]");
    if (origin.line() != null) where.add("line " + origin.line() + ", column " + origin.column());
    if (nctId != null) where.add(nctId);
    return new ImportProblem(file, String.join(" ", where), path, reason);
  }

  private static String write(RawStudy raw) {
    try {
      return JSON.writeValueAsString(raw.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree could not be written back", e);
    }
  }
}
