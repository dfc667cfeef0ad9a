package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import org.eligo.core.patient.ImmunizationFact;
import org.eligo.fhir.ChoiceDates.End;
import org.hl7.fhir.r4.model.Immunization;

/**
 * Immunization: vaccineCode (CVX or text) to concepts and occurrence[x]; not-done and entered-in-error skipped. A
 * vaccine named only by codes Eligo does not know, or by nothing, is {@link org.eligo.core.patient.Unidentified}.
 */
final class ImmunizationMapper {
  private ImmunizationMapper() {}

  static void map(Immunization immunization, ResourceScope scope, PatientFactsCollector facts) {
    if (immunization.hasStatus()) {
      switch (immunization.getStatus()) {
        case NOTDONE, ENTEREDINERROR -> {
          scope.skip("status", "status is " + immunization.getStatus().toCode());
          return;
        }
        default -> { }
      }
    }
    CodeableConcepts.Meaning meaning = CodeableConcepts.readIdentity(scope, "vaccineCode",
        immunization.getVaccineCode()); // only unknown codes, or none: unidentified, it leaves vaccine criteria open
    FhirDates.Day date = ChoiceDates.day(scope, "occurrence", immunization.getOccurrence(), End.START);
    if (date == null) scope.info("occurrence", "no date; time windows stay unknown");
    facts.immunizations.add(new ImmunizationFact(meaning.concepts(), meaning.text(), date == null ? null : date.day(),
        scope.source(), date == null ? null : date.last()));
  }
}
