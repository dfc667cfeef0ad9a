package org.eligo.core.patient;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything eligibility may use about one patient, already normalised to concept ids and canonical units.
 *
 * @param id the record's patient id (never shown beyond the person who submitted it)
 * @param birthDate null when the record has none; its first possible day when the record gives only a year or month
 * @param birthDateLatest the last day the birth can be when the record gives only a year or month ("2011": 2011-12-31),
 *     else the birth date itself (or null)
 * @param measuresReported the measures the record reports at all, in a result Eligo could read or not (an eGFR given
 *     as "&gt;60"): nothing is estimated for them ({@link KidneyFunctionEstimates})
 * @param infectionResults laboratory results read as what they show about an infection (HBsAg, HCV RNA ...)
 * @param death the record's statement that the patient has died, or null when it makes none
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
    List<ImmunizationFact> immunizations,
    LocalDate birthDateLatest,
    java.util.Set<String> measuresReported,
    List<InfectionResult> infectionResults,
    Death death) {

  public PatientFacts {
    if (birthDateLatest == null || birthDate == null || birthDateLatest.isBefore(birthDate)) birthDateLatest = birthDate;
    sex = sex == null ? Sex.UNKNOWN : sex;
    measurements = List.copyOf(measurements);
    codedObservations = List.copyOf(codedObservations);
    conditions = List.copyOf(conditions);
    medications = List.copyOf(medications);
    procedures = List.copyOf(procedures);
    allergies = List.copyOf(allergies);
    immunizations = List.copyOf(immunizations);
    measuresReported = measuresReported == null ? java.util.Set.of() : java.util.Set.copyOf(measuresReported);
    infectionResults = infectionResults == null ? List.of() : List.copyOf(infectionResults);
  }

  /** A patient the record does not say has died. */
  public PatientFacts(String id, LocalDate birthDate, Sex sex, List<Measurement> measurements,
      List<CodedObservation> codedObservations, List<ConditionFact> conditions, List<MedicationExposure> medications,
      List<ProcedureFact> procedures, List<AllergyFact> allergies, List<ImmunizationFact> immunizations,
      LocalDate birthDateLatest, java.util.Set<String> measuresReported, List<InfectionResult> infectionResults) {
    this(id, birthDate, sex, measurements, codedObservations, conditions, medications, procedures, allergies,
        immunizations, birthDateLatest, measuresReported, infectionResults, null);
  }

  /** A patient without infection test results. */
  public PatientFacts(String id, LocalDate birthDate, Sex sex, List<Measurement> measurements,
      List<CodedObservation> codedObservations, List<ConditionFact> conditions, List<MedicationExposure> medications,
      List<ProcedureFact> procedures, List<AllergyFact> allergies, List<ImmunizationFact> immunizations,
      LocalDate birthDateLatest, java.util.Set<String> measuresReported) {
    this(id, birthDate, sex, measurements, codedObservations, conditions, medications, procedures, allergies,
        immunizations, birthDateLatest, measuresReported, List.of());
  }

  /** The same patient under another id (a record whose Patient resource could not be read). */
  public PatientFacts withId(String newId) {
    return new PatientFacts(newId, birthDate, sex, measurements, codedObservations, conditions, medications,
        procedures, allergies, immunizations, birthDateLatest, measuresReported, infectionResults, death);
  }

  /** Whether the record says the patient had died by {@code asOf}. */
  public boolean diedBy(LocalDate asOf) {
    return death != null && death.by(asOf);
  }

  /** A patient whose reported measures are those of its measurements. */
  public PatientFacts(String id, LocalDate birthDate, Sex sex, List<Measurement> measurements,
      List<CodedObservation> codedObservations, List<ConditionFact> conditions, List<MedicationExposure> medications,
      List<ProcedureFact> procedures, List<AllergyFact> allergies, List<ImmunizationFact> immunizations,
      LocalDate birthDateLatest) {
    this(id, birthDate, sex, measurements, codedObservations, conditions, medications, procedures, allergies,
        immunizations, birthDateLatest, java.util.Set.of());
  }

  /** A patient whose birth date is exact (or unknown). */
  public PatientFacts(String id, LocalDate birthDate, Sex sex, List<Measurement> measurements,
      List<CodedObservation> codedObservations, List<ConditionFact> conditions, List<MedicationExposure> medications,
      List<ProcedureFact> procedures, List<AllergyFact> allergies, List<ImmunizationFact> immunizations) {
    this(id, birthDate, sex, measurements, codedObservations, conditions, medications, procedures, allergies,
        immunizations, birthDate);
  }

  /** Whether the record gives only a year or month of birth. */
  public boolean birthDateImprecise() {
    return birthDate != null && !birthDate.equals(birthDateLatest);
  }

  /** A patient with demographics only. */
  public static PatientFacts of(String id, LocalDate birthDate, Sex sex) {
    return new PatientFacts(id, birthDate, sex, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of());
  }
}
