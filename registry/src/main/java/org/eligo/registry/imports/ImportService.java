package org.eligo.registry.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.eligo.ctgov.json.CompactJson;
import org.eligo.ctgov.json.Diagnostic;
import org.eligo.ctgov.json.ReadResult;
import org.eligo.ctgov.source.Origin;
import org.eligo.ctgov.source.RawStudy;
import org.eligo.ctgov.source.RawStudyError;
import org.eligo.ctgov.source.StudyDocument;
import org.eligo.ctgov.source.StudyRecord;
import org.eligo.ctgov.source.StudySource;
import org.eligo.ctgov.source.StudySources;
import org.eligo.ctgov.source.UnusableInputException;
import org.eligo.registry.TrialDocuments;
import org.eligo.store.imports.FinishedImport;
import org.eligo.store.imports.ImportCounts;
import org.eligo.store.imports.ImportRunRepository;
import org.eligo.store.trial.HashedStudy;
import org.eligo.store.trial.JsonText;
import org.eligo.store.trial.TrialRepository;
import org.eligo.store.trial.UpsertOutcome;

/**
 * Imports study sources into the store in batches, memory flat in the number of studies.
 *
 * <p>Three kinds of work overlap: a reading thread parses the inputs (the sources), every core checks parsed records
 * against API v2 and prepares their stored form and content hash, and the calling thread stores the prepared
 * batches in input order, one transaction each. Input order is kept, so that an import's outcome does not depend
 * on timing (a study listed twice is stored in list order). What changed is not handed on here: the caller brings
 * the search index up to date from the store afterwards ({@code TrialRepository.streamUpdatedSince}).
 */
