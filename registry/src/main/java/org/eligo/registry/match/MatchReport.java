package org.eligo.registry.match;

import java.time.LocalDate;
import java.util.List;
import org.eligo.core.eval.Verdict;
import org.eligo.core.match.RankedMatches;
import org.eligo.core.match.TrialMatch;
import org.eligo.fhir.FhirDiagnostic;

/**
 * The ranked result of matching one patient, with what the FHIR reader could not use.
 *
 * @param patientId the record's patient id, as the submitter sent it
 */
public record MatchReport(LocalDate asOf, String patientId, List<TrialMatch> results,
                          List<FhirDiagnostic> diagnostics) {
  public MatchReport {
    // Ranked matches are already unmodifiable, and copying them would make a match object for every trial.
    if (!(results instanceof RankedMatches)) results = List.copyOf(results);
    diagnostics = List.copyOf(diagnostics);
  }

  /** How many of the results have {@code verdict}. */
  public long count(Verdict verdict) {
    return RankedMatches.count(results, verdict);
  }
}
