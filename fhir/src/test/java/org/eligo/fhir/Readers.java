package org.eligo.fhir;

import java.time.LocalDate;

/** The reader every test uses: the real bundled terminology, and a fixed as-of date. */
final class Readers {
  static final LocalDate AS_OF = LocalDate.of(2026, 3, 1);
  static final HapiPatientReader READER = new HapiPatientReader(TerminologyAdapter.bundled());

  private Readers() {}

  static PatientReadResult read(String json) {
    return READER.read(json, AS_OF);
  }
}
