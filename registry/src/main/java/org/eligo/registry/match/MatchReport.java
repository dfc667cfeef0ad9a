package org.eligo.registry.match;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.RankedMatches;
import org.eligo.core.match.TrialMatch;
import org.eligo.core.patient.Death;
import org.eligo.fhir.FhirDiagnostic;

/**
 * The ranked result of matching one patient, with what the FHIR reader could not use.
 *
 * @param patientId the record's patient id, as the submitter sent it
 * @param death what the record says of the patient's death when they had died by {@code asOf} (then no trial is
 *     matched and {@code results} is empty), else null
 */
public record MatchReport(LocalDate asOf, String patientId, List<TrialMatch> results,
                          List<FhirDiagnostic> diagnostics, Death death) {
  public MatchReport {
    // Ranked matches are already unmodifiable, and copying them would make a match object for every trial.
    if (!(results instanceof RankedMatches)) results = List.copyOf(results);
    diagnostics = List.copyOf(diagnostics);
  }

  /** A report on a patient the record does not say had died. */
  public MatchReport(LocalDate asOf, String patientId, List<TrialMatch> results, List<FhirDiagnostic> diagnostics) {
    this(asOf, patientId, results, diagnostics, null);
  }

  /** Whether the record says the patient had died by the as-of date, so that nothing was matched. */
  public boolean deceased() {
    return death != null;
  }

  /** The sentence that says why nothing was matched for a deceased patient ("" otherwise). */
  public String deceasedNotice() {
    return death == null ? "" : "The record says the patient has died" + death.when()
        + ", so no trial is matched as of " + asOf + ".";
  }

  /** How many of the results have {@code verdict}. */
  public long count(Verdict verdict) {
    return RankedMatches.count(results, verdict);
  }
}
