package org.eligo.search.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark runnable: a tiny run must index every trial and report every figure (timings not checked). */
class SearchBenchTest {

  @Test
  void tinyRunReportsAllFigures() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SearchBench.run(300, 30, 0, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String report = bytes.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("trials indexed      300 ", "index size", "p50 ms", "p99 ms", "queries/s",
        "Eligo search+facets", "bare TermQuery");
  }
}
