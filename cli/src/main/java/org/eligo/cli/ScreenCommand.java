package org.eligo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.eligo.core.match.MatchCandidate;
import org.eligo.fhir.bulk.BulkLineError;
import org.eligo.registry.Registry;
import org.eligo.screening.CandidateFile;
import org.eligo.screening.PopulationScreening;
import org.eligo.screening.ScreeningListener;
import org.eligo.screening.ScreeningRequest;
import org.eligo.screening.ScreeningSummary;
import org.eligo.screening.read.PatientRecordReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eligo screen --input DIR --output DIR}: a whole population against the registry's trials. */
@Command(name = "screen", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Pre-screens a patient population exported as FHIR Bulk Data NDJSON (Patient.ndjson, "
        + "Observation.ndjson, Condition.ndjson, ...; plain or .gz, one or several files per type) against the "
        + "registry's trials, with the same engine as 'eligo match'. Resources are grouped by patient on disk, so "
        + "memory stays bounded whatever the population size; all cores are used.",
        "Writes, per trial, the candidate patients (ELIGIBLE or NEEDS_INFO) with their open questions and every "
        + "criterion's status as trials/NCT....ndjson and .csv, plus summary.json (patients screened, counts by "
        + "verdict per trial) and unreadable-lines.csv (file, line and reason of every line that could not be "
        + "used: not JSON, unknown resource type, reference to a missing patient). Bad lines never stop the run.",
        "An interrupted run, started again with the same options, continues after the last finished bucket.",
        "Without --trial, the trials open to enrolment are screened.",
        "", "Examples:", "  eligo generate population --patients 10000 --seed 42 --out /tmp/pop",
        "  eligo screen --input /tmp/pop --output /tmp/screened",
        "  eligo screen --input export/ --output out/ --trial NCT06802055 \\",
        "      --as-of 2026-01-15",
        "  eligo screen --input export/ --output out/ --all --threads 2",
        "  eligo screen --save-trials trials.ndjson   (for the Spark job's --trials)"},
    footer = {"", "Patient data stays in the output directory: nothing about a patient is printed or logged.",
        "Exit codes: 0 done; 1 done, but some lines could not be used (see unreadable-lines.csv); "
            + "2 nothing usable (no bulk files, unknown trial, bad options)."})
