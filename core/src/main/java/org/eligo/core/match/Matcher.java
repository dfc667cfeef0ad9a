package org.eligo.core.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator;
import org.eligo.core.eval.Verdict;
import org.eligo.core.patient.PatientFacts;

/**
 * Evaluates one patient against many trials and ranks them: ELIGIBLE first, then NEEDS_INFO by fewest open criteria
 * (each open criterion is one or more questions), then INELIGIBLE; ties by NCT ID so the order is stable. Matching
 * decides verdicts only; each trial's explanation is computed when it is read.
 */
public final class Matcher {
  /** The ranking order. */
  public static final Comparator<TrialMatch> RANKING = Comparator
      .comparingInt((TrialMatch m) -> rank(m.verdict()))
      .thenComparingInt(TrialMatch::openCriteria)
      .thenComparing(m -> m.trial().nctId());

  private Matcher() {}

  public static List<TrialMatch> match(PatientFacts patient, Collection<MatchCandidate> candidates,
                                       EvaluationContext context) {
    PatientIndex index = PatientIndex.of(patient);
    List<TrialMatch> matches = new ArrayList<>(candidates.size());
    for (MatchCandidate candidate : candidates) {
      TrialEvaluator.Decision decision = TrialEvaluator.decide(candidate.criteria(), index, context);
      matches.add(new TrialMatch(candidate, index, context, decision));
    }
    matches.sort(RANKING);
    return matches;
  }

  private static int rank(Verdict verdict) {
    return switch (verdict) {
      case ELIGIBLE -> 0;
      case NEEDS_INFO -> 1;
      case INELIGIBLE -> 2;
    };
  }
}
