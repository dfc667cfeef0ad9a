package org.eligo.screening.bulk;

import java.util.List;

/**
 * One patient's resource lines from a bulk export, in canonical order, the Patient first.
 *
 * @param patientId the Patient's id
 */
public record PatientLines(String patientId, List<BucketRecord> records) {
  public PatientLines {
    records = List.copyOf(records);
    if (records.isEmpty() || records.getFirst().type() != SupportedType.Patient) {
      throw new IllegalArgumentException("a patient's lines start with its Patient");
    }
  }
}
