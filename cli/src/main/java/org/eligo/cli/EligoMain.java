package org.eligo.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;

/** The {@code eligo} command: finds clinical trials and checks eligibility. */
@Command(name = "eligo", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    sortOptions = false, usageHelpAutoWidth = true,
    header = "Eligo: a clinical-trial finder and eligibility engine.",
    description = {
        "Keeps a registry of trials (ClinicalTrials.gov API v2 data; the seed sirolimus trials are bundled and load "
            + "on first start), searches it, and checks patients (FHIR R4) against each trial's criteria.",
        "",
        "Examples:",
        "  eligo trials list --status RECRUITING",
        "  eligo trials show NCT06802055",
        "  eligo import ctg-studies.zip",
        "  eligo export NCT02979873 --out exported/",
        "  eligo serve --port 8080"},
    footer = {"", "Exit codes: 0 done; 1 done, some records rejected; 2 unusable input or options.",
        "Environment: ELIGO_DATA (like --data), ELIGO_DB or ELIGO_DB_URL (like --db),",
        "  ELIGO_DB_USER and ELIGO_DB_PASSWORD (user and password if the URL has none)."},
    subcommands = {ImportCommand.class, ExportCommand.class, TrialsCommand.class, GenerateCommand.class,
        SearchCommand.class, RelatedCommand.class, CriteriaCommand.class, MatchCommand.class, ScreenCommand.class,
        IndexCommand.class,
        ServeCommand.class,
        UsersCommand.class,
        org.eligo.cli.bench.BenchCommand.class,
        HelpCommand.class})
public final class EligoMain implements Runnable {
  @Mixin
  GlobalOptions global = new GlobalOptions();

  @CommandLine.Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The global options of the command line a subcommand belongs to. */
  static GlobalOptions global(CommandSpec spec) {
    return ((EligoMain) spec.root().userObject()).global;
  }

  /** Lucene's note about the incubating vector API is not for end users; kept strongly reachable so it sticks. */
  private static final java.util.logging.Logger LUCENE_VECTORIZATION =
      java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization");

  static {
    LUCENE_VECTORIZATION.setLevel(java.util.logging.Level.SEVERE);
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given output streams and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new EligoMain());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    EnumValues.register(cli);
    cli.setParameterExceptionHandler(new UsageErrors());
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      commandLine.getErr().println("eligo: " + Problems.describe(e));
      return ExitCode.UNUSABLE;
    });
    try {
      return cli.execute(args);
    } finally {
      out.flush(); // a report written with print() (no line end) would otherwise stay in the buffer
      err.flush();
    }
  }
}
