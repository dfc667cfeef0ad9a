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
 * decides verdicts only, each distinct rule once per patient ({@link SharedRules}); each trial's explanation is
 * computed when it is read.
 */
public final class Matcher {
  /** The ranking order. */
  public static final Comparator<TrialMatch> RANKING = Comparator
      .comparingInt((TrialMatch m) -> rank(m.verdict()))
      .thenComparingInt(TrialMatch::openCriteria)
      .thenComparing(m -> m.trial().nctId());

  private Matcher() {}

  /** Matches against candidates in any order (sorted by NCT ID first). */
  public static List<TrialMatch> match(PatientFacts patient, Collection<MatchCandidate> candidates,
                                       EvaluationContext context) {
    return match(patient, CandidateList.of(candidates), context);
  }

  public static List<TrialMatch> match(PatientFacts patient, CandidateList candidates, EvaluationContext context) {
    PatientIndex index = PatientIndex.of(patient);
    EvaluationContext deciding = context.decideOnly();
    List<MatchCandidate> all = candidates.asList();
    SharedRules rules = candidates.rules();
    byte[] memory = rules.newMemory();
    List<TrialMatch> matches = new ArrayList<>(all.size());
    for (int i = 0; i < all.size(); i++) {
      TrialEvaluator.Decision decision = rules.decide(i, memory, index, deciding);
      matches.add(new TrialMatch(all.get(i), index, context, decision));
    }
    return ranked(matches);
  }

  /**
   * Sorts matches made in NCT ID order into {@link #RANKING} order: a stable bucket sort by verdict and, for
   * NEEDS_INFO, by open criteria, so ties stay in NCT ID order without comparing a single string.
   */
  private static List<TrialMatch> ranked(List<TrialMatch> matches) {
    List<TrialMatch> eligible = new ArrayList<>();
    List<TrialMatch> needsInfo = new ArrayList<>();
    List<TrialMatch> ineligible = new ArrayList<>();
    int mostOpen = 0;
    for (TrialMatch m : matches) {
      switch (m.verdict()) {
        case ELIGIBLE -> eligible.add(m);
        case NEEDS_INFO -> { needsInfo.add(m); mostOpen = Math.max(mostOpen, m.openCriteria()); }
        case INELIGIBLE -> ineligible.add(m);
      }
    }
    List<TrialMatch> ranked = new ArrayList<>(matches.size());
    ranked.addAll(eligible);
    int[] start = new int[mostOpen + 2];
    for (TrialMatch m : needsInfo) start[m.openCriteria() + 1]++;
    for (int i = 1; i < start.length; i++) start[i] += start[i - 1];
    TrialMatch[] byOpen = new TrialMatch[needsInfo.size()];
    for (TrialMatch m : needsInfo) byOpen[start[m.openCriteria()]++] = m;
    ranked.addAll(java.util.Arrays.asList(byOpen));
    ranked.addAll(ineligible);
    return ranked;
  }

  private static int rank(Verdict verdict) {
    return switch (verdict) {
      case ELIGIBLE -> 0;
      case NEEDS_INFO -> 1;
      case INELIGIBLE -> 2;
    };
  }
}
