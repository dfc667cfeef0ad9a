package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run interrupted after some buckets continues after them and writes exactly what an uninterrupted run writes. */
class ResumeTest {
  @TempDir
  Path tmp;

  @Test
  void aResumedRunWritesTheSameFilesAsAnUninterruptedOne() throws IOException {
    Path input = Populations.generate(tmp.resolve("in"), 2000, 9);
    ScreeningRequest clean = ScreeningRequest.of(input, tmp.resolve("clean"), SeedTrials.candidates(),
        Populations.AS_OF).withBuckets(8).withThreads(2);
    PopulationScreening.run(clean, ScreeningListener.NONE);

    ScreeningRequest interrupted = ScreeningRequest.of(input, tmp.resolve("resumed"), SeedTrials.candidates(),
        Populations.AS_OF).withBuckets(8).withThreads(2);
    AtomicInteger screened = new AtomicInteger();
    assertThatThrownBy(() -> PopulationScreening.run(interrupted, new ScreeningListener() {
      @Override
      public void bucketScreened(int bucket, long patients) {
        if (screened.incrementAndGet() == 3) throw new IllegalStateException("power cut");
      }
    })).hasMessageContaining("power cut");
    assertThat(tmp.resolve("resumed/.screening-work")).isDirectory();
    assertThat(tmp.resolve("resumed/summary.json")).doesNotExist();

    ScreeningSummary resumed = PopulationScreening.run(interrupted, ScreeningListener.NONE);

    assertThat(resumed.resumedBuckets()).isBetween(3, 7);
    assertThat(resumed.patients()).isEqualTo(2000);
    assertThat(contents(tmp.resolve("resumed"))).isEqualTo(contents(tmp.resolve("clean")));
    assertThat(tmp.resolve("resumed/.screening-work")).doesNotExist();
  }

  @Test
  void aRunWithOtherOptionsStartsAfresh() {
    Path input = Populations.generate(tmp.resolve("in"), 200, 9);
    ScreeningRequest first = ScreeningRequest.of(input, tmp.resolve("out"), SeedTrials.candidates(),
        Populations.AS_OF).withBuckets(4);
    assertThatThrownBy(() -> PopulationScreening.run(first, new ScreeningListener() {
      @Override
      public void bucketScreened(int bucket, long patients) {
        throw new IllegalStateException("stop");
      }
    })).hasMessageContaining("stop");
    ScreeningSummary other = PopulationScreening.run(ScreeningRequest.of(input, tmp.resolve("out"),
        SeedTrials.candidates(), Populations.AS_OF.plusDays(1)).withBuckets(4), ScreeningListener.NONE);
    assertThat(other.resumedBuckets()).isZero();
  }

  /** Every result file's text, by relative path, without the run's timings. */
  static Map<String, String> contents(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(p);
        if (p.getFileName().toString().equals("summary.json")) text = text.substring(0, text.indexOf("\"run\""));
        files.put(dir.relativize(p).toString(), text);
      }
    }
    assertThat(files.keySet()).contains("summary.json", "unreadable-lines.csv", "trials/NCT06802055.ndjson",
        "trials/NCT06802055.csv");
    assertThat(List.copyOf(files.keySet())).hasSize(2 + 2 * SeedTrials.IDS.size());
    return files;
  }
}