final class ScreenCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--input", paramLabel = "DIR", description = "Bulk Data export directory (required unless only "
      + "--save-trials is given).")
  Path input;

  @Option(names = "--output", paramLabel = "DIR", description = "Directory for the results.")
  Path output;

  @Option(names = "--save-trials", paramLabel = "FILE", description = "Write the selected trials with their compiled "
      + "criteria as NDJSON (the --trials input of the Spark job); without --input, only that.")
  Path saveTrials;

  @Option(names = "--trial", split = Problems.NCT_LIST, splitSynopsisLabel = ",", paramLabel = "NCT_ID",
      description = "Screen for these trials whatever their status (repeatable or comma-separated).")
  List<String> trials = new ArrayList<>();

  @Option(names = "--all", description = "Screen for every trial in the registry, open or not.")
  boolean all;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", description = "The date that counts as today for every time "
      + "window (default: today).")
  String asOf;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--buckets", paramLabel = "N", description = "Buckets to group patients in (default: from the "
      + "input size, about 32 MB of NDJSON each).")
  Integer buckets;

  @Option(names = "--reader", paramLabel = "fast|hapi", defaultValue = "fast", description = "Patient reader: the "
      + "fast JSON reader (HAPI for shapes it does not know) or HAPI for everything (default: ${DEFAULT-VALUE}).")
  PatientRecordReader.Mode reader;

  @Option(names = "--no-progress", description = "Print plain progress lines even on a terminal.")
  boolean noProgress;

  @Override
  public Integer call() {
    LocalDate date;
    try {
      date = asOf == null ? LocalDate.now() : LocalDate.parse(asOf);
    } catch (DateTimeParseException e) {
      throw new Problems.UserError("--as-of must be a date like 2026-01-15: " + asOf);
    }
    if (threads != null && threads < 1) throw new Problems.UserError("--threads must be at least 1");
    if (buckets != null && (buckets < 1 || buckets > PopulationScreening.MAX_BUCKETS)) {
      throw new Problems.UserError("--buckets must be between 1 and " + PopulationScreening.MAX_BUCKETS);
    }
    List<MatchCandidate> candidates;
    try (Registry registry = RegistryOptions.open(spec)) {
      candidates = select(registry.candidates());
    }
    if (candidates.isEmpty()) throw new Problems.UserError("no trials to screen for (none open; use --all or --trial)");
    if (saveTrials != null) {
      CandidateFile.write(saveTrials, candidates);
      spec.commandLine().getOut().printf("Wrote %d trials to %s%n", candidates.size(), saveTrials);
      if (input == null && output == null) return ExitCode.OK;
    }
    if (input == null || output == null) throw new Problems.UserError("--input and --output are both needed to screen");
    ScreeningRequest request = ScreeningRequest.of(input, output, candidates, date).withReader(reader);
    if (threads != null) request = request.withThreads(threads);
    if (buckets != null) request = request.withBuckets(buckets);
    PrintWriter out = spec.commandLine().getOut();
    ScreeningSummary summary;
    try (Progress progress = noProgress || System.console() == null ? new PlainProgress(out) : new BarProgress()) {
      summary = PopulationScreening.run(request, progress);
    } catch (IllegalArgumentException e) {
      throw new Problems.UserError(e.getMessage());
    }
    print(summary, out);
    return summary.unreadableLines() > 0 ? ExitCode.PARTIAL : ExitCode.OK;
  }

  private List<MatchCandidate> select(Collection<MatchCandidate> available) {
    if (trials.isEmpty()) {
      return available.stream().filter(c -> all || c.trial().overallStatus().isOpenToEnrolment())
          .sorted(java.util.Comparator.comparing((MatchCandidate c) -> c.trial().nctId())).toList();
    }
    Map<String, MatchCandidate> byId = available.stream().collect(Collectors.toMap(c -> c.trial().nctId(),
        Function.identity(), (a, b) -> a));
    Set<String> unique = new LinkedHashSet<>(trials);
    List<MatchCandidate> chosen = new ArrayList<>();
    for (String id : unique) {
      MatchCandidate c = byId.get(id);
      if (c == null) throw new Problems.UserError("unknown trial " + id + " (not in the registry)");
      chosen.add(c);
    }
    return chosen;
  }

  private static void print(ScreeningSummary s, PrintWriter out) {
    out.printf("Screened %,d patients against %d trials (%,d patient-trial pairs) in %.1f s%n", s.patients(),
        s.trials().size(), s.pairs(), s.total().toMillis() / 1000.0);
    if (s.deceased() > 0) {
      out.printf("  not screened: %,d patients whose record says they had died by the as-of date%n", s.deceased());
    }
    if (s.resumedBuckets() > 0) {
      out.printf("  resumed: %d of %d buckets were done by an earlier run%n", s.resumedBuckets(), s.buckets());
    }
    out.printf("%-13s %10s %10s %12s%n", "trial", "ELIGIBLE", "NEEDS_INFO", "INELIGIBLE");
    for (ScreeningSummary.TrialCounts t : s.trials()) {
      out.printf("%-13s %,10d %,10d %,12d%n", t.nctId(), t.eligible(), t.needsInfo(), t.ineligible());
    }
    if (s.unreadableLines() > 0) {
      out.printf("%,d lines could not be used:%n", s.unreadableLines());
      for (BulkLineError e : s.firstUnreadable().subList(0, Math.min(10, s.firstUnreadable().size()))) {
        out.println("  " + e);
      }
      if (s.unreadableLines() > 10) out.println("  ... all are in unreadable-lines.csv");
    }
    out.println("Results: " + s.output().resolve("trials") + " (one .ndjson and .csv per trial), "
        + s.output().resolve("summary.json"));
  }

  /** Progress shown while screening. */
  private interface Progress extends ScreeningListener, AutoCloseable {
    @Override
    void close();
  }

  private static String label(ScreeningListener.Phase phase) {
    return switch (phase) {
      case PARTITION -> "Grouping by patient";
      case SCREEN -> "Screening buckets";
      case WRITE -> "Writing results";
    };
  }

  /** A progress bar per phase, on the terminal. */
  private static final class BarProgress implements Progress {
    private ProgressBar bar;

    @Override
    public void started(Phase phase, long total, long done) {
      close();
      ProgressBarBuilder b = new ProgressBarBuilder().setTaskName(label(phase)).setInitialMax(total)
          .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250);
      if (phase == Phase.PARTITION) b.setUnit(" MB", 1_000_000);
      bar = b.build();
      bar.stepTo(done);
    }

    @Override
    public void progressed(Phase phase, long done) {
      if (bar != null) bar.stepTo(done);
    }

    @Override
    public void close() {
      if (bar != null) bar.close();
      bar = null;
    }
  }

  /** A line per phase and every tenth of the way, for logs and pipes. */
  private static final class PlainProgress implements Progress {
    private final PrintWriter out;
    private long total;
    private long lastTenth;

    PlainProgress(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void started(Phase phase, long total, long done) {
      this.total = Math.max(1, total);
      this.lastTenth = done * 10 / this.total;
      out.printf("%s ...%s%n", label(phase), done > 0 ? " (resuming: " + done + " of " + total + " done)" : "");
    }

    @Override
    public void progressed(Phase phase, long done) {
      long tenth = done * 10 / total;
      if (tenth > lastTenth) {
        lastTenth = tenth;
        out.printf("  %s: %d%%%n", label(phase), tenth * 10);
      }
    }

    @Override
    public void close() {}
  }
}
