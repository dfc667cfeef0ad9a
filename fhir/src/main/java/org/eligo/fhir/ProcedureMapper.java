package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.fhir.ChoiceDates.End;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Procedure: code to concepts (a transfusion of any blood product maps to the concept {@code transfusion} through
 * the terminology) and performed[x]; a Period gives its end, the latest day the procedure can have affected a
 * result. One named only by codes Eligo does not know, or by nothing, is {@link org.eligo.core.patient.Unidentified}.
 * Skipped: entered-in-error, not-done, and preparation (not yet performed).
 */
final class ProcedureMapper {
  private ProcedureMapper() {}

  static void map(Procedure procedure, ResourceScope scope, PatientFactsCollector facts) {
    if (procedure.hasStatus()) {
      switch (procedure.getStatus()) {
        case ENTEREDINERROR, NOTDONE, PREPARATION -> {
          scope.skip("status", "status is " + procedure.getStatus().toCode());
          return;
        }
        default -> { }
      }
    }
    // one named only by codes Eligo does not know (or by nothing) may be what a criterion asks about: unidentified
    CodeableConcepts.Meaning meaning = CodeableConcepts.readIdentity(scope, "code", procedure.getCode());
    FhirDates.Day date = ChoiceDates.day(scope, "performed", procedure.getPerformed(), End.END);
    if (date == null) scope.info("performed", "no date; time windows stay unknown");
    facts.procedures.add(new ProcedureFact(meaning.concepts(), meaning.text(), date == null ? null : date.day(),
        scope.source(), date == null ? null : date.last()));
  }
}
