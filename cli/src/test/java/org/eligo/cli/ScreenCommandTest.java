package org.eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eligo generate population} and {@code eligo screen}: files written, exit codes, nothing patient printed. */
class ScreenCommandTest {
  @TempDir
  Path tmp;

  @Test
  void generatesAndScreensAPopulation() throws IOException {
    Cli cli = new Cli(tmp.resolve("data"));
    Cli.Result generated = cli.run("generate", "population", "--patients", "1500", "--seed", "3", "--out",
        tmp.resolve("pop").toString(), "--as-of", "2026-06-01", "--gzip", "--split", "2");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("Wrote 1,500 patients");
    assertThat(tmp.resolve("pop/Observation.001.ndjson.gz")).isRegularFile();

    Cli.Result screened = cli.run("screen", "--input", tmp.resolve("pop").toString(), "--output",
        tmp.resolve("out").toString(), "--trial", "NCT06802055", "--trial", "NCT02979873", "--as-of", "2026-06-01");
    assertThat(screened.exitCode()).as(screened.err()).isZero();
    assertThat(screened.out()).contains("Screened 1,500 patients against 2 trials", "NCT06802055", "NEEDS_INFO")
        .doesNotContain("p000");
    assertThat(tmp.resolve("out/trials/NCT06802055.ndjson")).isRegularFile();
    assertThat(Files.readAllLines(tmp.resolve("out/trials/NCT02979873.csv")).getFirst())
        .isEqualTo("patient_id,verdict,open_question_count,open_questions");
    assertThat(Files.readString(tmp.resolve("out/summary.json"))).contains("\"patientsScreened\" : 1500");
  }

  @Test
  void benchScreenSkipsTheSqlPeersWhenAskedTo() {
    Cli cli = new Cli(tmp.resolve("data"));
    Cli.Result r = cli.run("bench", "screen", "--patients", "300", "--sample", "100", "--no-sql", "--work",
        tmp.resolve("bench").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("screen: 300 patients", "engine only").doesNotContain("sql", "DuckDB");
  }

  @Test
  void badLinesGiveExitCodeOneAndAreListed() throws IOException {
    Cli cli = new Cli(tmp.resolve("data"));
    cli.run("generate", "population", "--patients", "50", "--out", tmp.resolve("pop").toString());
    Files.writeString(tmp.resolve("pop/Condition.2.ndjson"), "not json\n");
    Cli.Result r = cli.run("screen", "--input", tmp.resolve("pop").toString(), "--output",
        tmp.resolve("out").toString(), "--all");
    assertThat(r.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(r.out()).contains("1 lines could not be used", "Condition.2.ndjson:1: not JSON");
  }

  @Test
  void unusableInputOrTrialGivesExitCodeTwo() throws IOException {
    Cli cli = new Cli(tmp.resolve("data"));
    Files.createDirectories(tmp.resolve("empty"));
    Cli.Result empty = cli.run("screen", "--input", tmp.resolve("empty").toString(), "--output",
        tmp.resolve("out").toString());
    assertThat(empty.exitCode()).isEqualTo(ExitCode.UNUSABLE);
    assertThat(empty.err()).contains("no FHIR Bulk Data NDJSON files");
    Cli.Result unknown = cli.run("screen", "--input", tmp.resolve("empty").toString(), "--output",
        tmp.resolve("out").toString(), "--trial", "NCT99999999");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.UNUSABLE);
    assertThat(unknown.err()).contains("unknown trial NCT99999999");
  }
}
