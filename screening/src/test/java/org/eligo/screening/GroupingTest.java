package org.eligo.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.eligo.fhir.bulk.BulkLineError;
import org.eligo.screening.bulk.BucketGrouper;
import org.eligo.screening.bulk.BucketPartitioner;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.ErrorLog;
import org.eligo.screening.bulk.PatientLines;
import org.eligo.screening.population.PopulationGenerator;
import org.eligo.screening.population.PopulationSpec;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Disk-backed grouping gives every patient exactly the lines, in the order, that grouping in memory gives. */
class GroupingTest {
  @TempDir
  Path tmp;

  @ParameterizedTest(name = "{0} buckets, {1} threads, gzip {2}, {3} files per type")
  @CsvSource({"1, 1, false, 1", "7, 2, false, 1", "16, 3, true, 3"})
  void bucketsHoldTheSamePatientsAsAnInMemoryGrouping(int buckets, int threads, boolean gzip, int split) {
    Path input = tmp.resolve("in");
    PopulationGenerator.write(new PopulationSpec(1500, 11, Populations.AS_OF, input, gzip, split), 2);
    Map<String, List<BucketRecord>> expected = Populations.groupInMemory(input);

    BulkFiles files = BulkFiles.discover(input);
    Path work = tmp.resolve("buckets");
    List<BulkLineError> errors = new ArrayList<>();
    try (ErrorLog log = new ErrorLog(tmp.resolve("errors.tsv"))) {
      BucketPartitioner.partition(files, mkdirs(work), buckets, threads, log, new LongAdder());
    }
    List<String> names = files.files().stream().map(BulkFile::name).toList();
    Map<String, List<BucketRecord>> actual = new TreeMap<>();
    for (int b = 0; b < buckets; b++) {
      for (PatientLines p : BucketGrouper.group(work, b, threads, names, errors::add)) {
        assertThat(BucketPartitioner.bucketOf(p.patientId(), buckets)).isEqualTo(b);
        assertThat(actual.put(p.patientId(), p.records())).as("patient in two buckets").isNull();
      }
    }
    assertThat(errors).isEmpty();
    assertThat(ErrorLog.read(tmp.resolve("errors.tsv"))).isEmpty();
    assertThat(actual).hasSize(1500).isEqualTo(expected);
  }

  private static Path mkdirs(Path p) {
    try {
      return java.nio.file.Files.createDirectories(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
