package org.eligo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eligo bench import} on a few generated studies: it imports every one, prints its figures beside Jackson's,
 * and with {@code --phases} times each part of an import the way the import does it.
 */
class BenchImportCommandTest {
  @TempDir
  Path tmp;

  @Test
  void importsEveryGeneratedStudyAndPrintsItsFiguresBesideJacksons() {
    Cli.Result r = new Cli(tmp.resolve("data")).run("bench", "import", "--count", "60", "--work",
        tmp.resolve("bench").toString(), "--runs", "2", "--phases");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("jackson readTree: ", "run 2 of 2", "import/jackson throughput: ",
        "60 read: 60 new, 0 updated, 0 unchanged", "0 rejected", "peak live after GC",
        "phase read and check:", "(60 studies)", "phase + stored form and hash:", "phase store, no index:",
        "(60 stored)", "cpu time");
  }

  @Test
  void fewerThanOneRunIsAUsageError() {
    Cli.Result r = new Cli(tmp.resolve("data")).run("bench", "import", "--runs", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--runs must be 1 or more");
  }
}
