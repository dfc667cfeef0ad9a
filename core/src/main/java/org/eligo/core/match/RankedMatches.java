package org.eligo.core.match;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.eligo.core.eval.EvaluationContext;
import org.eligo.core.eval.PatientIndex;
import org.eligo.core.eval.TrialEvaluator.Decision;
import org.eligo.core.eval.Verdict;

/**
 * One patient's matches in {@link Matcher#RANKING} order, unmodifiable. Ranking 10,000 trials keeps only each trial's
 * decision and its place; a {@link TrialMatch} is made the first time a caller reads that place, so an answer that
 * shows the first ten trials makes ten of them, not ten thousand.
 */
public final class RankedMatches extends AbstractList<TrialMatch> implements RandomAccess {
  private final List<MatchCandidate> candidates;
  private final Decision[] decisions;
  private final int[] order;
  private final int[] verdictCounts;
  private final PatientIndex patient;
  private final EvaluationContext context;
  private final TrialMatch[] made;

  RankedMatches(List<MatchCandidate> candidates, Decision[] decisions, int[] order, int[] verdictCounts,
                PatientIndex patient, EvaluationContext context) {
    this.candidates = candidates;
    this.decisions = decisions;
    this.order = order;
    this.verdictCounts = verdictCounts;
    this.patient = patient;
    this.context = context;
    this.made = new TrialMatch[order.length];
  }

  @Override
  public TrialMatch get(int rank) {
    TrialMatch m = made[rank];
    if (m == null) {
      int position = order[rank];
      m = new TrialMatch(candidates.get(position), patient, context, decisions[position]);
      made[rank] = m; // a race makes the same match twice at worst; both give the same answers
    }
    return m;
  }

  @Override
  public int size() {
    return order.length;
  }

  /** How many trials have {@code verdict}, without reading the matches. */
  public int count(Verdict verdict) {
    return verdictCounts[verdict.ordinal()];
  }

  /** How many of {@code matches} have {@code verdict}: counted once when they are {@link RankedMatches}. */
  public static long count(List<TrialMatch> matches, Verdict verdict) {
    if (matches instanceof RankedMatches ranked) return ranked.count(verdict);
    return matches.stream().filter(m -> m.verdict() == verdict).count();
  }
}
