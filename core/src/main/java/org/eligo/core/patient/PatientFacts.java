package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything eligibility may use about one patient, already normalised to concept ids and canonical units.
 *
 * @param id the record's patient id (never shown beyond the person who submitted it)
 * @param birthDate null when the record has none
 */
public record PatientFacts(
    String id,
    LocalDate birthDate,
    Sex sex,
    List<Measurement> measurements,
    List<CodedObservation> codedObservations,
    List<ConditionFact> conditions,
    List<MedicationExposure> medications,
    List<ProcedureFact> procedures,
    List<AllergyFact> allergies,
    List<ImmunizationFact> immunizations) {

  public PatientFacts {
    sex = sex == null ? Sex.UNKNOWN : sex;
    measurements = List.copyOf(measurements);
    codedObservations = List.copyOf(codedObservations);
    conditions = List.copyOf(conditions);
    medications = List.copyOf(medications);
    procedures = List.copyOf(procedures);
    allergies = List.copyOf(allergies);
    immunizations = List.copyOf(immunizations);
  }

  /** A patient with demographics only. */
  public static PatientFacts of(String id, LocalDate birthDate, Sex sex) {
    return new PatientFacts(id, birthDate, sex, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }
}
