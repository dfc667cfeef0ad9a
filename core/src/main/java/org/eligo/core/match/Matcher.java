package org.eligo.core.match;

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
 * (each open criterion is one or more questions), then INELIGIBLE. Within ELIGIBLE and within NEEDS_INFO the trials
 * that study one of the patient's diagnoses ({@link MatchCandidate#studiedConditions()}) come before the others, so an
 * extension study for another disease whose criteria never name it does not head the list of a patient it is not
 * for. Ties by NCT ID so the order is stable. Matching decides verdicts only, each distinct rule once per patient
 * ({@link SharedRules}); each trial's explanation is computed when it is read.
 */
public final class Matcher {
  /** The ranking order. */
  public static final Comparator<TrialMatch> RANKING = Comparator
      .comparingInt((TrialMatch m) -> rank(m.verdict()))
      .thenComparing(m -> m.verdict() != Verdict.INELIGIBLE && !m.studiesAConditionOfThePatient())
      .thenComparingInt(TrialMatch::openCriteria)
      .thenComparing(m -> m.trial().nctId());

  private Matcher() {}

  /** Matches against candidates in any order (sorted by NCT ID first). */
  public static RankedMatches match(PatientFacts patient, Collection<MatchCandidate> candidates,
                                       EvaluationContext context) {
    return match(patient, CandidateList.of(candidates), context);
  }

  public static RankedMatches match(PatientFacts patient, CandidateList candidates, EvaluationContext context) {
    PatientIndex index = PatientIndex.of(patient);
    EvaluationContext deciding = context.decideOnly();
    SharedRules rules = candidates.rules();
    byte[] memory = rules.newMemory();
    int n = candidates.size();
    TrialEvaluator.Decision[] decisions = new TrialEvaluator.Decision[n];
    int mostOpen = 0;
    for (int i = 0; i < n; i++) {
      TrialEvaluator.Decision decision = rules.decide(i, memory, index, deciding);
      decisions[i] = decision;
      mostOpen = Math.max(mostOpen, decision.openCriteria());
    }
    return ranked(candidates, decisions, mostOpen, index, context);
  }

  /**
   * Places matches decided in NCT ID order into {@link #RANKING} order: a stable counting sort on one key per trial
   * (ELIGIBLE for one of the patient's diagnoses, other ELIGIBLE, then NEEDS_INFO for one of them by open criteria,
   * other NEEDS_INFO by open criteria, then INELIGIBLE), so ties stay in NCT ID order without comparing a single string.
   */
  private static RankedMatches ranked(CandidateList list, TrialEvaluator.Decision[] decisions,
                                      int mostOpen, PatientIndex index, EvaluationContext context) {
    List<MatchCandidate> candidates = list.asList();
    java.util.BitSet conditions = index.numberedConditions();
    int n = decisions.length;
    int[] keys = new int[n];
    int ineligibleKey = 2 + 2 * (mostOpen + 1);
    int[] start = new int[ineligibleKey + 2];
    int[] verdictCounts = new int[Verdict.values().length];
    for (int i = 0; i < n; i++) {
      TrialEvaluator.Decision d = decisions[i];
      boolean other = d.verdict() != Verdict.INELIGIBLE && !list.studiesAnyOf(i, conditions);
      keys[i] = switch (d.verdict()) {
        case ELIGIBLE -> other ? 1 : 0;
        case NEEDS_INFO -> 2 + (other ? mostOpen + 1 : 0) + d.openCriteria();
        case INELIGIBLE -> ineligibleKey;
      };
      start[keys[i] + 1]++;
      verdictCounts[d.verdict().ordinal()]++;
    }
    for (int k = 1; k < start.length; k++) start[k] += start[k - 1];
    int[] order = new int[n];
    for (int i = 0; i < n; i++) order[start[keys[i]]++] = i;
    return new RankedMatches(candidates, decisions, order, verdictCounts, index, context);
  }

  /** Whether the trial studies a condition the patient's record holds (any clinical status). */
  static boolean studiesAConditionOf(MatchCandidate candidate, PatientIndex patient) {
    return !candidate.studiedConditions().isEmpty() && patient.hasConditionIn(candidate.studiedConditions());
  }

  private static int rank(Verdict verdict) {
    return switch (verdict) {
      case ELIGIBLE -> 0;
      case NEEDS_INFO -> 1;
      case INELIGIBLE -> 2;
    };
  }
}
