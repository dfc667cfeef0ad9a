package org.eligo.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.ctgov.json.ReadResult;
import org.eligo.ctgov.source.Origin;
import org.eligo.ctgov.source.RawStudy;
import org.eligo.ctgov.source.StudyRecord;
import org.eligo.ctgov.source.StudySource;
import org.eligo.ctgov.source.StudySources;
import org.eligo.ctgov.source.UnusableInputException;
import org.eligo.ctgov.synthetic.SyntheticRegistryWriter;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import org.eligo.registry.TrialDocuments;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.imports.ImportReport;
import org.eligo.registry.imports.ImportService;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;
import org.eligo.store.imports.JdbiImportRunRepository;
import org.eligo.store.trial.JdbiTrialRepository;

/**
 * Import throughput against plain Jackson parsing of the same files, in one run: generates N studies (once per
 * size and seed), parses every file with Jackson's {@code readTree}, then imports them into a fresh embedded
 * registry, sampling the heap.
 */
public final class ImportBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ImportBench() {}

  public static void run(int count, long seed, Path work, boolean phases, int runs, PrintWriter out)
      throws IOException {
    Path trials = work.resolve("trials-" + count + "-" + seed);
    if (!Files.exists(trials.resolve("DONE"))) {
      out.printf("generating %,d studies into %s%n", count, trials);
      SyntheticRegistryWriter.write(trials, count, seed);
      Files.writeString(trials.resolve("DONE"), "ok");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(trials)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    long bytes = 0;
    for (Path f : files) bytes += Files.size(f);
    double mb = bytes / 1e6;
    double jacksonSeconds = 0;
    for (int run = 1; run <= runs; run++) {
      if (runs > 1) out.printf("run %d of %d%s%n", run, runs, run == 1 ? " (the JIT compiles the import as it goes)" : "");
      long cpu = processCpuNanos();
      jacksonSeconds = jackson(files, mb, out);
      double jacksonCpu = (processCpuNanos() - cpu) / 1e9;
      importOnce(trials, work, files.size(), mb, jacksonSeconds, jacksonCpu, out);
    }
    if (phases) phases(trials, work, mb, jacksonSeconds, out);
  }

  private static double jackson(List<Path> files, double mb, PrintWriter out) throws IOException {
    long t0 = System.nanoTime();
    long nodes = 0;
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        nodes += JSON.readTree(in).size();
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf("studies: %,d files, %.1f MB (%d top-level fields read)%n", files.size(), mb, nodes);
    out.printf("jackson readTree: %.2f s, %.1f MB/s, %,.0f studies/s%n", seconds, mb / seconds, files.size() / seconds);
    return seconds;
  }

  /**
   * CPU time of this whole process so far, every thread (the JIT compilers and the garbage collector too): unlike
   * elapsed time, it hardly moves when something else runs on the machine.
   */
  static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void importOnce(Path trials, Path work, int files, double mb, double jacksonSeconds,
                                 double jacksonCpu, PrintWriter out) throws IOException {
    Path registryDir = work.resolve("registry-" + files + "-" + System.nanoTime());
    ImportReport report;
    double importSeconds;
    double storeCpu;
    double indexCpu;
    double peakUsed;
    double peakLive;
    try (Registry registry = Registry.open(RegistryConfig.embedded(registryDir));
         HeapSampler heap = new HeapSampler()) {
      long t1 = System.nanoTime();
      long cpu = processCpuNanos();
      java.util.concurrent.atomic.AtomicLong storedCpu = new java.util.concurrent.atomic.AtomicLong();
      report = registry.importPaths(List.of(trials), new ImportListener() {
        @Override
        public void indexing(long done, long total) {
          storedCpu.compareAndSet(0, processCpuNanos()); // storing is over when the index starts catching up
        }
      });
      long end = processCpuNanos();
      importSeconds = (System.nanoTime() - t1) / 1e9;
      storeCpu = ((storedCpu.get() == 0 ? end : storedCpu.get()) - cpu) / 1e9;
      indexCpu = (storedCpu.get() == 0 ? 0 : end - storedCpu.get()) / 1e9;
      peakUsed = heap.peakUsedMb();
      peakLive = heap.peakLiveMb();
    } finally {
      deleteTree(registryDir); // the generated studies are kept for the next run; a registry of them is not
    }
    double storeSeconds = report.millis() / 1000.0;
    double indexSeconds = report.searchIndexMillis() / 1000.0;
    out.printf("eligo import:     %.2f s, %.1f MB/s, %,.0f studies/s (%s)%n", storeSeconds, mb / storeSeconds,
        files / storeSeconds, report.summary());
    out.printf("  then the search index: %.2f s (import and index together %.2f s, %,.0f studies/s)%n",
        indexSeconds, importSeconds, files / importSeconds);
    out.printf("import/jackson throughput: %.2f (import and index together: %.2f)%n", jacksonSeconds / storeSeconds,
        jacksonSeconds / importSeconds);
    if (processCpuNanos() < 0) { // the JVM reports -1 where it cannot measure CPU time
      out.println("cpu time: not measured (this JVM cannot read its process CPU time here)");
    } else {
      // a few studies may take less CPU than the clock's tick shows: then there is no ratio to give, only the times
      out.printf("cpu time (every thread, JIT and GC included): jackson %.2f s, import %.2f s, search index %.2f s "
          + "(jackson/import CPU: %s)%n", jacksonCpu, storeCpu, indexCpu,
          jacksonCpu > 0 && storeCpu > 0 ? String.format("%.2f", jacksonCpu / storeCpu) : "too small to measure");
    }
    out.printf("heap: max %.0f MB, peak used %.0f MB, peak live after GC %.0f MB%n", HeapSampler.maxHeapMb(),
        peakUsed, peakLive);
  }

  /**
   * The import's cost piece by piece, each phase run on its own over the same files: reading and checking every study
   * (the source's parse plus the API v2 checks), then also its stored form (as the import prepares it: compact document, content hash),
   * then the whole import into a fresh registry without the search index.
   */
  private static void phases(Path trials, Path work, double mb, double jacksonSeconds, PrintWriter out)
      throws IOException {
    for (int phase = 1; phase <= 2; phase++) {
      long t0 = System.nanoTime();
      long accepted = 0;
      try (StudySource source = StudySources.open(trials); Stream<StudyRecord> records = source.records()) {
        for (StudyRecord r : (Iterable<StudyRecord>) records::iterator) {
          if (!(r instanceof RawStudy raw) || !(TrialDocuments.read(raw.json()) instanceof ReadResult.Accepted a)) {
            continue;
          }
          accepted++;
          if (phase == 2) ImportService.prepare(raw, a.trial(), "x");
        }
      } catch (UnusableInputException e) {
        throw new IOException(e.getMessage(), e);
      }
      print(out, phase == 1 ? "read and check" : "+ stored form and hash", t0, mb, jacksonSeconds,
          accepted + " studies");
    }
    parallelRead(trials, mb, jacksonSeconds, out);
    Path registryDir = work.resolve("registry-noindex-" + System.nanoTime());
    try (Database database = Database.open(new DatabaseConfig.EmbeddedH2(registryDir))) {
      long t0 = System.nanoTime();
      ImportReport report = new ImportService(new JdbiTrialRepository(database), new JdbiImportRunRepository(database))
          .importPaths(List.of(trials), null, ImportListener.NONE);
      print(out, "store, no index", t0, mb, jacksonSeconds, report.inserted() + " stored");
    } finally {
      deleteTree(registryDir);
    }
  }

  /** Deletes a directory tree (a registry the run made: 1.4 GB at 100,000 studies). */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** Reading, checking and hashing split over every core, one file per task: the most any import could do here. */
  private static void parallelRead(Path trials, double mb, double jacksonSeconds, PrintWriter out) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(trials)) {
      files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    int threads = Runtime.getRuntime().availableProcessors();
    long t0 = System.nanoTime();
    long accepted = files.parallelStream().mapToLong(f -> {
      try {
        byte[] bytes = Files.readAllBytes(f);
        RawStudy raw = new RawStudy(new Origin(f, null, null, null, null), JSON.readTree(bytes), bytes);
        if (!(TrialDocuments.read(raw.json()) instanceof ReadResult.Accepted a)) return 0;
        ImportService.prepare(raw, a.trial(), "x");
        return 1;
      } catch (IOException e) {
        return 0;
      }
    }).sum();
    print(out, "same, on " + threads + " threads", t0, mb, jacksonSeconds, accepted + " studies");
  }

  private static void print(PrintWriter out, String phase, long t0, double mb, double jacksonSeconds, String what) {
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf("phase %-24s %6.2f s, %6.1f MB/s, %.2f of jackson (%s)%n", phase + ":", seconds, mb / seconds,
        jacksonSeconds / seconds, what);
  }
}
