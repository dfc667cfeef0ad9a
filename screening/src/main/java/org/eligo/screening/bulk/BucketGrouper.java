package org.eligo.screening.bulk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eligo.fhir.bulk.BulkLineError;

/**
 * Phase two of disk-backed grouping: reads one bucket's parts into memory, sorts the records canonically and cuts them
 * into patients. Resources whose patient has no Patient line in the export, and second Patient lines with an id
 * already seen, are reported as unusable lines.
 */
public final class BucketGrouper {
  static final String MISSING_PATIENT = "refers to a patient that is not in the export (no Patient line with that id)";
  static final String DUPLICATE_PATIENT = "a second Patient with the same id; the first is used";

  private BucketGrouper() {}

  /**
   * The patients of a bucket, in patient id order.
   *
   * @param workers how many part files phase one may have written per bucket
   * @param fileNames input file names by index, for errors
   */
  public static List<PatientLines> group(Path dir, int bucket, int workers, List<String> fileNames,
                                         Consumer<BulkLineError> errors) {
    List<BucketRecord> records = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Path part = dir.resolve(BucketPartitioner.partName(bucket, w));
      if (!Files.exists(part)) continue;
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(part);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      int start = 0;
      for (int i = 0; i < bytes.length; i++) {
        if (bytes[i] == '\n') {
          records.add(BucketRecord.parse(bytes, start, i));
          start = i + 1;
        }
      }
    }
    return group(records, fileNames, errors);
  }

  /** Groups records (in any order) into patients; see {@link #group(Path, int, int, List, Consumer)}. */
  public static List<PatientLines> group(List<BucketRecord> records, List<String> fileNames,
                                         Consumer<BulkLineError> errors) {
    records.sort(BucketRecord.CANONICAL);
    List<PatientLines> patients = new ArrayList<>();
    int i = 0;
    while (i < records.size()) {
      String id = records.get(i).patientId();
      int j = i;
      while (j < records.size() && records.get(j).patientId().equals(id)) j++;
      List<BucketRecord> mine = records.subList(i, j);
      if (mine.getFirst().type() != SupportedType.Patient) {
        for (BucketRecord r : mine) errors.accept(new BulkLineError(fileNames.get(r.file()), r.line(), MISSING_PATIENT));
      } else {
        List<BucketRecord> kept = new ArrayList<>(mine.size());
        kept.add(mine.getFirst());
        for (BucketRecord r : mine.subList(1, mine.size())) {
          if (r.type() == SupportedType.Patient) {
            errors.accept(new BulkLineError(fileNames.get(r.file()), r.line(), DUPLICATE_PATIENT));
          } else {
            kept.add(r);
          }
        }
        patients.add(new PatientLines(id, kept));
      }
      i = j;
    }
    return patients;
  }
}
