package org.eligo.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eligo.ctgov.synthetic.SyntheticRegistryWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eligo generate trials}: synthetic data for benchmarks and demos. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes synthetic data sets for benchmarks and demos (never mixed with real trials: synthetic "
        + "NCT IDs start with NCT9).", "", "Examples:",
        "  eligo generate trials --count 1000 --seed 1 --out /tmp/trials",
        "  eligo generate population --patients 1000 --seed 1 --out /tmp/population"},
    subcommands = {GenerateCommand.Trials.class, GeneratePopulationCommand.class})
final class GenerateCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code eligo generate trials --count N --seed S --out DIR}. */
  @Command(name = "trials", mixinStandardHelpOptions = true, sortOptions = false,
      description = {"Writes N realistic ClinicalTrials.gov API v2 studies (conditions, interventions, criteria text "
          + "in the styles real records use, sites with geo points) as JSON files in folders of 1,000. The same "
          + "seed always gives the same studies.", "", "Examples:",
          "  eligo generate trials --count 10000 --seed 42 --out /tmp/trials", "  eligo import /tmp/trials"})
  static final class Trials implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many studies.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed (default: "
        + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into.")
    Path out;

    @Override
    public Integer call() throws IOException {
      if (count < 1) throw new Problems.UserError("--count must be at least 1");
      SyntheticRegistryWriter.Summary summary = SyntheticRegistryWriter.write(out, count, seed);
      spec.commandLine().getOut().printf("Wrote %,d studies (%,d MB) to %s in %.1f s (%,.0f studies/s)%n",
          summary.studies(), summary.bytes() / 1_000_000, summary.dir(), summary.elapsed().toMillis() / 1000.0,
          summary.studiesPerSecond());
      return ExitCode.OK;
    }
  }
}
