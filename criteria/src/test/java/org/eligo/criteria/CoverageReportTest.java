package org.eligo.criteria;

import static org.assertj.core.api.Assertions.assertThat;

import org.eligo.core.rule.CriteriaSet;
import org.eligo.criteria.parse.TestTexts;
import org.junit.jupiter.api.Test;

/**
 * Prints how much of the development and seed trials' criteria the parser and the curated sets understand, and how
 * fast the parser runs (figures only; timings are not asserted).
 */
class CoverageReportTest {
  static final CriteriaCompiler COMPILER = CriteriaCompiler.standard();

  @Test
  void printsParserAndCompiledCoverage() {
    Coverage parsed = Coverage.NONE;
    Coverage compiled = Coverage.NONE;
    for (String id : TestTexts.trialIds()) {
      CriteriaSet byParser = COMPILER.parse(id, TestTexts.criteria(id));
      parsed = parsed.plus(Coverage.of(byParser));
      compiled = compiled.plus(COMPILER.isCurated(id) ? Coverage.of(curated(id)) : Coverage.of(byParser));
    }
    System.out.println("parser alone:        " + parsed.summary());
    System.out.println("curated over parser: " + compiled.summary());
    assertThat(parsed.trials()).isEqualTo(TestTexts.trialIds().size());
    assertThat(compiled.unparsed()).isLessThanOrEqualTo(parsed.unparsed());
  }

  @Test
  void printsParsingThroughput() {
    int rounds = 150;
    int trials = 0;
    for (String id : TestTexts.trialIds()) COMPILER.parse(id, TestTexts.criteria(id)); // warm up
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (String id : TestTexts.trialIds()) {
        COMPILER.parse(id, TestTexts.criteria(id));
        trials++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf("parsed %d trials' criteria in %.2f s wall, %.2f s CPU on one thread: %.2f ms CPU per trial, "
        + "%.1f s CPU per 10,000 trials%n", trials, seconds, cpu, cpu * 1000 / trials, cpu / trials * 10_000);
    assertThat(trials).isEqualTo(rounds * TestTexts.trialIds().size());
  }

  private static CriteriaSet curated(String id) {
    return COMPILER.compile(new org.eligo.core.trial.Trial(new org.eligo.core.trial.Identification(id,
        java.util.List.of(), null, java.util.List.of(), null, null, null, null), null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null));
  }
}
