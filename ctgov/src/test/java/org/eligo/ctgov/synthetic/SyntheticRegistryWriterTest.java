package org.eligo.ctgov.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eligo.ctgov.json.ReadResult;
import org.eligo.ctgov.json.StudyJsonReader;
import org.eligo.ctgov.source.RawStudy;
import org.eligo.ctgov.source.StudyRecord;
import org.eligo.ctgov.source.StudySource;
import org.eligo.ctgov.source.StudySources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticRegistryWriterTest {

  @TempDir Path dir;

  @Test
  void writesShardedApiV2FilesThatReadBackClean() throws IOException {
    SyntheticRegistryWriter.Summary summary = SyntheticRegistryWriter.write(dir, 2_500, 7);

    assertThat(summary.shards()).isEqualTo(3);
    try (Stream<Path> shards = Files.list(dir)) {
      assertThat(shards.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("shard-0000", "shard-0001", "shard-0002");
    }
    try (Stream<Path> files = Files.list(dir.resolve("shard-0002"))) {
      assertThat(files).hasSize(500);
    }
    StudyJsonReader reader = new StudyJsonReader();
    try (StudySource source = StudySources.open(dir); Stream<StudyRecord> records = source.records()) {
      List<ReadResult> results = records.map(r -> reader.read(((RawStudy) r).json())).toList();
      assertThat(results).hasSize(2_500).allSatisfy(r -> assertThat(r.diagnostics()).isEmpty());
      assertThat(results.getFirst().trialOrThrow().nctId()).isEqualTo("NCT90000000");
    }
  }

  @Test
  void sameSeedWritesTheSameBytes() throws IOException {
    SyntheticRegistryWriter.write(dir.resolve("a"), 50, 11);
    SyntheticRegistryWriter.write(dir.resolve("b"), 50, 11);

    for (int index : new int[] {0, 17, 49}) {
      assertThat(Files.readAllBytes(SyntheticRegistryWriter.fileFor(dir.resolve("a"), index)))
          .isEqualTo(Files.readAllBytes(SyntheticRegistryWriter.fileFor(dir.resolve("b"), index)));
    }
  }

  /** A benchmark: prints the rate, asserts only the count. */
  @Test
  void throughputFigure() throws IOException {
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    SyntheticRegistryWriter.Summary summary = SyntheticRegistryWriter.write(dir, 20_000, 1);
    long cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;

    System.out.printf("synthetic registry: %,d studies, %,d bytes in %d ms wall (%d ms CPU) = %,.0f studies/s on %d"
            + " cores, load average %.1f%n", summary.studies(), summary.bytes(), summary.elapsed().toMillis(),
        cpuMillis, summary.studiesPerSecond(), Runtime.getRuntime().availableProcessors(),
        os.getSystemLoadAverage());
    assertThat(summary.studies()).isEqualTo(20_000);
  }
}
