package org.eligo.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eligo.core.patient.AllergyFact;
import org.eligo.core.patient.CodedObservation;
import org.eligo.core.patient.ConditionFact;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.core.patient.Measurement;
import org.eligo.core.patient.MedicationExposure;
import org.eligo.core.patient.PatientFacts;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.core.patient.Sex;

/** Collects the facts the resource mappers produce, then builds {@link PatientFacts}. */
final class FactsCollector {
  String patientId = "";
  LocalDate birthDate;
  Sex sex = Sex.UNKNOWN;
  final List<Measurement> measurements = new ArrayList<>();
  final List<CodedObservation> codedObservations = new ArrayList<>();
  final List<ConditionFact> conditions = new ArrayList<>();
  final List<MedicationExposure> medications = new ArrayList<>();
  final List<ProcedureFact> procedures = new ArrayList<>();
  final List<AllergyFact> allergies = new ArrayList<>();
  final List<ImmunizationFact> immunizations = new ArrayList<>();

  PatientFacts build() {
    return new PatientFacts(patientId, birthDate, sex, measurements, codedObservations, conditions, medications,
        procedures, allergies, immunizations);
  }
}
