package org.eligo.screening;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.MatchCandidate;
import org.eligo.screening.bulk.BucketPartitioner;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.ErrorLog;
import org.eligo.screening.read.MedicationCatalog;
import org.eligo.screening.read.PatientRecordReader;

/**
 * Screens a FHIR Bulk Data population against candidate trials on one machine, in three resumable phases:
 * partition the export's lines by patient into bucket files; screen bucket after bucket on all cores (each bucket's
 * results are kept with a completion marker); write each trial's candidates and the summary. Memory is bounded by a
 * few buckets (about 32 MB of text each) whatever the population size. An interrupted run, started again with the
 * same input, trials and date, continues after the last finished bucket.
 */
public final class PopulationScreening {
  /** Target bucket size in uncompressed NDJSON. */
  public static final long BUCKET_BYTES = 32L << 20;
  /** Most buckets (each worker keeps a file open per bucket while partitioning). */
  public static final int MAX_BUCKETS = 4096;

  private PopulationScreening() {}

  /**
   * Runs (or resumes) a screening.
   *
   * @throws IllegalArgumentException when the input holds no bulk files
   */
  public static ScreeningSummary run(ScreeningRequest request, ScreeningListener listener) {
    long started = System.nanoTime();
    BulkFiles input = BulkFiles.discover(request.input());
    List<String> fileNames = input.files().stream().map(BulkFile::name).toList();
    int workers = request.threads();
    int buckets = request.buckets() > 0 ? request.buckets() : (int) Math.min(MAX_BUCKETS,
        Math.max(workers, (input.estimatedTextBytes() + BUCKET_BYTES - 1) / BUCKET_BYTES));
    WorkDir work = new WorkDir(request.output());
    boolean resumed = work.open(manifest(request, input, buckets, workers));
    Listener events = new Listener(listener);
    try {
      long partitionStart = System.nanoTime();
      long lines = partition(input, work, buckets, workers, events);
      Duration partitionTime = Duration.ofNanos(System.nanoTime() - partitionStart);

      long screenStart = System.nanoTime();
      List<TrialScreener> trials = request.candidates().stream().map(TrialScreener::new).toList();
      MedicationCatalog medications;
      try (ErrorLog problems = new ErrorLog(work.medicationErrors())) {
        medications = MedicationCatalog.read(input.medications(), problems::add);
      }
      PatientRecordReader reader = PatientRecordReader.bundled(request.reader(), medications);
      int resumedBuckets = screen(request, work, buckets, workers, fileNames, reader, trials, events);
      Duration screenTime = Duration.ofNanos(System.nanoTime() - screenStart);

      long writeStart = System.nanoTime();
      long patients = 0;
      long deceased = 0;
      long fast = 0;
      long[][] counts = new long[trials.size()][Verdict.values().length];
      for (int b = 0; b < buckets; b++) {
        BucketScreening.Stats s = BucketScreening.Stats.read(work.done(b), trials.size());
        patients += s.patients();
        deceased += s.deceased();
        fast += s.fast();
        for (int t = 0; t < trials.size(); t++) {
          for (int v = 0; v < counts[t].length; v++) counts[t][v] += s.counts()[t][v];
        }
      }
      events.started(ScreeningListener.Phase.WRITE, buckets, 0);
      LongAdder written = new LongAdder();
      ResultWriter.trials(request.output(), work, buckets, trials.stream().map(TrialScreener::trialId).toList(),
          () -> {
            written.increment();
            events.progressed(ScreeningListener.Phase.WRITE, written.sum());
          });
      ResultWriter.Errors errors = ResultWriter.unreadable(request.output(), work, buckets);
      List<ScreeningSummary.TrialCounts> perTrial = new ArrayList<>();
      for (int t = 0; t < trials.size(); t++) {
        MatchCandidate c = trials.get(t).candidate();
        perTrial.add(new ScreeningSummary.TrialCounts(c.trial().nctId(), c.trial().title(),
            counts[t][Verdict.ELIGIBLE.ordinal()], counts[t][Verdict.NEEDS_INFO.ordinal()],
            counts[t][Verdict.INELIGIBLE.ordinal()]));
      }
      Duration writeTime = Duration.ofNanos(System.nanoTime() - writeStart);
      ScreeningSummary summary = new ScreeningSummary(request.output(), patients, lines, perTrial, errors.count(),
          errors.first(), fast, deceased, buckets, resumedBuckets, partitionTime, screenTime, writeTime,
          Duration.ofNanos(System.nanoTime() - started));
      ResultWriter.summary(request.output(), summary, request);
      WorkDir.delete(work.root);
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long partition(BulkFiles input, WorkDir work, int buckets, int workers, Listener events)
      throws IOException {
    ObjectMapper json = new ObjectMapper();
    if (Files.exists(work.partitioned())) {
      events.started(ScreeningListener.Phase.PARTITION, input.totalBytes(), input.totalBytes());
      return json.readTree(Files.readString(work.partitioned(), StandardCharsets.UTF_8)).get("lines").asLong();
    }
    work.clearBuckets();
    events.started(ScreeningListener.Phase.PARTITION, input.totalBytes(), 0);
    LongAdder read = new LongAdder();
    Thread ticker = Thread.ofPlatform().daemon().name("screening-progress").start(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(250);
          events.progressed(ScreeningListener.Phase.PARTITION, read.sum());
        }
      } catch (InterruptedException e) {
        // done
      }
    });
    BucketPartitioner.Result result;
    try (ErrorLog errors = new ErrorLog(work.partitionErrors())) {
      result = BucketPartitioner.partition(input, work.buckets, buckets, workers, errors, read);
    } finally {
      ticker.interrupt();
    }
    events.progressed(ScreeningListener.Phase.PARTITION, input.totalBytes());
    WorkDir.write(work.partitioned(), json.createObjectNode().put("lines", result.lines())
        .put("routed", result.routed()).toString());
    return result.lines();
  }

  private static int screen(ScreeningRequest request, WorkDir work, int buckets, int workers,
                            List<String> fileNames, PatientRecordReader reader, List<TrialScreener> trials,
                            Listener events) {
    List<Integer> pending = new ArrayList<>();
    for (int b = 0; b < buckets; b++) if (!Files.exists(work.done(b))) pending.add(b);
    int resumed = buckets - pending.size();
    events.started(ScreeningListener.Phase.SCREEN, buckets, resumed);
    LongAdder done = new LongAdder();
    done.add(resumed);
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "screening-bucket");
      t.setDaemon(true);
      return t;
    });
    try {
      // completion order, so the first failure stops the run at once instead of after the buckets queued before it
      java.util.concurrent.CompletionService<Object> completion = new java.util.concurrent.ExecutorCompletionService<>(pool);
      List<Future<?>> futures = new ArrayList<>();
      for (int b : pending) {
        futures.add(completion.submit(() -> {
          BucketScreening.Stats s = BucketScreening.run(b, work, workers, fileNames, reader, trials,
              request.asOf());
          done.increment();
          events.bucketScreened(b, s.patients());
          events.progressed(ScreeningListener.Phase.SCREEN, done.sum());
          return null;
        }));
      }
      for (int i = 0; i < futures.size(); i++) completion.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("screening interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      throw new IllegalStateException("screening failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
      try {
        pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return resumed;
  }

  /** The identity of a run: what must be equal for a resume to be valid. */
  private static String manifest(ScreeningRequest request, BulkFiles input, int buckets, int workers) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode n = json.createObjectNode();
    n.put("version", 1);
    n.put("asOf", request.asOf().toString());
    n.put("buckets", buckets);
    n.put("workers", workers);
    n.put("reader", request.reader().name());
    ArrayNode trials = n.putArray("trials");
    for (MatchCandidate c : request.candidates()) trials.add(c.trial().nctId() + "@" + fingerprint(c));
    ArrayNode files = n.putArray("files");
    for (BulkFile f : input.files()) {
      try {
        files.addObject().put("name", f.name()).put("size", f.size())
            .put("modified", Files.getLastModifiedTime(f.path()).toMillis());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return n.toString();
  }

  /** A digest of a trial's criteria that is the same in every JVM (record hash codes are not: enums). */
  private static String fingerprint(MatchCandidate c) {
    StringBuilder b = new StringBuilder();
    for (var criterion : c.criteria().criteria()) {
      b.append(criterion.id()).append('|').append(criterion.type()).append('|').append(criterion.text()).append('|')
          .append(org.eligo.core.rule.RuleDescriber.describe(criterion.rule())).append('\n');
    }
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(
          StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Passes events on one at a time. */
  private static final class Listener {
    private final ScreeningListener delegate;

    Listener(ScreeningListener delegate) {
      this.delegate = delegate;
    }

    synchronized void started(ScreeningListener.Phase phase, long total, long done) {
      delegate.started(phase, total, done);
    }

    synchronized void progressed(ScreeningListener.Phase phase, long done) {
      delegate.progressed(phase, done);
    }

    synchronized void bucketScreened(int bucket, long patients) {
      delegate.bucketScreened(bucket, patients);
    }
  }
}
