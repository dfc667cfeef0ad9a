package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import org.eligo.core.patient.ProcedureFact;
import org.eligo.fhir.ChoiceDates.End;
import org.hl7.fhir.r4.model.Procedure;

/**
 * Procedure: code to concepts (a transfusion of any blood product maps to the concept {@code transfusion} through
 * the terminology) and performed[x]; a Period gives its end, the latest day the procedure can have affected a
 * result. One named only by codes Eligo does not know, or by nothing, is {@link org.eligo.core.patient.Unidentified}.
 * Skipped: entered-in-error, not-done, and preparation (not yet performed). One stopped before completion, on hold
 * (begun and paused), or whose status is unknown, is kept as unidentified: whether it counts as done is asked.
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
    // "PRBC 1 unit", "Transfusion of red blood cells (procedure)", "FFP 2 units": the blood product it names (§87)
    meaning = BloodProducts.refine(scope, meaning, java.util.List.of(procedure.getCode()), false);
    if (procedure.hasStatus() && (procedure.getStatus() == Procedure.ProcedureStatus.STOPPED
        || procedure.getStatus() == Procedure.ProcedureStatus.ONHOLD
        || procedure.getStatus() == Procedure.ProcedureStatus.UNKNOWN)) {
      // stopped: begun, not completed (a splenectomy abandoned); on-hold: begun and paused, to resume (FHIR R4 event
      // status); unknown: the source does not know whether it was done. Each may or may not count as having had it:
      // the criteria it could answer are asked, never decided.
      String why = switch (procedure.getStatus()) {
        case STOPPED -> " (stopped before completion)";
        case ONHOLD -> " (on hold, not completed)";
        default -> " (status unknown)";
      };
      scope.info("status", "is " + procedure.getStatus().toCode() + ": whether the procedure was done stays open, and"
          + " so do the criteria it could answer");
      meaning = new CodeableConcepts.Meaning(org.eligo.core.patient.Unidentified.CONCEPTS, meaning.text() + why);
    }
    FhirDates.Day date = ChoiceDates.day(scope, "performed", procedure.getPerformed(), End.END);
    if (date == null) scope.info("performed", "no date; time windows stay unknown");
    // "PRBC 2 units", "pRBCs x2": how many units a transfusion was, counted by "≥ 4 units of RBC" (DECISIONS 92)
    Integer units = BloodProducts.transfusion(meaning.concepts())
        ? BloodProducts.unitsOf(java.util.List.of(procedure.getCode())) : null;
    facts.procedures.add(new ProcedureFact(meaning.concepts(), meaning.text(), date == null ? null : date.day(),
        scope.source(), date == null ? null : date.last(), units));
  }
}
