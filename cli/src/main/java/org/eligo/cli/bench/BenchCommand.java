package org.eligo.cli.bench;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eligo.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code eligo bench import|...}: prints benchmark figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Benchmarks that print figures (see docs/benchmarks.md for results and how they were run).",
        "Run with a fixed heap to see memory stay flat, e.g.:", "  ELIGO_JAVA_OPTS=-Xmx256m ./eligo bench import"},
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
      description = {"Import throughput of N generated studies beside plain Jackson parsing of the same files.", "",
          "Example:", "  eligo bench import --count 10000 --seed 1"})
  static final class Import implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--count", defaultValue = "100000", paramLabel = "N",
        description = "Studies (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed of the synthetic "
        + "studies; the same seed gives the same studies (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--work", defaultValue = "bench-out", paramLabel = "DIR",
        description = "Working directory (default: "
        + "${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--phases", description = "Also time where an import goes: reading and checking alone, then"
        + " with the stored form and its hash, then storing without the search index.")
    boolean phases;

    @Option(names = "--runs", defaultValue = "1", paramLabel = "N", description = "Parse and import N times in one"
        + " JVM, each import into a fresh registry: the first run includes the JIT compiling the import, as a single"
        + " `eligo import` does; later runs show a long import's steady state (default: ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws Exception {
      if (runs < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--runs must be 1 or more");
      ImportBench.run(count, seed, work, phases, runs, spec.commandLine().getOut());
      return 0;
    }
  }

  /** {@code eligo bench http}. */
  @Command(name = "http", mixinStandardHelpOptions = true,
      description = {"POST /api/v1/match under concurrent load on loopback, beside the same matches in-process.", "",
          "Example:", "  eligo bench http --trials 1000 --clients 8"})
  static final class Http implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--trials", defaultValue = "10000", paramLabel = "N",
        description = "Generated trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--clients", defaultValue = "32", paramLabel = "N",
        description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--requests", defaultValue = "1000000", paramLabel = "N",
        description = "At most this many requests per phase "
        + "(default: ${DEFAULT-VALUE}); each phase stops after --seconds.")
    int requests;

    @Option(names = "--limit", paramLabel = "N", description = "Trials explained per answer (default: the API's, "
        + "" + org.eligo.registry.match.MatchJson.DEFAULT_LIMIT + ").")
    Integer limit;

    @Option(names = "--client", paramLabel = "wrk|java", description = "Load generator: wrk in its own process "
        + "(Debian package wrk), or Java's HttpClient in this JVM (default: wrk when installed).")
    String client;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "SECONDS",
        description = "How long each phase runs (default: "
        + "${DEFAULT-VALUE}; after a warm-up as long: the JIT needs it on two cores).")
    int seconds;

    @Option(names = "--work", defaultValue = "bench-out", paramLabel = "DIR", description = "Working directory for "
        + "the generated studies and the registry (default: ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--workers", paramLabel = "N", description = "The server's workers, as `eligo serve --workers`, "
        + "and as many threads for the in-process matches (default: the server's default, one per processor, at "
        + "least 2).")
    Integer workers;

    @Option(names = "--rounds", defaultValue = "1", paramLabel = "N", description = "Measure in-process and over "
        + "HTTP N times, one after the other, and print the median ratio as well (default: ${DEFAULT-VALUE}; on a "
        + "machine whose speed drifts, 3 or more).")
    int rounds;

    @Override
    public Integer call() throws Exception {
      HttpBench.Client chosen;
      if (client == null) {
        chosen = WrkLoad.available() ? HttpBench.Client.WRK : HttpBench.Client.JAVA;
      } else {
        try {
          chosen = HttpBench.Client.valueOf(client.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          throw new ParameterException(spec.commandLine(), "--client must be wrk or java, not " + client);
        }
        if (chosen == HttpBench.Client.WRK && !WrkLoad.available()) {
          throw new ParameterException(spec.commandLine(), "--client wrk: wrk is not installed (apt-get install wrk)");
        }
      }
      if (seconds < 1) throw new ParameterException(spec.commandLine(), "--seconds must be at least 1");
      if (rounds < 1) throw new ParameterException(spec.commandLine(), "--rounds must be at least 1");
      if (workers != null && workers < 1) throw new ParameterException(spec.commandLine(), "--workers must be at least 1");
      spec.commandLine().getOut().println("load generator: " + chosen.name().toLowerCase(java.util.Locale.ROOT));
      HttpBench.run(new HttpBench.Options(trials, clients, requests, limit, chosen, seconds,
          workers == null ? ServerConfig.defaultWorkers() : workers, rounds, work), spec.commandLine().getOut());
      return 0;
    }
  }
}
