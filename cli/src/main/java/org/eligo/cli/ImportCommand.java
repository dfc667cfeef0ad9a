package org.eligo.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.eligo.registry.Registry;
import org.eligo.registry.imports.ImportListener;
import org.eligo.registry.imports.ImportProblem;
import org.eligo.registry.imports.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eligo import PATH...}: loads ClinicalTrials.gov API v2 studies into the registry. */
@Command(name = "import", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Imports ClinicalTrials.gov API v2 studies: a study JSON file, an API page ({\"studies\":[...]}), a directory "
            + "tree of such files, or the bulk ZIP the registry offers for download.",
        "A study is matched by NCT ID: a newer version (lastUpdatePostDate) replaces the stored one, an older one "
            + "never overwrites a newer, and re-importing the same data changes nothing. Every change of overall or "
            + "site status is kept as history.",
        "Malformed records are listed (file, record, JSON path, reason) while everything else imports.",
        "Studies are stored first, then the search index takes in the ones that changed; each step shows its progress "
            + "and the closing line gives both times.",
        "",
        "Examples:",
        "  eligo import NCT06802055.json",
        "  eligo import ctg-studies.zip more-studies/"},
    footer = {"", "Exit codes: 0 all imported; 1 some records rejected; 2 an input was unusable."})
final class ImportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Study files, API pages, directories or ZIPs.")
  List<Path> inputs;

  @Option(names = "--max-problems", defaultValue = "50", paramLabel = "N",
      description = "Show at most N rejected records (default: ${DEFAULT-VALUE}); all are counted.")
  int maxProblems;

  @Option(names = "--quiet", description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (Registry registry = RegistryOptions.open(spec)) {
      ImportReport report;
      // the total when it can be told beforehand (study files, ZIP entries), else an open-ended count
      java.util.OptionalLong expected = quiet ? java.util.OptionalLong.empty()
          : org.eligo.ctgov.source.StudyCount.expectedStudies(inputs);
      if (!quiet && System.console() != null) {
        // the import's bar, then the search index's: each closed once (a closed bar drawn again shows a wrong time)
        ProgressBar importing = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(expected.orElse(-1))
            .setStyle(ProgressBarStyle.ASCII).setUnit(" studies", 1).showSpeed().build();
        ProgressBar[] indexing = new ProgressBar[1];
        try {
          report = registry.importPaths(inputs, new ImportListener() {
            @Override
            public void progress(long recordsRead) {
              // more than expected (a ZIP entry that held a whole page): the total was wrong, so show none
              if (expected.isPresent() && recordsRead > expected.getAsLong()) importing.maxHint(-1);
              importing.stepTo(recordsRead);
            }

            @Override
            public void indexing(long done, long total) {
              if (indexing[0] == null) {
                importing.close();
                indexing[0] = new ProgressBarBuilder().setTaskName("Indexing for search").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" studies", 1).showSpeed().build();
              }
              indexing[0].maxHint(total);
              indexing[0].stepTo(done);
            }
          });
        } finally {
          if (indexing[0] == null) {
            importing.close();
          } else {
            indexing[0].close();
          }
        }
      } else {
        report = registry.importPaths(inputs, quiet ? ImportListener.NONE : new PlainProgress(err, expected));
      }
      List<ImportProblem> problems = report.problems();
      for (int i = 0; i < Math.min(maxProblems, problems.size()); i++) err.println("rejected: " + problems.get(i));
      if (problems.size() > maxProblems) {
        err.println("... and " + (problems.size() - maxProblems) + " more (use --max-problems to see them)");
      }
      List<String> older = report.olderThanStored();
      for (int i = 0; i < Math.min(maxProblems, older.size()); i++) {
        err.println("older than stored, kept the newer: " + older.get(i));
      }
      if (older.size() > maxProblems) err.println("... and " + (older.size() - maxProblems) + " more older records");
      out.println("Imported " + report.summary());
      return report.exitCode();
    }
  }

  /** Progress as plain lines, for logs and pipes: one line every 10,000 studies. */
  private static final class PlainProgress implements ImportListener {
    private final PrintWriter err;
    private final java.util.OptionalLong expected;
    private long lastReported;
    private long lastIndexed = -1;

    @Override
    public void indexing(long done, long total) {
      if (total < 10_000) return; // a small import indexes in a moment
      if (lastIndexed < 0 || done - lastIndexed >= 10_000 || (done == total && done != lastIndexed)) {
        err.println(String.format(java.util.Locale.ROOT, "search index: %d of %d changed studies indexed", done,
            total));
        lastIndexed = done;
      }
    }

    PlainProgress(PrintWriter err, java.util.OptionalLong expected) {
      this.err = err;
      this.expected = expected;
    }

    @Override
    public void progress(long recordsRead) {
      if (recordsRead - lastReported >= 10_000) {
        err.println("import: " + recordsRead + (expected.isPresent() && expected.getAsLong() >= recordsRead
            ? String.format(java.util.Locale.ROOT, " of %d records read (%d%%)", expected.getAsLong(),
                100 * recordsRead / Math.max(1, expected.getAsLong()))
            : " records read"));
        lastReported = recordsRead;
      }
    }
  }
}
