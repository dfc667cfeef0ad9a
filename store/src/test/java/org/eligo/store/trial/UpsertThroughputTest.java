package org.eligo.store.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.eligo.core.trial.PartialDate;
import org.eligo.store.Backend;
import org.eligo.store.imports.ImportCounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The import hot path in bulk: N studies (about 6 kB of JSON and 3 sites each) imported, imported again unchanged,
 * then imported as newer versions, each in one {@code upsertAll}. Prints studies per second (see
 * target/surefire-reports/*-output.txt); asserts outcomes only, never timings. N is 2,000 in the test suite; run
 * with {@code -Deligo.store.benchmark.studies=100000} for registry scale (docs/benchmarks.md).
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class UpsertThroughputTest {

  /** 2,000 unless the system property {@code eligo.store.benchmark.studies} says otherwise. */
  private static final int STUDIES = Integer.getInteger("eligo.store.benchmark.studies", 2_000);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final String FILLER = "Eligibility text and outcome measures. ".repeat(140);

  @Parameter
  Backend backend;

  @TempDir
  Path tempDir;

  private Backend.TestDatabase db;
  private TrialRepository trials;

  @BeforeEach
  void open() {
    db = backend.open(tempDir);
    trials = new JdbiTrialRepository(db.database());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void importsManyStudiesInOneCallEachTime() {
    ImportCounts inserted = timed("first import", i -> study(i, "2024-01-10", "RECRUITING"));
    ImportCounts unchanged = timed("same data again", i -> study(i, "2024-01-10", "RECRUITING"));
    ImportCounts updated = timed("newer versions", i -> study(i, "2024-02-10", i % 2 == 0 ? "COMPLETED" : "RECRUITING"));
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    long[] visited = {0};
    trials.forEachStudy(study -> visited[0]++);
    print("iteration", visited[0], System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpuStart);

    assertThat(inserted).isEqualTo(new ImportCounts(STUDIES, 0, 0, 0, 0));
    assertThat(unchanged).isEqualTo(new ImportCounts(0, 0, STUDIES, 0, 0));
    assertThat(updated).isEqualTo(new ImportCounts(0, STUDIES, 0, 0, 0));
    assertThat(visited[0]).isEqualTo(STUDIES);
    assertThat(trials.statusHistory(nct(2))).extracting(StatusChange::status)
        .containsExactly("RECRUITING", "RECRUITING", "RECRUITING", "RECRUITING", "COMPLETED", "COMPLETED", "COMPLETED",
            "COMPLETED");
  }

  private ImportCounts timed(String phase, IntFunction<StoredStudy> version) {
    List<StoredStudy> studies = new ArrayList<>(IntStream.range(0, STUDIES).mapToObj(version).toList());
    long start = System.nanoTime();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    List<UpsertOutcome> outcomes = trials.upsertAll(studies);
    print(phase, studies.size(), System.nanoTime() - start, THREADS.getCurrentThreadCpuTime() - cpuStart);
    return ImportCounts.of(outcomes, 0);
  }

  /** Wall time, and the importing thread's CPU time (which other load on the machine disturbs less). */
  private void print(String phase, long count, long nanos, long cpuNanos) {
    double seconds = nanos / 1e9;
    System.out.printf("[store benchmark] %-10s %-16s %,d studies in %5.1f s: %,7.0f studies/s (this thread's CPU:"
        + " %5.1f s; load average %.1f)%n", backend, phase, count, seconds, count / seconds, cpuNanos / 1e9,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static StoredStudy study(int i, String updated, String status) {
    Map<String, String> sites = new TreeMap<>();
    for (int s = 0; s < 3; s++) sites.put(StoredStudy.siteKey("Hospital " + s, "City " + (i % 97), "Norway"), status);
    String document = "{\"protocolSection\":{\"identificationModule\":{\"nctId\":\"" + nct(i) + "\"},"
        + "\"statusModule\":{\"overallStatus\":\"" + status + "\",\"lastUpdatePostDateStruct\":{\"date\":\"" + updated
        + "\"}},\"eligibilityModule\":{\"eligibilityCriteria\":\"" + FILLER + i + "\"}}}";
    return new StoredStudy(nct(i), "Study " + i, status, new PartialDate(updated), new PartialDate("2024-01"),
        List.of("Condition " + (i % 500), "Disease " + (i % 31)), sites, document, "benchmark");
  }

  private static String nct(int i) {
    return "NCT%08d".formatted(i);
  }
}
