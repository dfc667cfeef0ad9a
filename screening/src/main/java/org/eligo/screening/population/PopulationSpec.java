package org.eligo.screening.population;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What population to write.
 *
 * @param patients how many patients
 * @param seed the random seed; the same seed and as-of date give the same files
 * @param asOf the date the records are written up to (recent results are recent relative to it)
 * @param out the directory to write into
 * @param gzip write {@code .ndjson.gz} instead of {@code .ndjson}
 * @param filesPerType split each resource type into this many files ({@code Observation.000.ndjson}, ...); 1 for one
 *     file per type ({@code Observation.ndjson})
 */
public record PopulationSpec(long patients, long seed, LocalDate asOf, Path out, boolean gzip, int filesPerType) {
  public PopulationSpec {
    if (patients < 1) throw new IllegalArgumentException("patients must be at least 1, was " + patients);
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(out, "out");
    if (filesPerType < 1) throw new IllegalArgumentException("filesPerType must be at least 1, was " + filesPerType);
  }

  /** One plain file per type. */
  public static PopulationSpec of(long patients, long seed, LocalDate asOf, Path out) {
    return new PopulationSpec(patients, seed, asOf, out, false, 1);
  }
}
