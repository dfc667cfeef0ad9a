package org.eligo.registry.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.match.CandidateList;
import org.eligo.core.match.MatchCandidate;
import org.eligo.core.match.Matcher;
import org.eligo.core.match.TrialMatch;
import org.eligo.core.patient.PatientFacts;
import org.eligo.fhir.HapiPatientReader;
import org.eligo.fhir.PatientReadResult;

/**
 * Matches one patient against the registry: open trials by default, named trials whatever their status, or all.
 * A patient the record says had died by the as-of date is matched against nothing ({@link MatchReport#death}).
 * Thread-safe; keeps nothing about the patient.
 */
public final class MatchService {
  private final CandidateCache candidates;
  private final HapiPatientReader reader;

  public MatchService(CandidateCache candidates, HapiPatientReader reader) {
    this.candidates = candidates;
    this.reader = reader;
  }

  /** Reads the Bundle and matches it. */
  public MatchReport match(MatchRequest request) {
    PatientReadResult read = reader.read(request.bundleJson(), request.asOf());
    if (read.facts().diedBy(request.asOf())) {
      select(request.trialIds(), request.all()); // unknown trials named are still an error
      return new MatchReport(request.asOf(), read.facts().id(), List.of(), read.diagnostics(), read.facts().death());
    }
    List<TrialMatch> results = match(read.facts(), request.trialIds(), request.all(), request.asOf());
    return new MatchReport(request.asOf(), read.facts().id(), results, read.diagnostics());
  }

  /** Matches facts already built (e.g. from a questionnaire). */
  public List<TrialMatch> match(PatientFacts facts, List<String> trialIds, boolean all, LocalDate asOf) {
    return Matcher.match(facts, select(trialIds, all), new EvaluationContext(asOf));
  }

  /** The candidates a request names: the given trials (all must exist), else open or all trials. */
  public CandidateList select(List<String> trialIds, boolean all) {
    if (!trialIds.isEmpty()) {
      List<MatchCandidate> named = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (String id : trialIds) {
        String nct = id.strip().toUpperCase(Locale.ROOT);
        candidates.get(nct).ifPresentOrElse(named::add, () -> unknown.add(id));
      }
      if (!unknown.isEmpty()) throw new UnknownTrialException(unknown);
      return CandidateList.of(named);
    }
    return all ? candidates.allForMatching() : candidates.openForMatching();
  }
}