public final class ImportService {
  /** Studies per transaction: each ends with one forced write of the embedded registry's document file. */
  public static final int BATCH = 2000;
  /** Records or documents per checking task. */
  private static final int TASK = 250;
  /** Documents up to this size are read by the checking tasks, larger ones by the reading thread. */
  private static final long SMALL_DOCUMENT = 1 << 20;
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
    Instant started = Instant.now();
    Run run = new Run(listener);
    try (Pipeline pipeline = new Pipeline(sink -> {
      for (Path input : inputs) {
        try (StudySource source = StudySources.open(input); Stream<StudyDocument> documents = source.documents()) {
          String name = origin == null ? String.valueOf(input.getFileName()) : origin;
          try {
            Iterator<StudyDocument> it = documents.iterator();
            while (it.hasNext()) sink.accept(it.next(), name);
          } finally {
            sink.sourceRead(); // its documents are read before it closes
          }
        } catch (UnusableInputException e) {
          // The problem names the file already: the message's own copy of the path is left out.
          String reason = e.getMessage().replace(": " + input, "");
          sink.unusable(new ImportProblem(input.toString(), "", "$", reason));
        }
      }
    })) {
      pipeline.drainInto(run);
    }
    return finish(run, started, String.join(" ", inputs.stream().map(Path::toString).toList()));
  }

  /** Imports records already read (e.g. the bundled registry from the class path). */
  public ImportReport importRecords(Iterator<? extends StudyRecord> records, String origin, ImportListener listener) {
    Instant started = Instant.now();
    Run run = new Run(listener);
    try (Pipeline pipeline = new Pipeline(sink -> {
      while (records.hasNext()) sink.accept(records.next(), origin);
    })) {
      pipeline.drainInto(run);
    }
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

  /** A record checked and made ready to store, or why it was rejected. */
  private sealed interface Checked {
  }

  private record Ready(HashedStudy study, String nctId, Origin origin, long bytes) implements Checked {
  }

  private record Rejected(List<ImportProblem> problems) implements Checked {
  }

  /** Reads and checks the import's records, handing them to the storing thread in input order. */
  private final class Pipeline implements AutoCloseable {
    /** What the reading thread does: feed every record of the inputs to the sink. */
    interface Reading {
      void readInto(Sink sink) throws Exception;
    }

    /**
     * Where the reading thread puts records and documents, grouped into checking tasks and queued in order. Small
     * documents (a study file, a ZIP entry) are read by the checking task itself, so that parsing runs on every core;
     * a large one (an API page) is read here and its records are handed on in groups, so that memory stays flat.
     */
    final class Sink {
      private List<Object> items = new ArrayList<>(TASK);
      private String origin;
      /** Tasks that read documents of the source being read; it stays open until they are done. */
      private final List<CompletableFuture<Step>> readingDocuments = new ArrayList<>();

      void accept(StudyRecord record, String origin) throws InterruptedException {
        add(record, origin);
      }

      void accept(StudyDocument document, String origin) throws InterruptedException {
        if (document.size() >= 0 && document.size() <= SMALL_DOCUMENT) {
          add(document, origin);
          return;
        }
        submit();
        Iterator<StudyRecord> records = document.records();
        try {
          while (records.hasNext()) add(records.next(), origin);
        } finally {
          // a document left part-read (the import failed or was interrupted) still holds its file open
          if (records instanceof AutoCloseable open) {
            try {
              open.close();
            } catch (Exception ignored) {
              // closing an input that was only read: nothing to recover
            }
          }
        }
      }

      private void add(Object item, String origin) throws InterruptedException {
        if (!items.isEmpty() && !origin.equals(this.origin)) submit();
        this.origin = origin;
        items.add(item);
        if (items.size() == TASK) submit();
      }

      void unusable(ImportProblem problem) throws InterruptedException {
        submit();
        queue.put(CompletableFuture.completedFuture(new Step(List.of(), problem)));
      }

      void submit() throws InterruptedException {
        if (items.isEmpty()) return;
        List<Object> task = items;
        String taskOrigin = origin;
        items = new ArrayList<>(TASK);
        CompletableFuture<Step> checking =
            CompletableFuture.supplyAsync(() -> new Step(check(task, taskOrigin), null), checkers);
        // only tasks still running are kept: a finished one holds its results, which memory must not pile up
        readingDocuments.removeIf(CompletableFuture::isDone);
        if (task.stream().anyMatch(StudyDocument.class::isInstance)) readingDocuments.add(checking);
        queue.put(checking);
      }

      /** Hands on what is left of a source and waits until its documents are read, so that it may be closed. */
      void sourceRead() throws InterruptedException {
        submit();
        for (CompletableFuture<Step> task : readingDocuments) {
          try {
            task.join();
          } catch (RuntimeException e) {
            // reported where the task's result is taken
          }
        }
        readingDocuments.clear();
      }
    }

    /** Checked records of one task, or an input that could not be read. */
    private record Step(List<Checked> checked, ImportProblem unusable) {
    }

    private static final Step END = new Step(List.of(), null);
    private final ExecutorService checkers;
    /** Tasks in input order; bounded, so that memory stays flat when storing is slower than reading. */
    private final BlockingQueue<CompletableFuture<Step>> queue;
    private final Thread reader;
    private volatile Throwable readFailure;

    Pipeline(Reading reading) {
      int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
      this.checkers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("eligo-import-check-", 0)
          .factory());
      this.queue = new ArrayBlockingQueue<>(2 * threads + 2);
      Sink sink = new Sink();
      this.reader = Thread.ofPlatform().daemon().name("eligo-import-read").unstarted(() -> {
        try {
          reading.readInto(sink);
          sink.submit();
        } catch (InterruptedException e) {
          return; // the import was abandoned
        } catch (Throwable e) {
          readFailure = e;
        }
        try {
          queue.put(CompletableFuture.completedFuture(END));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      reader.start();
    }

    /** Stores every checked record in input order; rethrows what failed while reading or checking. */
    void drainInto(Run run) {
      try {
        while (true) {
          Step step = queue.take().join();
          if (step == END) break;
          if (step.unusable() != null) {
            run.unusable++;
            run.problems.add(step.unusable());
          }
          for (Checked checked : step.checked()) run.accept(checked);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("import interrupted", e);
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      if (readFailure instanceof RuntimeException r) throw r;
      if (readFailure instanceof Error err) throw err;
      if (readFailure != null) throw new IllegalStateException("reading the import failed", readFailure);
    }

    @Override
    public void close() {
      reader.interrupt();
      // not shutdownNow: a task it drops never completes, and the reading thread waits for the tasks reading a
      // source's documents before it closes the source (it would wait forever, holding the source open); what is
      // queued is a few tasks, which end on their own
      checkers.shutdown();
    }
  }

  /**
   * Reads one task's documents, checks its records against API v2 and prepares the accepted ones for the store (any
   * thread).
   */
  private static List<Checked> check(List<Object> items, String origin) {
    List<Checked> checked = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof StudyDocument document) {
        document.records().forEachRemaining(record -> checked.add(check(record, origin)));
      } else {
        checked.add(check((StudyRecord) item, origin));
      }
    }
    return checked;
  }

  private static Checked check(StudyRecord record, String origin) {
    return switch (record) {
      case RawStudyError error -> new Rejected(List.of(problem(error.origin(), "", "$", error.reason())));
      case RawStudy raw -> switch (TrialDocuments.read(raw.json())) {
        case ReadResult.Rejected r -> new Rejected(r.diagnostics().stream().filter(Diagnostic::isError)
            .map(d -> problem(raw.origin(), r.nctId(), d.path(), d.reason())).toList());
        case ReadResult.Accepted a -> {
          HashedStudy study = prepare(raw, a.trial(), origin);
          yield new Ready(study, a.trial().nctId(), raw.origin(), study.study().document().utf8().length);
        }
      };
    };
  }


  /** The state of one import, on the storing thread. */
  private final class Run {
    final ImportListener listener;
    final List<Ready> batch = new ArrayList<>(BATCH);
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

    void accept(Checked checked) {
      read++;
      switch (checked) {
        case Rejected r -> {
          rejected++;
          problems.addAll(r.problems());
        }
        case Ready ready -> {
          bytes += ready.bytes();
          batch.add(ready);
          if (batch.size() >= BATCH) flush();
        }
      }
    }

    void flush() {
      if (batch.isEmpty()) {
        listener.progress(read);
        return;
      }
      List<UpsertOutcome> outcomes = trials.upsertHashed(batch.stream().map(Ready::study).toList());
      for (int i = 0; i < outcomes.size(); i++) {
        switch (outcomes.get(i)) {
          case INSERTED -> inserted++;
          case UPDATED -> updated++;
          case UNCHANGED -> unchanged++;
          case SKIPPED_OLDER -> {
            skipped++;
            Ready ready = batch.get(i);
            ImportProblem at = problem(ready.origin(), null, "", "");
            // named up to a limit (memory stays flat on a huge import of old versions); all are counted
            if (olderThanStored.size() < NAMED_OLDER) olderThanStored.add(ready.nctId() + " in " + at.file()
                + (at.record().isEmpty() ? "" : " " + at.record()));
          }
        }
      }
      batch.clear();
      listener.progress(read);
    }

    ImportReport report(Instant started) {
      return new ImportReport(read, inserted, updated, unchanged, skipped, rejected, unusable, bytes,
          java.time.Duration.between(started, Instant.now()).toMillis(), problems, olderThanStored, 0);
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

  /**
   * An accepted study as the store takes it: its document in stored form ({@link #write}), the fields the store
   * indexes, and its content hash. What every checking thread does after checking.
   */
  public static HashedStudy prepare(RawStudy raw, org.eligo.core.trial.Trial trial, String origin) {
    return HashedStudy.of(TrialDocuments.toStored(trial, JsonText.ofUtf8(write(raw)), origin));
  }

  /**
   * The document as stored: compact JSON in UTF-8, the bytes as read when the study was a document of its own, else
   * its parsed tree written out.
   */
  private static byte[] write(RawStudy raw) {
    if (raw.source() != null) return CompactJson.of(raw.source());
    try {
      return JSON.writeValueAsBytes(raw.json());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree could not be written back", e);
    }
  }
}
