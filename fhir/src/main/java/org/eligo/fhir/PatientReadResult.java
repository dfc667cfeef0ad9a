package org.eligo.fhir;

import java.util.List;
import org.eligo.core.patient.PatientFacts;

/**
 * What a FHIR record yielded: the patient's facts and every problem met on the way, in input order.
 *
 * @param facts the facts read; demographics are unknown when the record has no usable Patient
 * @param diagnostics problems with their locations; empty when everything was read cleanly
 */
public record PatientReadResult(PatientFacts facts, List<FhirDiagnostic> diagnostics) {
  public PatientReadResult {
    java.util.Objects.requireNonNull(facts, "facts");
    diagnostics = List.copyOf(diagnostics);
  }

  /** The diagnostics of one severity. */
  public List<FhirDiagnostic> diagnostics(FhirDiagnostic.Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).toList();
  }

  /** True when nothing was dropped: no ERROR diagnostics. */
  public boolean complete() {
    return diagnostics(FhirDiagnostic.Severity.ERROR).isEmpty();
  }
}
