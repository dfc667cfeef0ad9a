package org.eligo.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eligo bench import|...}: prints benchmark figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks that print figures (see docs/benchmarks.md for results and how they were run).",
        "Run with a fixed heap to see memory stay flat, e.g. ELIGO_JAVA_OPTS=-Xmx256m ./eligo bench import"},
    subcommands = {BenchCommand.Import.class, BenchCommand.Http.class, ScreenBench.class})
public final class BenchCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code eligo bench import --count N}. */
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import throughput of N generated studies beside plain Jackson parsing of the same files.")
  static final class Import implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "100000", description = "Studies (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1")
    long seed;

    @Option(names = "--work", defaultValue = "bench-out", description = "Working directory (default: "
        + "${DEFAULT-VALUE}).")
    Path work;

    @Override
    public Integer call() throws Exception {
      ImportBench.run(count, seed, work, spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code eligo bench http}. */
  @Command(name = "http", mixinStandardHelpOptions = true,
      description = "POST /api/v1/match under concurrent load on loopback, beside the same matches in-process.")
  static final class Http implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--trials", defaultValue = "10000", description = "Generated trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "2000", description = "Requests per phase (default: "
        + "${DEFAULT-VALUE}; each phase also stops after 180 s).")
    int requests;

    @Option(names = "--work", defaultValue = "bench-out")
    Path work;

    @Override
    public Integer call() throws Exception {
      HttpBench.run(trials, clients, requests, work, spec.commandLine().getOut());
      return 0;
    }
  }
}
