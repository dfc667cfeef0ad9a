package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import java.time.LocalDate;
import org.eligo.core.patient.Death;
import org.eligo.core.patient.Sex;
import org.hl7.fhir.r4.model.Patient;

/**
 * Patient: birth date, administrative gender and whether the patient has died. Names, identifiers and addresses are
 * never read.
 */
final class PatientMapper {
  private PatientMapper() {}

  static void map(Patient patient, ResourceScope scope, PatientFactsCollector facts) {
    facts.id = ResourceScope.idOf(patient);
    LocalDate birth = null;
    if (patient.hasBirthDateElement() && patient.getBirthDateElement().getValueAsString() == null) {
      // only extensions (data-absent-reason), or a value the parser has reported as invalid
      scope.warn("birthDate", "has no date; age criteria stay unknown");
    } else if (patient.hasBirthDateElement()) {
      birth = scope.day("birthDate", patient.getBirthDateElement(), true);
      FhirDates.Day given = FhirDates.parse(patient.getBirthDateElement().getValueAsString());
      if (birth != null && given != null && given.partial()) facts.birthDateLatest = given.last(); // "2011": any day of it
    } else {
      scope.warn("birthDate", "is missing; age criteria stay unknown");
    }
    facts.birthDate = birth;
    facts.sex = sex(patient, scope);
    facts.death = death(patient, scope);
  }

  /**
   * {@code deceasedBoolean} true, or a {@code deceasedDateTime}: the patient has died (by the last day a month or year
   * of death can stand for). {@code deceasedBoolean} false, or no such element, says nothing more than a record usually
   * does.
   */
  private static Death death(Patient patient, ResourceScope scope) {
    if (!patient.hasDeceased()) return null;
    if (patient.hasDeceasedBooleanType()) {
      return Boolean.TRUE.equals(patient.getDeceasedBooleanType().getValue()) ? new Death(null, null) : null;
    }
    if (!patient.hasDeceasedDateTimeType()) return null;
    String text = patient.getDeceasedDateTimeType().getValueAsString();
    if (text == null || text.isBlank()) return null; // the element carries only extensions: no death is stated
    FhirDates.Day day = patient.getDeceasedDateTimeType().getValue() == null ? null : FhirDates.parse(text);
    if (day == null) {
      // a date-time HAPI accepted but Eligo cannot read: the death stands, its day unknown
      scope.warn("deceasedDateTime", "is not a date Eligo can read; the patient is taken to have died at some time");
      return new Death(null, null);
    }
    return new Death(day.partial() ? day.last() : day.day(), text.length() > 10 ? text.substring(0, 10) : text);
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
