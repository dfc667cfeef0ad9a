package org.eligo.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The line `eligo import` ends with. */
class ImportReportTest {

  @Test
  void countsReadWithThousandsSeparatorsAsGenerateWritesThem() {
    ImportReport report = new ImportReport(123_456, 120_000, 2_345, 1_011, 1_000, 100, 0, 0L, 61_500, List.of(),
        List.of(), 0);
    // the separator of the machine's locale, as `eligo generate trials` prints its count
    String n = String.format("%,d", 123_456);
    assertThat(n).hasSize(7);
    assertThat(report.summary()).startsWith(n + " read: " + String.format("%,d new, %,d updated, %,d unchanged, "
        + "%,d older than stored", 120_000, 2_345, 1_011, 1_000));
    assertThat(report.summary()).endsWith(String.format("in %.1f s", 61.5));
    assertThat(report.withSearchIndexMillis(25_250).summary())
        .endsWith(String.format("in %.1f s; search index updated in %.1f s", 61.5, 25.25));
  }
}
