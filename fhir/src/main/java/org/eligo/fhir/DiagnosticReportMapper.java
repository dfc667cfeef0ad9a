package org.eligo.fhir;

import org.eligo.core.patient.PatientFactsCollector;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * DiagnosticReport: its results given as contained Observations ({@code result} → {@code #id}, as lab feeds converted
 * from HL7 v2 often send a panel) are read as the patient's Observations, each taking the report's effective time when
 * it gives none. Results that are Bundle entries are read as entries already. A report entered in error or cancelled
 * is left out with its results; the results of one still registered, partial or preliminary are preliminary (they set
 * older results aside and decide nothing), those marked final too; amended or corrected ones stand. Diagnostics are
 * located at {@code DiagnosticReport/id#result-id}.
 */
final class DiagnosticReportMapper {
  private DiagnosticReportMapper() {}

  /** Reads the contained results; false when the report holds none (it is then a resource Eligo does not use). */
  static boolean map(DiagnosticReport report, ResourceScope scope, PatientFactsCollector facts) {
    boolean contained = false;
    for (Reference result : report.getResult()) {
      if (result.hasReference() && result.getReference().startsWith("#")
          && scope.record().resolve(result, report) instanceof Observation) {
        contained = true;
      }
    }
    if (!contained) return false;
    if (report.hasStatus() && (report.getStatus() == DiagnosticReport.DiagnosticReportStatus.ENTEREDINERROR
        || report.getStatus() == DiagnosticReport.DiagnosticReportStatus.CANCELLED)) {
      scope.skip("status", "status is " + report.getStatus().toCode() + ", and so are its results");
      return true;
    }
    for (Reference result : report.getResult()) {
      if (!result.hasReference() || !result.getReference().startsWith("#")) continue;
      Resource target = scope.record().resolve(result, report);
      if (!(target instanceof Observation found)) continue;
      Observation obs = found.copy();
      if (!obs.hasEffective() && report.hasEffective()) obs.setEffective(report.getEffective().copy());
      if (unfinished(report) && (!obs.hasStatus() || obs.getStatus() == Observation.ObservationStatus.FINAL)) {
        // a result of a report that is not final yet may still change, whatever its own status says
        obs.setStatus(Observation.ObservationStatus.PRELIMINARY);
      }
      ResourceScope own = scope.contained(ResourceScope.idOf(found));
      if (obs.hasSubject() && !scope.record().isRecordPatient(obs.getSubject())) {
        own.error("subject", "refers to a patient other than the record's; the result is left out");
        continue;
      }
      ObservationMapper.map(obs, own, facts);
    }
    return true;
  }

  /** A report still registered, partial or preliminary: its results may change. */
  private static boolean unfinished(DiagnosticReport report) {
    if (!report.hasStatus()) return false;
    return switch (report.getStatus()) {
      case REGISTERED, PARTIAL, PRELIMINARY -> true;
      default -> false;
    };
  }
}
