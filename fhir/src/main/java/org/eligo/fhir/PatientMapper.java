package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import java.time.LocalDate;
import org.eligo.core.patient.Sex;
import org.hl7.fhir.r4.model.Patient;

/** Patient: birth date and administrative gender. Names, identifiers and addresses are never read. */
final class PatientMapper {
  private PatientMapper() {}

  static void map(Patient patient, ResourceScope scope, PatientFactsCollector facts) {
    facts.id = ResourceScope.idOf(patient);
    LocalDate birth = null;
    if (patient.hasBirthDateElement()) {
      birth = scope.day("birthDate", patient.getBirthDateElement(), true);
      FhirDates.Day given = FhirDates.parse(patient.getBirthDateElement().getValueAsString());
      if (birth != null && given != null && given.partial()) facts.birthDateLatest = given.last(); // "2011": any day of it
    } else {
      scope.warn("birthDate", "is missing; age criteria stay unknown");
    }
    facts.birthDate = birth;
    facts.sex = sex(patient, scope);
  }

  private static Sex sex(Patient patient, ResourceScope scope) {
    if (!patient.hasGender()) {
      scope.warn("gender", "is missing; sex criteria stay unknown");
      return Sex.UNKNOWN;
    }
    if (patient.getGender() == null) {
      scope.warn("gender", "is not one of male, female, other, unknown; sex criteria stay unknown");
      return Sex.UNKNOWN;
    }
    return switch (patient.getGender()) {
      case FEMALE -> Sex.FEMALE;
      case MALE -> Sex.MALE;
      case OTHER -> Sex.OTHER;
      case UNKNOWN, NULL -> Sex.UNKNOWN;
    };
  }
}
