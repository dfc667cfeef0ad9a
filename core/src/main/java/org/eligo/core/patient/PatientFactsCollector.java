package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts gathered one resource at a time by a record reader (HAPI FHIR for single patients, the streaming reader for
 * populations), then frozen into {@link PatientFacts}. Not thread-safe: one reader, one patient.
 */
public final class PatientFactsCollector {
  public String id = "";
  public LocalDate birthDate;
  /** The last day the birth can be when the record gives only a year or month; null when exact. */
  public LocalDate birthDateLatest;
  public Sex sex = Sex.UNKNOWN;
  public final List<Measurement> measurements = new ArrayList<>();
  public final List<CodedObservation> codedObservations = new ArrayList<>();
  public final List<ConditionFact> conditions = new ArrayList<>();
  public final List<MedicationExposure> medications = new ArrayList<>();
  public final List<ProcedureFact> procedures = new ArrayList<>();
  public final List<AllergyFact> allergies = new ArrayList<>();
  public final List<ImmunizationFact> immunizations = new ArrayList<>();
  /** Measures the record reports at all, readable or not. */
  public final java.util.Set<String> measuresReported = new java.util.LinkedHashSet<>();
  public final List<InfectionResult> infectionResults = new ArrayList<>();
  /** Null unless the record says the patient has died. */
  public Death death;

  public PatientFacts build() {
    return new PatientFacts(id, birthDate, sex, measurements, codedObservations, conditions, medications,
        procedures, allergies, immunizations, birthDateLatest, measuresReported, infectionResults, death);
  }
}
