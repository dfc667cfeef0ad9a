package org.eligo.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eligo.screening.bulk.BucketRecord;
import org.eligo.screening.bulk.BulkFile;
import org.eligo.screening.bulk.BulkFiles;
import org.eligo.screening.bulk.LineTriage;
import org.eligo.screening.population.PopulationGenerator;
import org.eligo.screening.population.PopulationSpec;

/** Generated populations for tests, and a plain in-memory grouping of an export to compare the disk-backed one with. */
final class Populations {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

  private Populations() {}

  static Path generate(Path dir, long patients, long seed) {
    PopulationGenerator.write(PopulationSpec.of(patients, seed, AS_OF, dir), 2);
    return dir;
  }

  /** Every routed line of an export, grouped by patient id in a map, each patient's lines in canonical order. */
  static Map<String, List<BucketRecord>> groupInMemory(Path dir) {
    Map<String, List<BucketRecord>> byPatient = new TreeMap<>();
    for (BulkFile f : BulkFiles.discover(dir).files()) {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(f.open(), StandardCharsets.UTF_8))) {
        long n = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          n++;
          byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
          if (LineTriage.triage(bytes, 0, bytes.length, f.type()) instanceof LineTriage.Routed r) {
            byPatient.computeIfAbsent(r.patientId(), k -> new ArrayList<>())
                .add(new BucketRecord(r.patientId(), r.type(), f.index(), n, line));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    byPatient.values().forEach(list -> list.sort(BucketRecord.CANONICAL));
    return byPatient;
  }
}
