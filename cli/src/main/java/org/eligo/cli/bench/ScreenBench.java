package org.eligo.cli.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.MatchCandidate;
import org.eligo.registry.Registry;
import org.eligo.registry.RegistryConfig;
import org.eligo.screening.PopulationScreening;
import org.eligo.screening.ScreeningListener;
import org.eligo.screening.ScreeningRequest;
import org.eligo.screening.ScreeningSummary;
import org.eligo.screening.TrialScreener;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.LineTriage;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.population.PopulationGenerator;
import org.eligo.screening.population.PopulationSpec;
import org.eligo.screening.read.PatientRecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eligo bench screen}: a generated population against every open trial of the (bundled) registry: wall time,
 * patients/s, patient-trial pairs per second per core, peak heap; plus the engine alone (patients already in memory,
 * one thread) so that reading and evaluating can be told apart.
 */
@Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Population screening throughput: generates N patients (kept in --work for the next run), "
        + "screens them against the registry's open trials, and prints wall time, patients/s, pairs/s per core and "
        + "peak heap; then the evaluator alone on a sample held in memory.",
        "", "Example:", "  ./eligo bench screen --patients 1000000 --work /tmp/bench-screen"})
public final class ScreenBench implements Callable<Integer> {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  @Spec
  CommandSpec spec;

