package org.eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo bench http} on a small generated registry: both load generators finish by themselves, every request
 * succeeds, and the figures are printed. CI installs wrk (.ci/install-deps), so there the wrk run must happen.
 */
class BenchHttpCommandTest {
  @TempDir
  Path tmp;

  private Cli.Result bench(String client) {
    Cli cli = new Cli(tmp.resolve("data"));
    return cli.run("bench", "http", "--trials", "40", "--clients", "4", "--seconds", "1", "--client", client,
        "--work", tmp.resolve("bench").toString());
  }

  @Test
  void javaClientRunPrintsBothPhasesAndTheRatio() {
    Cli.Result r = bench("java");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("load generator: java", "registry: ", "in-process ", "http ", "requests/s",
        "http/in-process throughput: ");
  }

  @Test
  void wrkRunPrintsItsFiguresWithNoFailedRequests() throws IOException, InterruptedException {
    boolean installed = new ProcessBuilder("sh", "-c", "command -v wrk").start().waitFor() == 0;
    assumeTrue(installed || System.getenv("CI") != null, "wrk is not installed (apt-get install wrk)");
    Cli.Result r = bench("wrk");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("load generator: wrk", "(wrk, 1 s)", "http/in-process throughput: ")
        .doesNotContain("ERRORS");
  }

  @Test
  void anUnknownLoadGeneratorIsAUsageError() {
    Cli.Result r = new Cli(tmp.resolve("data")).run("bench", "http", "--client", "curl");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--client must be wrk or java");
  }

  @Test
  void fewerThanOneWorkerIsAUsageError() {
    Cli.Result r = new Cli(tmp.resolve("data")).run("bench", "http", "--workers", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--workers must be at least 1");
  }

  @Test
  void theServerRunsWithTheWorkersAsked() {
    Cli.Result r = new Cli(tmp.resolve("data")).run("bench", "http", "--trials", "40", "--clients", "4", "--seconds",
        "1", "--client", "java", "--workers", "3", "--work", tmp.resolve("bench").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("server workers: 3");
    assertThat(r.out()).as("in-process matches on as many threads as the server has workers")
        .containsPattern("in-process +[0-9,]+ requests, 3 threads");
  }

  @Test
  void roundsAreEachMeasuredAndTheirMedianPrinted() {
    Cli.Result r = new Cli(tmp.resolve("data")).run("bench", "http", "--trials", "40", "--clients", "4", "--seconds",
        "1", "--client", "java", "--rounds", "2", "--work", tmp.resolve("bench").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("in-process (round 1)", "http (round 2)", "http/in-process throughput (round 2): ",
        "http/in-process throughput, median of 2 rounds: ");
  }

  @Test
  void fewerThanOneRoundIsAUsageError() {
    Cli.Result r = new Cli(tmp.resolve("data")).run("bench", "http", "--rounds", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--rounds must be at least 1");
  }
}