  @Option(names = "--patients", defaultValue = "1000000", paramLabel = "N",
      description = "Population size (default: ${DEFAULT-VALUE}).")
  long patients;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Random seed of the synthetic "
      + "population; the same seed gives the same patients (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--work", defaultValue = "bench-screen", paramLabel = "DIR",
      description = "Working directory (default: "
      + "${DEFAULT-VALUE}).")
  Path work;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--all", description = "Every trial of the registry, not only the open ones.")
  boolean all;

  @Option(names = "--sample", defaultValue = "20000", paramLabel = "N",
      description = "Patients held in memory for the engine-only "
      + "figure (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(names = "--reader", defaultValue = "fast", paramLabel = "fast|hapi",
      description = "fast or hapi (default: ${DEFAULT-VALUE}).")
  PatientRecordReader.Mode reader;

  // A plain flag rather than a picocli negatable option: with a default of true, picocli read --no-sql as "the
  // default" and ran the SQL peers anyway.
  @Option(names = "--no-sql", description = "Skip the SQL peers. By default the same screen also runs as SQL in DuckDB "
      + "and in an embedded PostgreSQL, after checking they agree with Eligo.")
  boolean noSql;

  @Option(names = "--per-trial", description = "Also time the engine on each trial alone (3 s each), to see which "
      + "trials cost most.")
  boolean perTrial;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    int cores = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    out.printf("eligo bench screen: %s, %d cores used of %d, max heap %.0f MB, load average %.2f%n",
        LocalDateTime.now().withNano(0), cores, Runtime.getRuntime().availableProcessors(), HeapSampler.maxHeapMb(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Path population = population(work.resolve("population-" + patients + "-" + seed), patients, seed, out);
    List<MatchCandidate> candidates;
    try (Registry registry = Registry.open(RegistryConfig.embedded(work.resolve("registry")))) {
      candidates = registry.candidates().stream().filter(c -> all || c.trial().overallStatus().isOpenToEnrolment())
          .toList();
    }
    double criteria = candidates.stream().mapToInt(c -> c.criteria().criteria().size()).average().orElse(0);
    out.printf("trials: %d (%s), %.1f criteria per trial on average%n", candidates.size(), all ? "all" : "open",
        criteria);

    Path output = work.resolve("screened");
    long cpu0 = cpuNanos();
    ScreeningSummary s;
    try (HeapSampler heap = new HeapSampler()) {
      s = PopulationScreening.run(new ScreeningRequest(population, output, candidates, AS_OF, cores, 0, reader),
          ScreeningListener.NONE);
      double cpu = (cpuNanos() - cpu0) / 1e9;
      double wall = s.total().toMillis() / 1000.0;
      out.printf("screen: %,d patients x %d trials = %,d pairs in %.1f s wall (%.1f s CPU)%n", s.patients(),
          candidates.size(), s.pairs(), wall, cpu);
      out.printf("  phases: partition %.1f s, screen %.1f s, write %.1f s; %d buckets; %,d of %,d patients read by "
          + "the fast reader%n", s.partitionTime().toMillis() / 1000.0, s.screenTime().toMillis() / 1000.0,
          s.writeTime().toMillis() / 1000.0, s.buckets(), s.fastReads(), s.patients());
      out.printf("  %,.0f patients/s; %,.0f pairs/s; %,.0f pairs/s per core (wall x %d cores)%n",
          s.patients() / wall, s.pairs() / wall, s.pairs() / wall / cores, cores);
      out.printf("  peak heap used %.0f MB, peak live heap %.0f MB%n", heap.peakUsedMb(), heap.peakLiveMb());
      for (ScreeningSummary.TrialCounts t : s.trials()) {
        out.printf("  %s: ELIGIBLE %,d, NEEDS_INFO %,d, INELIGIBLE %,d%n", t.nctId(), t.eligible(), t.needsInfo(),
            t.ineligible());
      }
    }
    engineOnly(population, candidates, out);
    if (!noSql) SqlPeersBench.run(population, candidates, s, AS_OF, cores, work.resolve("sql"), out);
    return 0;
  }

  /** The evaluator alone: {@code sample} patients already indexed in memory, every trial, one thread. */
  private void engineOnly(Path population, List<MatchCandidate> candidates, PrintWriter out) throws IOException {
    List<PatientIndex> indexed = sample(population, sample);
    List<TrialScreener> trials = candidates.stream().map(TrialScreener::new).toList();
    EvaluationContext context = new EvaluationContext(AS_OF);
    long pairs = (long) indexed.size() * trials.size();
    if (perTrial) {
      for (TrialScreener t : trials) {
        double rate = bestRate(indexed.size(), () -> {
          long n = 0;
          for (PatientIndex p : indexed) if (t.decide(p, context) != Verdict.INELIGIBLE) n++;
          return n;
        });
        out.printf("  engine, %s alone: %,.0f patients/s (%d criteria)%n", t.trialId(), rate,
            t.candidate().criteria().criteria().size());
      }
    }
    long[] candidatesFound = new long[1];
    double bestDecide = bestRate(pairs, () -> {
      long undecided = 0;
      for (PatientIndex p : indexed) {
        for (TrialScreener t : trials) if (t.decide(p, context) != Verdict.INELIGIBLE) undecided++;
      }
      return undecided;
    });
    double best = bestRate(pairs, () -> {
      long found = 0;
      for (PatientIndex p : indexed) {
        for (TrialScreener t : trials) if (t.assess(p, context) != null) found++;
      }
      candidatesFound[0] = found;
      return found;
    });
    out.printf("engine only (one thread, %,d patients in memory, fastest round of 3 s): verdicts %,.0f pairs/s per core; "
        + "verdicts and the candidates' rows (statuses and questions) %,.0f pairs/s per core; %,d candidate pairs%n",
        indexed.size(),
        bestDecide, best, candidatesFound[0]);
  }

  /** Pairs per second of the fastest round, rounds repeated for at least 3 s (and 5 rounds) so the JIT settles. */
  private static double bestRate(long pairs, java.util.function.LongSupplier round) {
    double best = 0;
    long sink = 0;
    long until = System.nanoTime() + 3_000_000_000L;
    for (int i = 0; i < 5 || System.nanoTime() < until; i++) {
      long t0 = System.nanoTime();
      sink += round.getAsLong();
      best = Math.max(best, pairs / ((System.nanoTime() - t0) / 1e9));
    }
    if (sink < 0) throw new AssertionError(); // keeps the rounds' results alive
    return best;
  }

  static List<PatientIndex> sample(Path population, int size) throws IOException {
    Map<String, List<BucketRecord>> byPatient = new TreeMap<>();
    BulkFiles files = BulkFiles.discover(population);
    for (BulkFile f : files.files()) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8))) {
        long n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          n++;
          byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
          if (LineTriage.triage(bytes, 0, bytes.length, f.type()) instanceof LineTriage.Routed r
              && (f.type().ordinal() == 0 ? byPatient.size() < size : byPatient.containsKey(r.patientId()))) {
            byPatient.computeIfAbsent(r.patientId(), k -> new ArrayList<>())
                .add(new BucketRecord(r.patientId(), r.type(), f.index(), n, line));
          }
        }
      }
    }
    List<String> names = files.files().stream().map(BulkFile::name).toList();
    PatientRecordReader reader = PatientRecordReader.bundled(PatientRecordReader.Mode.FAST);
    List<PatientIndex> out = new ArrayList<>();
    for (Map.Entry<String, List<BucketRecord>> e : byPatient.entrySet()) {
      e.getValue().sort(BucketRecord.CANONICAL);
      out.add(PatientIndex.of(reader.read(new PatientLines(e.getKey(), e.getValue()), AS_OF, names).facts()));
    }
    return out;
  }

  /** The population for this size and seed, generated once. */
  static Path population(Path dir, long patients, long seed, PrintWriter out) throws IOException {
    Path done = dir.resolve(".complete");
    if (Files.exists(done)) {
      out.printf("population: %,d patients in %s (generated earlier)%n", patients, dir);
      return dir;
    }
    PopulationGenerator.Summary g = PopulationGenerator.write(PopulationSpec.of(patients, seed, AS_OF, dir));
    Files.writeString(done, "");
    out.printf("population: %,d patients, %,d resources, %,d MB generated in %.1f s (%,.0f patients/s)%n",
        g.patients(), g.totalResources(), g.bytes() / 1_000_000, g.elapsed().toMillis() / 1000.0,
        g.patientsPerSecond());
    return dir;
  }

  private static long cpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }
}
